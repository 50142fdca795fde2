// A standalone emulator on its own loopback port (the stack mounts the same handler instead).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createEmulator, type EmulatorControl, type EmulatorOptions } from './emulator';
import { sendJson } from './http';
import { SDK_PATH } from './sdk-endpoint';

export interface StartEmulatorOptions extends EmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
}

export interface RunningEmulator extends EmulatorControl {
  /** http://127.0.0.1:<port> */
  url: string;
  /** What to pass to tcb.init({ serviceUrl }). */
  serviceUrl: string;
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 only: the emulator has no authentication. */
export async function listenLocal(server: http.Server, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port: actual } = server.address() as AddressInfo;
  return `http://127.0.0.1:${actual}`;
}

/** Stops accepting, drops idle keep-alive sockets (the SDK keeps some) and waits for the close. */
export async function closeServer(server: http.Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

export async function startEmulator(options: StartEmulatorOptions): Promise<RunningEmulator> {
  const emulator = createEmulator(options);
  const server = http.createServer((req, res) => {
    if (!emulator.handle(req, res)) sendJson(res, 404, { code: 'NOT_FOUND', message: 'not an emulator path' });
  });
  let url: string;
  try {
    url = await listenLocal(server, options.port ?? 0);
  } catch (err) {
    emulator.close();
    throw err;
  }
  const { handle: _handle, close: closeStore, ...control } = emulator;
  return {
    ...control,
    url,
    serviceUrl: `${url}${SDK_PATH}`,
    async close() {
      await closeServer(server);
      closeStore();
    },
  };
}
