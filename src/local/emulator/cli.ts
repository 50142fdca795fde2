// Runs a standalone emulator: `tsx src/local/emulator/cli.ts --data-dir <dir> [--port <n>]`.
// Prints one JSON line `{ "url", "serviceUrl" }` once it listens (tests wait for it). Like a new
// CloudBase environment it has no collections until db.createCollection() makes them.
import { startEmulator } from './server';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index === -1 ? undefined : process.argv[index + 1];
}

async function main(): Promise<void> {
  const dataDir = argument('--data-dir');
  if (!dataDir) throw new Error('usage: cli.ts --data-dir <dir> [--port <n>]');
  const port = Number(argument('--port') ?? '0');
  const emulator = await startEmulator({ dataDir, port });
  process.stdout.write(`${JSON.stringify({ url: emulator.url, serviceUrl: emulator.serviceUrl })}\n`);
  const stop = () => {
    emulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
