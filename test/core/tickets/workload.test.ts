import { TICKET_STATES, type TicketState } from '@/core/tickets/states';
import { WORKLOAD_STATES, workloadDelta } from '@/core/tickets/workload';

const A = { staffId: 'a', openid: 'oa', name: 'A', phone: '1', role: 'technician' as const };
const B = { ...A, staffId: 'b', openid: 'ob', name: 'B' };
const t = (state: TicketState, assignee: typeof A | null = A) => ({ state, assignee });

describe('workload: tickets in a technician’s hands', () => {
  it('a dispatched new ticket adds one to its assignee', () => {
    expect(workloadDelta(null, t('dispatched'))).toEqual({ a: 1 });
    expect(workloadDelta(t('submitted', null), t('dispatched'))).toEqual({ a: 1 });
  });

  it('a ticket nobody holds changes nothing', () => {
    expect(workloadDelta(null, t('submitted', null))).toEqual({});
  });

  it('moving between working states keeps the count', () => {
    expect(workloadDelta(t('dispatched'), t('accepted'))).toEqual({});
    expect(workloadDelta(t('on_site'), t('in_progress'))).toEqual({});
  });

  it('returning the job takes it out of the technician’s hands; a reopen puts it back', () => {
    expect(workloadDelta(t('in_progress'), t('returned'))).toEqual({ a: -1 });
    expect(workloadDelta(t('callback_pending'), t('reopened'))).toEqual({ a: 1 });
    expect(workloadDelta(t('callback_pending'), t('closed'))).toEqual({});
  });

  it('a teammate taking the task moves it from one to the other', () => {
    expect(workloadDelta(t('dispatched', A), t('accepted', B))).toEqual({ a: -1, b: 1 });
  });

  it.each(TICKET_STATES)('from %s to cancelled releases exactly what was held', (state) => {
    expect(workloadDelta(t(state), t('cancelled'))).toEqual(WORKLOAD_STATES.includes(state) ? { a: -1 } : {});
  });
});
