/**
 * Complaints and IC cards through the pure workflow, under a fake clock: who takes them, which
 * clocks run (standards: complaints 5 min to customer service and the owner's reply time; IC
 * cards 2 + 8 minutes), what the owner reads, and the reissue fee as policy data.
 */
import { createCardTicket, createComplaintTicket, type CardSubmission, type ComplaintSubmission } from '@/core/tickets/create';
import type { Ticket } from '@/core/tickets/model';
import { transition } from '@/core/tickets/transition';
import { toSummary, toTicketView } from '@/core/tickets/view';
import { DEFAULT_POLICY, HOUR, MINUTE, T0, ev, local, owner, staffActor, step, system, technician, type Policy } from '../fixtures';

const unit = { id: 'u-1-1-1201', community: '天利龙腾湾', building: '1栋', unit: '1单元', room: '1201', zone: 'A区' };
const base = {
  id: 'tkt_cmp0001',
  owner: { openid: owner.openid, name: owner.name, phone: '13900000000' },
  unit,
  description: '楼道垃圾三天没人清理',
  photos: [],
  grantedTemplates: ['order_accepted', 'repair_done'] as const,
};

const keeperA = staffActor({ openid: 'o-keeper-zhang', staffId: 's-keeper-zhang', name: '张管家', role: 'housekeeper', team: 'customer_service', trades: [], zones: ['A区'] });
const keeperB = staffActor({ openid: 'o-keeper-li', staffId: 's-keeper-li', name: '李管家', role: 'housekeeper', team: 'customer_service', trades: [], zones: ['B区'] });
const desk = staffActor({ openid: 'o-desk-chen', staffId: 's-desk-chen', name: '陈前台', role: 'front_desk', team: 'customer_service', trades: [], zones: ['A区', 'B区'] });

const complaint = (over: Partial<ComplaintSubmission> = {}, now = T0): Ticket =>
  createComplaintTicket(
    { ...base, category: 'cleaning', aboutStaff: null, aboutStaffId: null, replyBy: T0 + 4 * HOUR, linkedTicket: null, ...over },
    { actor: owner, now, policy: DEFAULT_POLICY },
  ).ticket;

const card = (over: Partial<CardSubmission> = {}, policy: Policy = DEFAULT_POLICY): Ticket =>
  createCardTicket(
    { ...base, id: 'tkt_card0001', description: '', type: 'parking', action: 'open', cardNo: '', custody: false, lossTicket: null, ...over },
    { actor: owner, now: T0, policy },
  ).ticket;

describe('complaints (投诉)', () => {
  it('start with a 5-minute clock to reach customer service and the owner’s reply time as deadline', () => {
    const t = complaint();
    expect(t.no).toMatch(/^TS20261123-/);
    expect(t.team).toBe('customer_service');
    expect(t.clocks.dispatch?.dueAt).toBe(T0 + 5 * MINUTE);
    expect(t.clocks.reply?.dueAt).toBe(T0 + 4 * HOUR);
    expect(toSummary(t, false)).toMatchObject({ kind: 'complaint', kindName: '投诉', stateLabel: '待受理', categoryName: '环境卫生' });
  });

  it('are taken by the housekeeper of the unit’s zone, never by another zone’s or a technician', () => {
    const t = step(complaint(), ev.dispatch(keeperB), system, T0 + MINUTE).ticket; // misrouted on purpose
    expect(transition(t, ev.accept(), { actor: keeperA, now: T0 + 2 * MINUTE, policy: DEFAULT_POLICY }).ok).toBe(true);
    const fresh = step(complaint(), ev.dispatch(keeperA), system, T0 + MINUTE).ticket;
    expect(transition(fresh, ev.accept(), { actor: technician, now: T0 + 2 * MINUTE, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    const other = step(complaint(), ev.dispatch(desk), system, T0 + MINUTE).ticket;
    expect(transition(other, ev.accept(), { actor: keeperB, now: T0 + 2 * MINUTE, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('handled → the reply clock stops, the callback starts; a low rating sends it back to the same housekeeper', () => {
    let t = step(complaint(), ev.dispatch(keeperA), system, T0 + MINUTE).ticket;
    t = step(t, ev.accept(), keeperA, T0 + 2 * MINUTE).ticket;
    expect(toSummary(t, false).stateLabel).toBe('处理中');
    t = step(t, ev.finish('已安排保洁清理'), keeperA, T0 + HOUR).ticket;
    expect(t.clocks.reply).toMatchObject({ stoppedAt: T0 + HOUR });
    // Callback the same day: by local midnight (13 hours after an 11:00 return).
    expect(t.clocks.callback?.dueAt).toBe(local(2026, 11, 24, 0, 0));
    expect(toSummary(t, false).stateLabel).toBe('已处理');
    const reopened = step(t, ev.rate(2, 4, '还是很脏'), owner, T0 + 2 * HOUR);
    expect(reopened.ticket.state).toBe('reopened');
    expect(reopened.effects.messages.map((m) => [m.template, m.touser])).toEqual([['task_reopened', keeperA.openid]]);
  });

  it('may be withdrawn by the owner until handled, not after', () => {
    const accepted = step(step(complaint(), ev.dispatch(keeperA), system, T0 + MINUTE).ticket, ev.accept(), keeperA, T0 + 2 * MINUTE).ticket;
    expect(step(accepted, ev.cancel('已自行解决'), owner, T0 + 3 * MINUTE).ticket.state).toBe('cancelled');
    const handled = step(accepted, ev.finish(), keeperA, T0 + 3 * MINUTE).ticket;
    expect(transition(handled, ev.cancel(), { actor: owner, now: T0 + 4 * MINUTE, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'TICKET.WORK_STARTED' });
  });

  it('about a ticket’s handler: linked to that ticket, shown with the staff member’s name', () => {
    const t = complaint({ category: 'service', aboutStaff: '王师傅', linkedTicket: { id: 'tkt_rep', no: 'BX20261123-0001' } });
    expect(t.history[0].note).toBe('关于工单 BX20261123-0001 的处理人员 王师傅');
    expect(toTicketView(t, owner, T0, DEFAULT_POLICY).complaint).toEqual({
      aboutStaff: '王师傅',
      replyBy: T0 + 4 * HOUR,
      linkedTicket: { id: 'tkt_rep', no: 'BX20261123-0001' },
    });
  });
});

describe('IC cards (IC卡)', () => {
  it('identity check within 2 minutes of the request, then engineering does the card within 8 (003 #11)', () => {
    let t = card();
    expect(t.no).toMatch(/^KP20261123-/);
    expect(t.card?.stage).toBe('verify');
    expect(t.clocks.dispatch?.dueAt).toBe(T0 + 2 * MINUTE);
    expect(t.clocks.issue).toBeUndefined();
    t = step(t, ev.dispatch(desk), system, T0).ticket;
    expect(t.clocks.dispatch?.stoppedAt).toBeUndefined();
    expect(toTicketView(t, owner, T0, DEFAULT_POLICY).promise).toBe('前台将在 10:02 前核验您的身份');
    t = step(t, ev.accept(), desk, T0 + MINUTE).ticket;
    expect(t).toMatchObject({ state: 'submitted', team: 'engineering', assignee: null });
    expect(t.clocks.dispatch?.stoppedAt).toBe(T0 + MINUTE);
    expect(t.clocks.issue?.dueAt).toBe(T0 + 9 * MINUTE);
    expect(toTicketView(t, desk, T0 + MINUTE, DEFAULT_POLICY).deadlines.map((d) => d.label)).toEqual(['核验时限', '办卡时限']);
    t = step(step(t, ev.dispatch(technician), system, T0 + MINUTE).ticket, ev.accept(), technician, T0 + 2 * MINUTE).ticket;
    t = step(t, ev.finish('已开通，请到前台签收'), technician, T0 + 5 * MINUTE).ticket;
    expect(t.clocks.issue?.stoppedAt).toBe(T0 + 5 * MINUTE);
    expect(toSummary(t, false).stateLabel).toBe('已办好');
  });

  it('only the front desk takes a card request: a housekeeper or technician may not', () => {
    const t = step(card(), ev.dispatch(desk), system, T0).ticket;
    expect(transition(t, ev.accept(), { actor: keeperA, now: T0, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(transition(t, ev.accept(), { actor: technician, now: T0, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('a reissue carries the policy’s fee (50 yuan by default), other requests none', () => {
    expect(card({ action: 'reissue', lossTicket: { id: 'l1', no: 'KP1' } }).card?.feeFen).toBe(5000);
    expect(card({ action: 'reissue' }, { ...DEFAULT_POLICY, card: { ...DEFAULT_POLICY.card, reissueFeeFen: 8000 } }).card?.feeFen).toBe(8000);
    expect(card({ action: 'open' }).card?.feeFen).toBe(0);
    expect(card({ action: 'lost' }).card?.feeFen).toBe(0);
  });

  it('names type and action in lists: 停车卡·补办; custody is recorded', () => {
    const t = card({ action: 'reissue', custody: true, lossTicket: { id: 'l1', no: 'KP20261122-AAAA' } });
    expect(toSummary(t, false)).toMatchObject({ categoryName: '停车卡·补办', kindName: 'IC卡', stateLabel: '待核验' });
    expect(t.history[0].note).toBe('委托代管；挂失单 KP20261122-AAAA');
  });

  it('once engineering started the card the owner cannot cancel; the desk can', () => {
    let t = step(step(card(), ev.dispatch(desk), system, T0).ticket, ev.accept(), desk, T0 + MINUTE).ticket;
    t = step(step(t, ev.dispatch(technician), system, T0 + MINUTE).ticket, ev.accept(), technician, T0 + MINUTE).ticket;
    expect(transition(t, ev.cancel(), { actor: owner, now: T0 + 2 * MINUTE, policy: DEFAULT_POLICY })).toEqual({ ok: false, code: 'TICKET.WORK_STARTED' });
    expect(step(t, ev.cancel('业主要求'), desk, T0 + 2 * MINUTE).ticket.state).toBe('cancelled');
  });
});
