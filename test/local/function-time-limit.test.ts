// A call is cut at its function's time limit, as SCF cuts it: the caller gets the platform's
// timeout, and on a function instance the work stops where it was.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FunctionTimeoutError } from '@/local/emulator/function-invoker';
import { buildScfContext } from '@/local/emulator/scf-context';
import { functionInstances } from '@/local/function-instances';
import { startStack, type RunningStack } from '@/local/stack';
import { main as timed } from './fixtures/timed-function';

jest.setTimeout(30_000);

const LIMIT_MS = 600;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let scratch: string;
const marker = (name: string) => path.join(scratch, name);

beforeAll(() => {
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'time-limit-'));
});
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('the context carries the deployed limit', () => {
  test('3 s for a function users call, the configured one for the sweep', () => {
    expect(buildScfContext('repair', 'o1').time_limit_in_ms).toBe(3000);
    expect(buildScfContext('sweep', '').time_limit_in_ms).toBe(20_000);
  });
});

describe('on the host thread', () => {
  let stack: RunningStack;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'time-limit-stack-'));
    stack = await startStack({ dataDir, handlers: { timed: timed as never }, timeLimitMs: () => LIMIT_MS, onFunctionError: () => {} });
  });
  afterAll(async () => {
    await stack.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (event: object) =>
    fetch(`${stack.url}/functions/timed`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-dev-openid': 'o1' }, body: JSON.stringify(event) });

  test('a call within its limit answers, and its context says the limit', async () => {
    const res = await post({ waitMs: 10 });
    expect(res.status).toBe(200);
    expect((await res.json()).limitMs).toBe(LIMIT_MS);
  });

  test('a call past its limit is answered with SCF timeout at the limit', async () => {
    const started = Date.now();
    const res = await post({ waitMs: LIMIT_MS + 400 });
    const took = Date.now() - started;
    expect(res.status).toBe(433);
    expect(await res.json()).toEqual({ errorCode: -1, errorMessage: 'Invoking task timed out after 0.6 seconds', statusCode: 433 });
    // Answered at the limit, not when the handler would have finished (its answer would be a 200).
    expect(took).toBeGreaterThanOrEqual(LIMIT_MS - 20);
  });
});

describe('on function instances', () => {
  const instances = () => functionInstances(['timed'], { entryOf: () => path.join(__dirname, 'fixtures', 'timed-function.ts'), preload: [] });
  const context = (limitMs: number) => buildScfContext('timed', 'o1', undefined, limitMs);

  test('a cut call stops: its later work never happens, and its instance is replaced', async () => {
    const pool = instances();
    try {
      // Warm: the first call pays the cold start, which the limit covers too.
      const first = (await pool.handlers.timed({}, context(10_000))) as { threadId: number };
      await expect(pool.handlers.timed({ waitMs: 800, marker: marker('cut') }, context(300))).rejects.toThrow(FunctionTimeoutError);
      await sleep(900);
      expect(fs.existsSync(marker('cut'))).toBe(false);
      expect(pool.figures.timeouts.timed).toBe(1);
      const after = (await pool.handlers.timed({}, context(10_000))) as { threadId: number };
      expect(after.threadId).not.toBe(first.threadId);
      expect(pool.figures.coldStartsMs.timed).toHaveLength(2);
    } finally {
      await pool.close();
    }
  });

  test('an instance serves one call at a time and is reused when idle; a handler error keeps it', async () => {
    const pool = instances();
    try {
      const both = (await Promise.all([pool.handlers.timed({ waitMs: 50 }, context(10_000)), pool.handlers.timed({ waitMs: 50 }, context(10_000))])) as { threadId: number }[];
      expect(both[0].threadId).not.toBe(both[1].threadId);
      await expect(pool.handlers.timed({ fail: true }, context(10_000))).rejects.toThrow('handler refused');
      const again = (await pool.handlers.timed({}, context(10_000))) as { threadId: number };
      expect(both.map((b) => b.threadId)).toContain(again.threadId);
      expect(pool.figures.coldStartsMs.timed).toHaveLength(2);
      expect(pool.figures.coldStartsMs.timed.every((ms) => ms > 0)).toBe(true);
    } finally {
      await pool.close();
    }
  });

  test('a call within its limit finishes its work', async () => {
    const pool = instances();
    try {
      await pool.handlers.timed({ waitMs: 20, marker: marker('kept') }, context(10_000));
      expect(fs.readFileSync(marker('kept'), 'utf8')).toBe('ran on');
    } finally {
      await pool.close();
    }
  });
});
