// Timer triggers on the local stack: CloudBase's 7-field cron read in China time, and the stack
// firing a function's trigger with a Timer event and no caller identity.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startStack } from '@/local/stack';
import { CronError, nextFire, parseCron, timerEvent } from '@/local/timers';
import { FUNCTION_TRIGGERS } from '@/server/triggers';

/** A wall-clock time in China (UTC+8) as an instant. */
const china = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => Date.UTC(y, mo - 1, d, h - 8, mi, s);

describe('7-field cron (second minute hour day month week year), China time', () => {
  it('the sweep runs at second 0 of every minute', () => {
    const [sweep] = FUNCTION_TRIGGERS.sweep;
    expect(sweep).toEqual({ name: 'everyMinute', type: 'timer', config: '0 * * * * * *' });
    const cron = parseCron(sweep.config);
    expect(nextFire(cron, china(2026, 11, 23, 10, 0, 30))).toBe(china(2026, 11, 23, 10, 1, 0));
    // Strictly after: firing at 10:01:00 schedules 10:02:00.
    expect(nextFire(cron, china(2026, 11, 23, 10, 1, 0))).toBe(china(2026, 11, 23, 10, 2, 0));
    expect(nextFire(cron, china(2026, 12, 31, 23, 59, 59))).toBe(china(2027, 1, 1, 0, 0, 0));
  });

  it('reads hours in China time, with lists, ranges, steps and names', () => {
    // 02:00 every first of the month (the example of the WeChat docs), from 23 Nov 10:00.
    expect(nextFire(parseCron('0 0 2 1 * * *'), china(2026, 11, 23, 10, 0))).toBe(china(2026, 12, 1, 2, 0));
    expect(nextFire(parseCron('0 */15 8-9 * * * *'), china(2026, 11, 23, 9, 50))).toBe(china(2026, 11, 24, 8, 0));
    expect(nextFire(parseCron('30 0 9 * * MON *'), china(2026, 11, 23, 10, 0))).toBe(china(2026, 11, 30, 9, 0, 30));
    expect(nextFire(parseCron('0 0 0 1 JAN,JUL * 2027'), china(2026, 11, 23, 10, 0))).toBe(china(2027, 1, 1, 0, 0));
    expect(nextFire(parseCron('0 0 0 1 1 * 2025'), china(2026, 11, 23, 10, 0))).toBeNull();
  });

  it('refuses what it cannot read', () => {
    expect(() => parseCron('0 * * * *')).toThrow(CronError);
    expect(() => parseCron('60 * * * * * *')).toThrow(CronError);
    expect(() => parseCron('0 */0 * * * * *')).toThrow(CronError);
  });

  it('passes the event a CloudBase timer passes', () => {
    expect(timerEvent({ name: 'everyMinute', type: 'timer', config: '0 * * * * * *' }, Date.UTC(2026, 10, 23, 2, 1))).toEqual({
      Type: 'Timer',
      TriggerName: 'everyMinute',
      Time: '2026-11-23T02:01:00Z',
      Message: '',
    });
  });
});

describe('the stack fires timer triggers when asked', () => {
  it('calls the function with the Timer event and no identity, until closed', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'stack-timers-'));
    const calls: { event: unknown; openid: string }[] = [];
    const answered: unknown[] = [];
    const stack = await startStack({
      dataDir,
      handlers: {
        sweep: async (event, context) => {
          calls.push({ event, openid: JSON.parse(context.environment).WX_OPENID });
          return { ok: true, data: calls.length };
        },
        other: async () => ({ ok: true }),
      },
      timers: { sweep: [{ name: 'everySecond', type: 'timer', config: '* * * * * * *' }], missing: [{ name: 'x', type: 'timer', config: '* * * * * * *' }] },
      onTimer: (_name, _trigger, result) => answered.push(result),
    });
    try {
      const until = Date.now() + 3000;
      while (calls.length < 2 && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
      expect(calls.length).toBeGreaterThanOrEqual(2);
      expect(calls[0]).toEqual({ event: { Type: 'Timer', TriggerName: 'everySecond', Time: expect.stringMatching(/Z$/), Message: '' }, openid: '' });
      expect(answered[0]).toEqual({ ok: true, data: 1 });
    } finally {
      await stack.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
    const after = calls.length;
    await new Promise((r) => setTimeout(r, 1200));
    expect(calls.length).toBe(after);
  });

  it('fires nothing unless asked (tests drive time themselves)', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'stack-timers-'));
    let called = 0;
    const stack = await startStack({ dataDir, handlers: { sweep: async () => ++called } });
    await new Promise((r) => setTimeout(r, 1100));
    await stack.close();
    rmSync(dataDir, { recursive: true, force: true });
    expect(called).toBe(0);
  });
});
