/**
 * IC cards in two stages (003 #11: "客服管家2分钟内核实身份,办理登记并将此服务调度反馈至工程组;
 * 工程组在8分钟内开通并由业主签收"), through the pure workflow under a fake clock: the front desk's
 * identity check hands the request to engineering, where a technician of any trade does the card;
 * which clock runs when, who may do what, and what the owner and staff read.
 */
import { decide } from '@/core/routing/decide';
import type { StaffMember } from '@/core/routing/staff';
import { nextClockAction } from '@/core/sla/clocks';
import { createCardTicket, type CardSubmission } from '@/core/tickets/create';
import type { Ticket } from '@/core/tickets/model';
import { transition } from '@/core/tickets/transition';
import { toSummary, toTicketView } from '@/core/tickets/view';
import { DEFAULT_POLICY, MINUTE, T0, carpenter, ev, frontDesk, owner, staffActor, step, system, technician, teammate } from '../fixtures';

const card = (over: Partial<CardSubmission> = {}): Ticket =>
  createCardTicket(
    {
      id: 'tkt_card0002',
      owner: { openid: owner.openid, name: owner.name, phone: '13900000000' },
      unit: { id: 'u-1-1-1201', community: '天利龙腾湾', building: '1栋', unit: '1单元', room: '1201', zone: 'A区' },
      description: '',
      photos: [],
      grantedTemplates: ['order_accepted', 'repair_done'],
      type: 'access',
      action: 'open',
      cardNo: '',
      custody: false,
      lossTicket: null,
      ...over,
    },
    { actor: owner, now: T0, policy: DEFAULT_POLICY },
  ).ticket;

const engineeringLead = staffActor({ openid: 'openid-lead-ma', staffId: 'staff-lead-ma', name: '马组长', role: 'team_lead', trades: [] });
const otherDesk = staffActor({ ...frontDesk, openid: 'openid-desk-he', staffId: 'staff-desk-he', name: '何前台' });
const tryAs = (t: Ticket, actor: Parameters<typeof step>[2], at: number, event = ev.accept()) =>
  transition(t, event, { actor, now: at, policy: DEFAULT_POLICY });

/** At the desk: routed to 陈前台 at 10:00, checked at 10:01. */
const atDesk = (over: Partial<CardSubmission> = {}) => step(card(over), ev.dispatch(frontDesk), system, T0).ticket;
const checked = (over: Partial<CardSubmission> = {}) => step(atDesk(over), ev.accept(), frontDesk, T0 + MINUTE);
/** Checked, then routed to 王师傅 at 10:01 and taken by him at 10:02. */
const taken = () => step(step(checked().ticket, ev.dispatch(technician), system, T0 + MINUTE).ticket, ev.accept(), technician, T0 + 2 * MINUTE);

describe('IC card stage 1: the front desk checks identity', () => {
  it('a new card waits for the desk on the 2-minute check clock; no card clock yet', () => {
    const t = card();
    expect(t).toMatchObject({ state: 'submitted', team: 'customer_service', card: { stage: 'verify' } });
    expect(t.clocks.dispatch).toEqual({ startedAt: T0, dueAt: T0 + 2 * MINUTE });
    expect(t.clocks.issue).toBeUndefined();
  });

  it('the check hands it to engineering: 待派单 again, unassigned, stage issue, who checked recorded', () => {
    const { ticket: t, effects } = checked();
    expect(t).toMatchObject({ state: 'submitted', team: 'engineering', assignee: null, help: null });
    expect(t.card).toMatchObject({ stage: 'issue', verifiedBy: { staffId: frontDesk.staffId, name: '陈前台', at: T0 + MINUTE } });
    expect(t.history.at(-1)).toMatchObject({ event: 'accept', from: 'dispatched', to: 'submitted', actor: { name: '陈前台' } });
    // The check clock stops once; the card clock runs from the check, 8 minutes.
    expect(effects.clocks).toEqual({ started: ['issue'], stopped: ['dispatch'] });
    expect(t.clocks.dispatch).toEqual({ startedAt: T0, dueAt: T0 + 2 * MINUTE, stoppedAt: T0 + MINUTE });
    expect(t.clocks.issue).toEqual({ startedAt: T0 + MINUTE, dueAt: T0 + 9 * MINUTE });
    // The owner's one 接单通知 credit is kept for the technician who takes it.
    expect(effects.messages).toEqual([]);
    expect(t.ownerCredits.order_accepted).toBe(1);
  });

  it('the sweep watches the card clock now, not the finished check', () => {
    const t = checked().ticket;
    expect(nextClockAction(t.clocks.dispatch!, DEFAULT_POLICY)).toBeNull();
    expect(nextClockAction(t.clocks.issue!, DEFAULT_POLICY)?.action).toBe('remind');
    expect(nextClockAction(t.clocks.issue!, DEFAULT_POLICY)?.at).toBe(T0 + 9 * MINUTE - 96_000);
  });

  it('a late check is a breach of the check clock only', () => {
    const t = step(atDesk(), ev.accept(), frontDesk, T0 + 3 * MINUTE).ticket;
    const deadlines = toTicketView(t, frontDesk, T0 + 3 * MINUTE, DEFAULT_POLICY).deadlines;
    expect(deadlines.map((d) => [d.label, d.breached])).toEqual([
      ['核验时限', true],
      ['办卡时限', false],
    ]);
    expect(t.clocks.issue?.dueAt).toBe(T0 + 11 * MINUTE);
  });

  it('a technician cannot do the check, nor may another team’s staff; another desk may take it', () => {
    const t = atDesk();
    expect(tryAs(t, technician, T0)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(tryAs(t, engineeringLead, T0)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(step(t, ev.accept(), otherDesk, T0).ticket.card?.verifiedBy?.name).toBe('何前台');
  });

  it('routing the checked card: engineering technicians of any trade, never the desk', () => {
    const t = checked().ticket;
    const member = (m: Partial<StaffMember> & Pick<StaffMember, '_id' | 'role' | 'team'>): StaffMember => ({
      openid: `o-${m._id}`,
      name: m._id,
      phone: '13800000000',
      trades: [],
      zones: ['A区'],
      shifts: [{ weekdays: [1, 2, 3, 4, 5, 6, 7], start: '00:00', end: '24:00' }],
      active: true,
      credits: { task_assigned: 3 },
      openTasks: 0,
      ...m,
    });
    const desk = member({ _id: 'a-desk', role: 'front_desk', team: 'customer_service' });
    const mason = member({ _id: 'b-mason', role: 'technician', team: 'engineering', trades: ['masonry'], openTasks: 1 });
    const carpenterOnDuty = member({ _id: 'c-carpenter', role: 'technician', team: 'engineering', trades: ['carpentry'] });
    const decision = decide(t, [desk, mason, carpenterOnDuty], T0 + MINUTE, DEFAULT_POLICY);
    expect(decision.assignee?._id).toBe('c-carpenter');
    expect(decision.candidates).toBe(2);
    expect(decide(t, [desk], T0 + MINUTE, DEFAULT_POLICY).reason).toBe('nobody_eligible');
  });
});

describe('IC card stage 2: engineering does the card', () => {
  it('dispatched to a technician: told by task_assigned; the card clock runs on, not restarted', () => {
    const { ticket: t, effects } = step(checked().ticket, ev.dispatch(technician), system, T0 + MINUTE);
    expect(t.state).toBe('dispatched');
    expect(effects.messages.map((m) => [m.template, m.touser])).toEqual([['task_assigned', technician.openid]]);
    expect(t.clocks.issue).toEqual({ startedAt: T0 + MINUTE, dueAt: T0 + 9 * MINUTE });
    expect(t.clocks.dispatch?.stoppedAt).toBe(T0 + MINUTE);
  });

  it('the technician takes it: the owner is told who (接单通知), the clocks are unchanged', () => {
    const { ticket: t, effects } = taken();
    expect(t).toMatchObject({ state: 'accepted', assignee: { name: '王师傅' } });
    expect(effects.clocks).toEqual({ started: [], stopped: [] });
    expect(effects.messages.map((m) => [m.template, m.touser, m.data.name3])).toEqual([['order_accepted', owner.openid, '王师傅']]);
    expect(t.clocks.issue).toEqual({ startedAt: T0 + MINUTE, dueAt: T0 + 9 * MINUTE });
  });

  it('any technician or the engineering lead may take it from the one it was given; the desk may not', () => {
    const t = step(checked().ticket, ev.dispatch(technician), system, T0 + MINUTE).ticket;
    expect(step(t, ev.accept(), carpenter, T0 + 2 * MINUTE).ticket.assignee?.name).toBe('孙师傅');
    expect(step(t, ev.accept(), teammate, T0 + 2 * MINUTE).ticket.assignee?.name).toBe('赵师傅');
    expect(step(t, ev.accept(), engineeringLead, T0 + 2 * MINUTE).ticket.assignee?.name).toBe('马组长');
    expect(tryAs(t, frontDesk, T0 + 2 * MINUTE)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    // A front-desk member put on the engineering team is still no technician.
    expect(tryAs(t, { ...frontDesk, team: 'engineering' }, T0 + 2 * MINUTE)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    // Once taken, a second take is "someone got there first".
    expect(tryAs(taken().ticket, carpenter, T0 + 3 * MINUTE)).toEqual({ ok: false, code: 'TICKET.ALREADY_TAKEN' });
  });

  it('finished by the technician: the card clock stops, the callback starts; the desk cannot finish it', () => {
    const t = taken().ticket;
    expect(tryAs(t, frontDesk, T0 + 5 * MINUTE, ev.finish())).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    const { ticket: done, effects } = step(t, ev.finish('已开通，业主已签收'), technician, T0 + 6 * MINUTE);
    expect(done.state).toBe('returned');
    expect(effects.clocks).toEqual({ started: ['callback'], stopped: ['issue'] });
    expect(done.clocks.issue).toEqual({ startedAt: T0 + MINUTE, dueAt: T0 + 9 * MINUTE, stoppedAt: T0 + 6 * MINUTE });
    const closed = step(step(done, ev.requestCallback(), system, T0 + 7 * MINUTE).ticket, ev.rate(5, 5), owner, T0 + 8 * MINUTE).ticket;
    expect(closed.state).toBe('closed');
  });

  it('declined by the technician: back to 待派单 for engineering; the check stays done, the card clock runs on', () => {
    const t = step(checked().ticket, ev.dispatch(technician), system, T0 + MINUTE).ticket;
    const back = step(t, { type: 'decline', reason: '在处理急修' }, technician, T0 + 2 * MINUTE).ticket;
    expect(back).toMatchObject({ state: 'submitted', team: 'engineering', assignee: null, declinedBy: [technician.staffId], card: { stage: 'issue' } });
    expect(back.clocks.dispatch?.stoppedAt).toBe(T0 + MINUTE);
    expect(back.clocks.issue).toEqual({ startedAt: T0 + MINUTE, dueAt: T0 + 9 * MINUTE });
    expect(tryAs(step(back, ev.dispatch(teammate), system, T0 + 2 * MINUTE).ticket, technician, T0 + 3 * MINUTE)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('declined at the desk: the check clock runs on from the request (as before)', () => {
    const back = step(atDesk(), { type: 'decline', reason: '正在接待其他业主' }, frontDesk, T0 + MINUTE).ticket;
    expect(back).toMatchObject({ state: 'submitted', team: 'customer_service', card: { stage: 'verify' } });
    expect(back.clocks.dispatch).toEqual({ startedAt: T0, dueAt: T0 + 2 * MINUTE });
    expect(back.clocks.issue).toBeUndefined();
  });

  it('not opened in time: the card clock reminds and escalates, the check clock never does', () => {
    const t = checked().ticket;
    const reminded = step(t, { type: 'remind', clock: 'issue' }, system, T0 + 8 * MINUTE).ticket;
    expect(reminded.history.at(-1)?.note).toBe('办卡时限即将到期，已提醒处理人员');
    expect(transition(t, { type: 'remind', clock: 'dispatch' }, { actor: system, now: T0 + 8 * MINUTE, policy: DEFAULT_POLICY })).toEqual({
      ok: false,
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
  });

  it('a low rating sends it back to the technician, with a new card clock', () => {
    let t = step(taken().ticket, ev.finish(), technician, T0 + 6 * MINUTE).ticket;
    t = step(t, ev.requestCallback(), system, T0 + 6 * MINUTE).ticket;
    const { ticket: reopened, effects } = step(t, ev.rate(2, 5, '卡刷不开门'), owner, T0 + 20 * MINUTE);
    expect(reopened).toMatchObject({ state: 'reopened', assignee: { name: '王师傅' } });
    expect(reopened.clocks.issue).toEqual({ startedAt: T0 + 20 * MINUTE, dueAt: T0 + 28 * MINUTE });
    expect(effects.messages.map((m) => [m.template, m.touser])).toEqual([['task_reopened', technician.openid]]);
    expect(step(reopened, ev.accept(), technician, T0 + 21 * MINUTE).ticket.state).toBe('accepted');
  });
});

describe('IC card stages as people read them', () => {
  it('the trail: 核验身份 by the desk → 派单 to engineering → 接单办卡 → 办理完成', () => {
    const t = step(taken().ticket, ev.finish('已开通'), technician, T0 + 6 * MINUTE).ticket;
    const timeline = toTicketView(t, frontDesk, T0 + 6 * MINUTE, DEFAULT_POLICY).timeline;
    expect(timeline.map((e) => [e.eventLabel, e.actorName])).toEqual([
      ['提交IC卡申请', '张先生'],
      ['转交前台', '系统'],
      ['核验身份', '陈前台'],
      ['派单', '系统'],
      ['接单办卡', '王师傅'],
      ['办理完成', '王师傅'],
    ]);
  });

  it('states: 待核验 at the desk, 待办卡 while engineering has not taken it, then 办理中', () => {
    expect(toSummary(atDesk(), false).stateLabel).toBe('待核验');
    expect(toSummary(checked().ticket, false).stateLabel).toBe('待办卡');
    expect(toSummary(step(checked().ticket, ev.dispatch(technician), system, T0 + MINUTE).ticket, true).stateLabel).toBe('待办卡');
    expect(toSummary(taken().ticket, false).stateLabel).toBe('办理中');
  });

  it('the owner: the check done, engineering’s promise; the technician named only once he takes it', () => {
    const at = T0 + MINUTE;
    const waiting = toTicketView(checked().ticket, owner, at, DEFAULT_POLICY);
    expect(waiting).toMatchObject({ handlerTitle: '工程人员', promise: '身份已核验，工程人员将在 10:09 前为您开通', assignee: null });
    const routed = toTicketView(step(checked().ticket, ev.dispatch(technician), system, at).ticket, owner, at, DEFAULT_POLICY);
    expect(routed.assignee).toBeNull();
    expect(routed.assigneeName).toBeNull();
    expect(routed.promise).toBe('身份已核验，工程人员将在 10:09 前为您开通');
    expect(routed.timeline.filter((e) => e.event === 'dispatch').map((e) => e.note)).toEqual(['已转交客服前台', '已转交工程人员']);
    const accepted = toTicketView(taken().ticket, owner, T0 + 2 * MINUTE, DEFAULT_POLICY);
    expect(accepted).toMatchObject({ assignee: { name: '王师傅' }, promise: '王师傅将在 10:09 前为您开通' });
    expect(accepted.timeline.filter((e) => e.event === 'dispatch').map((e) => e.note)).toEqual(['派给 陈前台', '派给 王师傅']);
    expect(accepted.card).toMatchObject({ stage: 'issue', verifiedBy: { name: '陈前台', at: T0 + MINUTE } });
  });

  it('the promise names the work: 挂失 and 补办 as well as 开通', () => {
    const lost = toTicketView(checked({ action: 'lost' }).ticket, owner, T0 + MINUTE, DEFAULT_POLICY);
    expect(lost.promise).toBe('身份已核验，工程人员将在 10:09 前为您办好挂失');
    const reissue = toTicketView(checked({ action: 'reissue', lossTicket: { id: 'l1', no: 'KP1' } }).ticket, owner, T0 + MINUTE, DEFAULT_POLICY);
    expect(reissue.promise).toBe('身份已核验，工程人员将在 10:09 前为您补办好新卡');
  });

  it('staff: the desk sees the check to do; a technician sees the card work once checked', () => {
    expect(toTicketView(atDesk(), frontDesk, T0, DEFAULT_POLICY).actions).toContain('accept');
    expect(toTicketView(atDesk(), carpenter, T0, DEFAULT_POLICY).actions).not.toContain('accept');
    const pooled = checked().ticket;
    expect(toTicketView(pooled, carpenter, T0 + MINUTE, DEFAULT_POLICY).actions).toContain('accept');
    expect(toTicketView(pooled, frontDesk, T0 + MINUTE, DEFAULT_POLICY).actions).not.toContain('accept');
    expect(toTicketView(taken().ticket, technician, T0 + 2 * MINUTE, DEFAULT_POLICY).actions).toEqual(expect.arrayContaining(['finish']));
  });
});
