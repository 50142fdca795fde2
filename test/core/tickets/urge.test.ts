/** 催办: the owner urges, the handler is told, at most once per the policy's interval. */
import type { Actor } from '@/core/tickets/actor';
import type { TicketEvent } from '@/core/tickets/events';
import { transition } from '@/core/tickets/transition';
import { toTicketView } from '@/core/tickets/view';
import { DEFAULT_POLICY, MINUTE, T0, frontDesk, owner, technician, ticketIn, type Policy } from '../fixtures';

const urge: TicketEvent = { type: 'urge' };
const at = (minutes: number) => T0 + minutes * MINUTE;
const urgeAt = (t: Parameters<typeof transition>[0], minutes: number, policy: Policy = DEFAULT_POLICY, actor: Actor = owner) =>
  transition(t, urge, { actor, now: at(minutes), policy });

describe('urge (催办)', () => {
  it('keeps the state and its clocks, records the urge and tells the handler', () => {
    const t = ticketIn('dispatched');
    const r = urgeAt(t, 10);
    if (!r.ok) throw new Error(r.code);
    expect(r.ticket.state).toBe('dispatched');
    expect(r.ticket.clocks).toEqual(t.clocks); // entering the state again would restart the on-site clock
    expect(r.ticket.lastUrgedAt).toBe(at(10));
    expect(r.ticket.history.at(-1)).toMatchObject({ event: 'urge', from: 'dispatched', to: 'dispatched' });
    expect(r.effects.messages.map((m) => [m.template, m.touser])).toEqual([['task_urged', technician.openid]]);
  });

  it('is throttled: once per 30 minutes by default, and the owner sees when it is possible again', () => {
    const first = urgeAt(ticketIn('accepted'), 10);
    if (!first.ok) throw new Error(first.code);
    expect(urgeAt(first.ticket, 39)).toEqual({ ok: false, code: 'TICKET.URGE_TOO_SOON' });
    expect(toTicketView(first.ticket, owner, at(11), DEFAULT_POLICY).urgeAvailableAt).toBe(at(40));
    expect(urgeAt(first.ticket, 40).ok).toBe(true);
  });

  it('the interval is policy data', () => {
    const policy: Policy = { ...DEFAULT_POLICY, owner: { urgeIntervalMinutes: 5 } };
    const first = urgeAt(ticketIn('accepted'), 10, policy);
    if (!first.ok) throw new Error(first.code);
    expect(urgeAt(first.ticket, 14, policy).ok).toBe(false);
    expect(urgeAt(first.ticket, 15, policy).ok).toBe(true);
  });

  it('only the owner urges, and only while the work is still ahead', () => {
    expect(urgeAt(ticketIn('dispatched'), 10, DEFAULT_POLICY, frontDesk)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    for (const state of ['awaiting_confirmation', 'returned', 'callback_pending', 'closed', 'cancelled'] as const) {
      expect([state, urgeAt(ticketIn(state), 10)]).toEqual([state, { ok: false, code: 'TICKET.ILLEGAL_TRANSITION' }]);
      expect(toTicketView(ticketIn(state), owner, at(10), DEFAULT_POLICY).urgeAvailableAt).toBeNull();
    }
  });

  it('with nobody assigned yet the urge is recorded, no message can go out', () => {
    const r = urgeAt(ticketIn('submitted'), 1);
    if (!r.ok) throw new Error(r.code);
    expect(r.effects.messages).toEqual([]);
  });
});
