/** What the owner reads as the next promise, in plain words (issue: "技师预计 10:15 前上门"). */
import { ownerPromise, sayTime } from '@/core/tickets/promise';
import { DEFAULT_POLICY, HOUR, MINUTE, T0, local, ticketIn } from '../fixtures';

describe('owner promise in plain words', () => {
  it('before dispatch: when it will be dispatched', () => {
    expect(ownerPromise(ticketIn('submitted'), T0, DEFAULT_POLICY)).toBe('预计 10:02 前为您派单');
  });

  it('dispatched: the on-site deadline; once accepted, the technician by name', () => {
    // Dispatched at 10:01 → on site by 10:16.
    expect(ownerPromise(ticketIn('dispatched'), T0 + 2 * MINUTE, DEFAULT_POLICY)).toBe('师傅预计 10:16 前上门');
    expect(ownerPromise(ticketIn('accepted'), T0 + 3 * MINUTE, DEFAULT_POLICY)).toBe('王师傅预计 10:16 前上门');
  });

  it('an agreed appointment is said as the slot', () => {
    const appointment = { start: local(2026, 11, 24, 14), end: local(2026, 11, 24, 16) };
    expect(ownerPromise(ticketIn('accepted', { appointment }), T0 + 3 * MINUTE, DEFAULT_POLICY)).toBe('王师傅将在您预约的 11月24日 14:00–16:00 上门');
  });

  it('a missed promise is not repeated as if still ahead', () => {
    expect(ownerPromise(ticketIn('dispatched'), T0 + HOUR, DEFAULT_POLICY)).toMatch(/^已超出承诺时间/);
  });

  it('after return the rating form asks, no promise repeats it; closed: nothing is promised', () => {
    expect(ownerPromise(ticketIn('returned'), T0 + HOUR, DEFAULT_POLICY)).toBeNull();
    expect(ownerPromise(ticketIn('closed'), T0 + HOUR, DEFAULT_POLICY)).toBeNull();
  });

  it('says today’s times as HH:mm and other days with the date, in China time', () => {
    expect(sayTime(local(2026, 11, 23, 23, 59), local(2026, 11, 23, 0, 1), DEFAULT_POLICY)).toBe('23:59');
    expect(sayTime(local(2026, 11, 24, 0, 0), local(2026, 11, 23, 23, 59), DEFAULT_POLICY)).toBe('11月24日 00:00');
  });
});
