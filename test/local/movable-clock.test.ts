// The simulated month's clock: a dev-only driver moves it, and the stack and every function
// instance read that time, until it is moved again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { functionInstances } from '@/local/function-instances';
import { createMovableClock, installMovableClock } from '@/local/movable-clock';
import { startStack, type RunningStack } from '@/local/stack';

const AT = Date.parse('2027-02-05T23:30:00+08:00');
const clock = createMovableClock();
const pool = functionInstances(['clock'], { entryOf: () => path.join(__dirname, 'fixtures', 'clock-function.ts'), preload: [], clock: clock.shared });
let stack: RunningStack;
let dataDir: string;

beforeAll(async () => {
  installMovableClock(clock);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'movable-clock-'));
  stack = await startStack({ dataDir, handlers: pool.handlers, clock });
});
afterAll(async () => {
  await pool.close();
  await stack.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const callClock = async () => (await (await fetch(`${stack.url}/functions/clock`, { method: 'POST', headers: { 'x-dev-openid': 'o1' }, body: '{}' })).json()) as { now: number; iso: string };
const moveTo = (at: unknown) => fetch(`${stack.url}/_local/clock`, { method: 'POST', body: JSON.stringify({ at }) });

test('unset, it is the machine’s time', async () => {
  const before = performance.timeOrigin + performance.now();
  expect((await callClock()).now).toBeGreaterThanOrEqual(before - 5);
});

test('moved by the driver, the stack and a function instance read the same time, and it stays there', async () => {
  const res = await moveTo(AT);
  expect(await res.json()).toEqual({ at: AT });
  expect(Date.now()).toBe(AT);
  expect(await callClock()).toEqual({ now: AT, iso: '2027-02-05T15:30:00.000Z' });
  await new Promise((r) => setTimeout(r, 30));
  expect((await callClock()).now).toBe(AT);
  await moveTo(AT + 60_000);
  expect((await callClock()).now).toBe(AT + 60_000);
  expect(await (await fetch(`${stack.url}/_local/clock`)).json()).toEqual({ at: AT + 60_000 });
});

test('dates with arguments are untouched; a bad time is refused', async () => {
  expect(new Date(0).toISOString()).toBe('1970-01-01T00:00:00.000Z');
  expect(Date.UTC(2027, 0, 1)).toBe(Date.parse('2027-01-01T00:00:00Z'));
  expect((await moveTo('tomorrow')).status).toBe(400);
  expect((await moveTo(1.5)).status).toBe(400);
});
