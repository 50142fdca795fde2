/**
 * The facts of single tickets of the data set (see dataset.ts for each timeline): what counts as
 * met, missed, running or void, which callbacks are real, and the edge cases of the issue.
 */
import { ticketFacts } from '@/core/kpi/facts';
import { DEFAULT_POLICY, MINUTE, withRepair } from '../fixtures';
import { TICKETS, dec, nov, ticketD } from './dataset';

const facts = (name: keyof typeof TICKETS) => ticketFacts(TICKETS[name], DEFAULT_POLICY);

describe('ticket facts', () => {
  it('a plain repair: every clock met, minutes from the request, the owner’s callback', () => {
    expect(facts('A')).toMatchObject({
      id: 'tkt_A', kind: 'repair', community: '阳光花园', team: 'engineering', handler: { staffId: 'staff-tech-wang', name: '王师傅' },
      day: '2026-11-23', outcome: 'closed', closedAt: nov(23, 12), endedAt: nov(23, 12), returned: true, done: true,
      clocks: { dispatch: 'met', onSite: 'met', return: 'met', callback: 'met' },
      // 10:00 → dispatched 10:01, on site 10:10, returned 10:40, closed 12:00
      ms: { dispatch: 1 * MINUTE, arrive: 10 * MINUTE, return: 40 * MINUTE, close: 120 * MINUTE },
      callback: 'owner', callbackDue: true, rating: { handling: 5, staff: 5, handlingSatisfied: true, staffSatisfied: true },
      reopenCount: 0, aboutStaff: null, subtask: false, cardTurnaroundMs: null,
    });
  });

  it('a reopened ticket: first arrival and return count for the durations, the last round for the clocks, the phone callback is real', () => {
    expect(facts('B')).toMatchObject({
      outcome: 'closed', reopenCount: 1, callback: 'phone',
      // dispatched 09:05 (due 09:02); the second on-site clock 11:00 → 11:10 (due 11:15); first on-site round (09:30, due 09:20) is gone
      clocks: { dispatch: 'missed', onSite: 'met', return: 'met', callback: 'met' },
      ms: { dispatch: 5 * MINUTE, arrive: 30 * MINUTE, return: 60 * MINUTE, close: 240 * MINUTE },
      rating: { handling: 4, staff: 5, handlingSatisfied: true, staffSatisfied: true },
    });
  });

  it('a cancelled ticket: its dispatch clock, stopped by the cancel before its deadline, is void; nothing else measured', () => {
    expect(facts('C')).toMatchObject({
      outcome: 'cancelled', endedAt: nov(25, 10, 1), closedAt: null, done: false, returned: false, handler: null,
      clocks: { dispatch: 'void' }, ms: { dispatch: null, arrive: null, return: null, close: null }, callback: 'none', callbackDue: false,
    });
  });

  it('a paused on-site clock: the 30 paused minutes are not counted (met); without the pause the same arrival is late', () => {
    // 10:01 dispatched (due 10:16); paused 10:05–10:35 moves the deadline to 10:46; arrived 10:40.
    expect(TICKETS.D.clocks.onSite).toMatchObject({ startedAt: nov(26, 10, 1), dueAt: nov(26, 10, 46), pausedMs: 30 * MINUTE, stoppedAt: nov(26, 10, 40) });
    expect(facts('D').clocks.onSite).toBe('met');
    expect(ticketFacts(ticketD(false), DEFAULT_POLICY).clocks.onSite).toBe('missed');
    // Elapsed time still says 40 minutes: durations are what the owner waited.
    expect(facts('D').ms.arrive).toBe(40 * MINUTE);
  });

  it('a callback escalated past its deadline is owed and missing; the ticket is done but open', () => {
    expect(facts('D')).toMatchObject({ outcome: 'open', done: true, callback: 'none', callbackDue: true, clocks: { callback: 'missed' }, rating: null });
  });

  it('a ticket spanning two months counts on the day it was created; closed the next month', () => {
    expect(facts('E')).toMatchObject({
      day: '2026-11-30', closedAt: dec(1, 9),
      // returned 17:50 after the 17:30 closing; callback 09:00 next day, due 01:50 (8 h)
      clocks: { return: 'missed', callback: 'missed' }, ms: { return: 50 * MINUTE, close: 16 * 60 * MINUTE }, callback: 'owner',
      rating: { handling: 5, staff: 3, handlingSatisfied: true, staffSatisfied: true },
    });
  });

  it('closed without a callback is "auto": owed, not a callback, no rating', () => {
    expect(facts('F')).toMatchObject({ outcome: 'closed', callback: 'auto', callbackDue: true, rating: null, clocks: { callback: 'missed' } });
  });

  it('a complaint about a staff member names them; its own clocks are the complaint’s', () => {
    expect(facts('G')).toMatchObject({
      kind: 'complaint', team: 'customer_service', handler: { name: '张管家' },
      aboutStaff: { staffId: 'staff-tech-wang', name: '王师傅', ticketId: 'tkt_A' },
      clocks: { dispatch: 'met', reply: 'met', progress: 'met', callback: 'met' }, ms: { dispatch: 2 * MINUTE, arrive: null, return: 60 * MINUTE },
    });
  });

  it('an IC card: the identity check is its own clock (verify), the card clock late; turnaround request → card done', () => {
    expect(facts('H')).toMatchObject({
      kind: 'card', team: 'engineering', handler: { name: '王师傅' },
      clocks: { verify: 'met', issue: 'missed', callback: 'met' }, ms: { dispatch: 1 * MINUTE, return: 12 * MINUTE }, cardTurnaroundMs: 12 * MINUTE,
    });
    expect(facts('H').clocks.dispatch).toBeUndefined();
  });

  it('a sub-task: its team’s work, no owner callback (its callback clock left out), the public small-repair clock met', () => {
    const f = facts('I');
    expect(f).toMatchObject({ subtask: true, team: 'cleaning', done: true, callback: 'none', callbackDue: false, rating: null });
    expect(f.clocks).toEqual({ dispatch: 'met', onSite: 'met', repairSmall: 'met', report: 'void' });
  });

  it('a public-area repair is judged by its size class; no report was needed', () => {
    expect(facts('J').clocks).toEqual({ dispatch: 'met', onSite: 'met', repairMedium: 'met', report: 'void', callback: 'met' });
  });

  it('a running clock is running without `now`, missed with a `now` past its deadline', () => {
    expect(facts('K').clocks.onSite).toBe('running');
    expect(ticketFacts(TICKETS.K, DEFAULT_POLICY, dec(2, 10, 15)).clocks.onSite).toBe('running');
    expect(ticketFacts(TICKETS.K, DEFAULT_POLICY, dec(2, 10, 17)).clocks.onSite).toBe('missed');
  });

  it('a ticket back in 返修 keeps the rating that sent it back: staff question not satisfied; not done', () => {
    expect(facts('L')).toMatchObject({ outcome: 'open', done: false, reopenCount: 1, callback: 'owner', rating: { handling: 4, staff: 2, handlingSatisfied: true, staffSatisfied: false } });
  });

  it('"satisfied" follows the reopen threshold of the policy', () => {
    expect(ticketFacts(TICKETS.J, withRepair({ reopenAtOrBelow: 3 })).rating).toMatchObject({ handlingSatisfied: false, staffSatisfied: false });
  });

  it('facts are plain JSON', () => {
    const f = facts('B');
    expect(JSON.parse(JSON.stringify(f))).toEqual(f);
  });
});
