// Durability: every write the emulator acknowledged survives a SIGKILL of its process, because
// the journal line is fdatasync'd before the response is sent; replay restores it on restart.
import tcb from '@cloudbase/node-sdk';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { startEmulator } from '@/local/emulator';
import { useLocalSdkEnv } from './sdk-env';

const ROOT = path.resolve(__dirname, '../..');
const CLI = path.join(ROOT, 'src/local/emulator/cli.ts');

let dataDir: string;

useLocalSdkEnv();

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-durable-'));
});

afterEach(() => {
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the emulator in a separate process and resolves once it prints its service URL. */
async function spawnEmulator(dir: string): Promise<{ child: ChildProcess; serviceUrl: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--data-dir', dir, '--port', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = readline.createInterface({ input: child.stdout! });
  const serviceUrl = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`emulator exited early with ${code}`)));
    lines.once('line', (line) => resolve(JSON.parse(line).serviceUrl));
  });
  return { child, serviceUrl };
}

function killed(child: ChildProcess): Promise<NodeJS.Signals | null> {
  return new Promise((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
}

test('acknowledged writes survive SIGKILL right after the acknowledgement', async () => {
  const { child, serviceUrl } = await spawnEmulator(dataDir);
  const exited = killed(child);
  const db = tcb.init({ env: 'local-dev', serviceUrl }).database();
  const _ = db.command;

  for (const name of ['tickets', 'outbox', 'burst']) await db.createCollection(name);
  await db.collection('tickets').add([{ _id: 't1', state: 'open', version: 1 }, { _id: 't2', state: 'open', version: 1 }]);
  await db.collection('tickets').where({ _id: 't1', version: 1 }).update({ state: 'assigned', version: 2 });
  await db.collection('tickets').doc('t2').remove();
  await db.runTransaction(async (tx: any) => {
    await tx.collection('tickets').doc('t1').update({ audit: _.push([{ to: 'assigned' }]) });
    await tx.collection('outbox').add({ _id: 'm1', ticket: 't1' });
  });
  // Many writes in flight; the process dies the moment the first one of them is acknowledged.
  const acknowledged: string[] = [];
  const inFlight = Array.from({ length: 40 }, (_unused, i) =>
    db.collection('burst').add({ _id: `b${i}`, i }).then(
      () => {
        acknowledged.push(`b${i}`);
        child.kill('SIGKILL');
      },
      () => undefined, // writes cut off by the kill were never acknowledged
    ),
  );
  await Promise.all(inFlight);
  expect(await exited).toBe('SIGKILL');
  expect(acknowledged.length).toBeGreaterThan(0);

  const restarted = await startEmulator({ dataDir });
  try {
    const again = tcb.init({ env: 'local-dev', serviceUrl: restarted.serviceUrl }).database();
    expect((await again.collection('tickets').get()).data).toEqual([
      { _id: 't1', state: 'assigned', version: 2, audit: [{ to: 'assigned' }] },
    ]);
    expect((await again.collection('outbox').doc('m1').get()).data).toEqual([{ _id: 'm1', ticket: 't1' }]);
    const burst = (await again.collection('burst').limit(1000).get()).data.map((d: { _id: string }) => d._id);
    for (const id of acknowledged) expect(burst).toContain(id);
  } finally {
    await restarted.close();
  }
});

test('a torn last journal line (crash mid-append) is dropped and the journal stays usable', async () => {
  const first = await startEmulator({ dataDir });
  const db1 = tcb.init({ env: 'local-dev', serviceUrl: first.serviceUrl }).database();
  await db1.createCollection('c');
  await db1.collection('c').add({ _id: 'kept', v: 1 });
  await first.close();

  const journal = path.join(dataDir, fs.readdirSync(dataDir).find((f) => f.startsWith('journal'))!);
  fs.appendFileSync(journal, '{"m":[{"op":"put","coll":"c","doc":{"_id":"tor');

  const second = await startEmulator({ dataDir });
  const db2 = tcb.init({ env: 'local-dev', serviceUrl: second.serviceUrl }).database();
  expect((await db2.collection('c').get()).data).toEqual([{ _id: 'kept', v: 1 }]);
  await db2.collection('c').add({ _id: 'after', v: 2 });
  await second.close();

  const third = await startEmulator({ dataDir, compactOnStart: false });
  const db3 = tcb.init({ env: 'local-dev', serviceUrl: third.serviceUrl }).database();
  expect((await db3.collection('c').orderBy('v', 'asc').get()).data).toEqual([{ _id: 'kept', v: 1 }, { _id: 'after', v: 2 }]);
  await third.close();
});

test('damage in the middle of the journal is refused instead of silently losing data', async () => {
  const first = await startEmulator({ dataDir, compactOnStart: false });
  const db = tcb.init({ env: 'local-dev', serviceUrl: first.serviceUrl }).database();
  await db.createCollection('c');
  await db.collection('c').add({ _id: 'a' });
  await db.collection('c').add({ _id: 'b' });
  await first.close();
  const journal = path.join(dataDir, 'journal.ejsonl');
  const lines = fs.readFileSync(journal, 'utf8').split('\n');
  lines[0] = lines[0].slice(0, 10);
  fs.writeFileSync(journal, lines.join('\n'));
  await expect(startEmulator({ dataDir })).rejects.toThrow(/damaged at line 1/);
});

test('one emulator per data directory: a second one is refused while the first runs', async () => {
  const first = await startEmulator({ dataDir });
  await expect(startEmulator({ dataDir })).rejects.toThrow(/in use by process/);
  await first.close();
  const second = await startEmulator({ dataDir });
  await second.close();
});
