/**
 * The front desk's part of the workflow, pure: a request registered for the owner (代客登记)
 * records how and by whom; a phone callback is a rating that says it came by phone; calls that
 * did not reach the owner are kept per callback round and, at the policy's count, tell the
 * supervisor; the day's register reads a date in China time.
 */
import { createComplaintTicket } from '@/core/tickets/create';
import { attemptsThisRound } from '@/core/tickets/callbacks';
import type { StaffRef, TicketEvent } from '@/core/tickets/events';
import { localDayRange, stateGroupOf } from '@/core/tickets/register';
import { transition } from '@/core/tickets/transition';
import { DEFAULT_POLICY, HOUR, MINUTE, T0, clone, ev, frontDesk, newTicket, owner, staffActor, step, submission, technician, ticketIn, type Policy } from '../fixtures';

const ZHOU: StaffRef = { staffId: 'staff-super-zhou', openid: 'openid-super-zhou', name: '周主任', role: 'supervisor' };
const attempt = (note = '无人接听', supervisors: StaffRef[] = [ZHOU]): TicketEvent => ({ type: 'callback_attempt', note, supervisors });
const at = (n: number) => T0 + HOUR + n * MINUTE;

describe('代客登记: how a request reached us', () => {
  it('the owner’s own submission is from the app, registered by nobody', () => {
    const t = newTicket();
    expect([t.channel, t.registeredBy, t.history[0].note]).toEqual(['wechat', null, '']);
  });

  it('one registered by the desk says by whom and how, before the kind’s own note', () => {
    const t = newTicket({ channel: 'phone', registeredBy: { staffId: frontDesk.staffId, name: '陈前台' }, urgent: true });
    expect(t).toMatchObject({ channel: 'phone', registeredBy: { name: '陈前台' }, owner: { openid: owner.openid } });
    expect(t.history[0].note).toBe('陈前台代客登记（电话）；急修');
    const complaint = createComplaintTicket(
      {
        ...submission({ channel: 'walk_in', registeredBy: { staffId: 's', name: '张管家' } }),
        category: 'noise',
        aboutStaff: null,
        aboutStaffId: null,
        replyBy: T0 + 4 * HOUR,
        linkedTicket: null,
      },
      { actor: frontDesk, now: T0, policy: DEFAULT_POLICY },
    ).ticket;
    expect(complaint.history[0]).toMatchObject({ note: '张管家代客登记（到访）', actor: { kind: 'staff', name: '陈前台' } });
  });
});

describe('电话回访: a rating taken down by the desk', () => {
  it('is recorded as by phone and by whom, with its own audit note', () => {
    const { ticket, effects } = step(ticketIn('callback_pending'), ev.rate(5, 4, '挺好的'), frontDesk, at(0));
    expect(ticket.rating).toEqual({ handling: 5, staff: 4, comment: '挺好的', at: at(0), by: 'phone', recordedBy: { staffId: frontDesk.staffId, name: '陈前台' } });
    expect(effects.audit.note).toBe('电话回访（陈前台）：处理结果满意度 5 星，服务态度满意度 4 星；“挺好的”');
  });

  it('may not be recorded by a technician or a team lead', () => {
    const lead = staffActor({ staffId: 'staff-lead-ma', openid: 'openid-lead-ma', name: '马组长', role: 'team_lead' });
    for (const who of [technician, lead]) {
      expect(transition(ticketIn('callback_pending'), ev.rate(5, 5), { actor: who, now: at(0), policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });
});

describe('未能联系上业主', () => {
  it('keeps the state, records time, note and caller, and tells the supervisor at the third call of the round only', () => {
    let t = ticketIn('callback_pending');
    const told: string[][] = [];
    for (const n of [1, 2, 3, 4]) {
      const r = step(t, attempt(n === 2 ? '关机' : '无人接听'), frontDesk, at(n));
      expect(r.ticket.state).toBe('callback_pending');
      told.push(r.effects.messages.map((m) => `${m.template}→${m.touser}`));
      t = r.ticket;
    }
    expect(told).toEqual([[], [], ['sla_escalation→openid-super-zhou'], []]);
    expect(t.callbackAttempts?.map((a) => [a.at, a.note, a.by.name])).toEqual([
      [at(1), '无人接听', '陈前台'],
      [at(2), '关机', '陈前台'],
      [at(3), '无人接听', '陈前台'],
      [at(4), '无人接听', '陈前台'],
    ]);
    expect(t.history.slice(-2).map((h) => h.note)).toEqual(['第3次未联系上业主：无人接听；已告知周主任', '第4次未联系上业主：无人接听']);
  });

  it('the count is policy: told at the second call when the policy says 2', () => {
    const policy: Policy = { ...DEFAULT_POLICY, callback: { tellSupervisorAtAttempt: 2 } };
    const first = step(ticketIn('callback_pending'), attempt(), frontDesk, at(1), policy);
    const second = step(first.ticket, attempt(), frontDesk, at(2), policy);
    expect([first.effects.messages.length, second.effects.messages.map((m) => m.template)]).toEqual([0, ['sla_escalation']]);
  });

  it('a ticket reopened and returned again starts a new round of calls', () => {
    let t = ticketIn('callback_pending');
    for (const n of [1, 2]) t = step(t, attempt(), frontDesk, at(n)).ticket;
    t = step(t, ev.rate(1, 1, '还是漏'), frontDesk, at(3)).ticket;
    t = step(t, ev.accept(), technician, at(4)).ticket;
    t = step(t, ev.arrive(), technician, at(5)).ticket;
    t = step(t, ev.finish(), technician, at(6)).ticket;
    expect(attemptsThisRound(t)).toEqual([]);
    expect(t.callbackAttempts).toHaveLength(2);
    const r = step(t, attempt(), frontDesk, at(7));
    expect(r.ticket.history.at(-1)?.note).toBe('第1次未联系上业主：无人接听');
  });

  it('is refused without a note, for a technician, the owner, and on a ticket not waiting for its callback; nothing changes', () => {
    const waiting = ticketIn('callback_pending');
    const before = clone(waiting);
    const run = (t = waiting, e = attempt(), actor = frontDesk as Parameters<typeof transition>[2]['actor']) => transition(t, e, { actor, now: at(1), policy: DEFAULT_POLICY });
    expect(run(waiting, attempt('  '))).toEqual({ ok: false, code: 'INPUT.INVALID' });
    expect(run(waiting, attempt(), technician)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(run(waiting, attempt(), owner)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(run(ticketIn('in_progress'))).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
    expect(run(ticketIn('closed'))).toEqual({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
    expect(waiting).toEqual(before);
  });
});

describe('前台受理登记: a day in China time', () => {
  it('is [00:00, 24:00) on a China clock', () => {
    expect(localDayRange('2025-06-02', 480)).toEqual({ from: Date.UTC(2025, 5, 1, 16), to: Date.UTC(2025, 5, 2, 16) });
  });

  it('refuses a date that does not exist or is not a date', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-6-2', '']) expect(localDayRange(bad, 480)).toBeNull();
    expect(localDayRange('2024-02-29', 480)).not.toBeNull();
  });

  it('groups states as the desk reads them', () => {
    expect(['dispatched', 'reopened', 'returned', 'callback_pending', 'closed', 'cancelled', 'referred'].map((s) => stateGroupOf(s as never))).toEqual([
      'open',
      'open',
      'callback',
      'callback',
      'closed',
      'ended',
      'ended',
    ]);
  });
});
