import { ticketViewSchema } from '@/core/contract/views';
import type { Actor } from '@/core/tickets/actor';
import type { TicketEvent } from '@/core/tickets/events';
import { TICKET_STATES } from '@/core/tickets/states';
import { transition } from '@/core/tickets/transition';
import { toSummary, toTicketView } from '@/core/tickets/view';
import {
  DEFAULT_POLICY,
  HOUR,
  MINUTE,
  T0,
  assigneeOf,
  carpenter,
  ev,
  frontDesk,
  newTicket,
  otherOwner,
  owner,
  step,
  system,
  teammate,
  technician,
  ticketIn,
} from '../fixtures';

/** Half of an emoji: a high surrogate not followed by a low one, or a low one without a high one. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** dispatched at T0+1min: dispatch clock stopped in time, on-site clock due T0+16min. */
const dispatched = () => ticketIn('dispatched');

describe('ticket view: deadlines are for staff only', () => {
  it('the owner view carries no deadlines', () => {
    const view = toTicketView(dispatched(), owner, T0 + 30 * MINUTE, DEFAULT_POLICY);
    expect(view.deadlines).toEqual([]);
  });

  it('messages that did not reach someone are for staff only: absent from the owner view, even after parsing', () => {
    const t = {
      ...dispatched(),
      pushFailures: [
        { messageId: 'm1', template: 'task_assigned', recipient: 'assignee', staffId: 's-tech-wang', recipientName: '王师傅', errcode: 43101, reason: 'no_credit', at: T0 + MINUTE },
        { messageId: 'm2', template: 'sla_reminder', recipient: 'assignee', staffId: 's-tech-wang', recipientName: '王师傅', errcode: -2, reason: 'uncertain', at: T0 + 2 * MINUTE },
      ] as const,
    };
    const forOwner = toTicketView({ ...t, pushFailures: [...t.pushFailures] }, owner, T0 + 30 * MINUTE, DEFAULT_POLICY);
    expect('pushFailures' in forOwner).toBe(false);
    expect('pushFailures' in ticketViewSchema.parse(forOwner)).toBe(false);
    const forStaff = toTicketView({ ...t, pushFailures: [...t.pushFailures] }, technician, T0 + 30 * MINUTE, DEFAULT_POLICY);
    // Newest first, in plain words.
    expect(ticketViewSchema.parse(forStaff).pushFailures).toEqual([
      { at: T0 + 2 * MINUTE, reason: 'uncertain', errcode: -2, text: '王师傅 · 工单时限提醒未确认送达：发送超时，可能未送达' },
      { at: T0 + MINUTE, reason: 'no_credit', errcode: 43101, text: '王师傅 · 新任务提醒未送达：提醒次数已用完' },
    ]);
    // A ticket saved before the list existed: staff see an empty list.
    expect(toTicketView({ ...dispatched(), pushFailures: undefined }, technician, T0, DEFAULT_POLICY).pushFailures).toEqual([]);
  });

  it('the staff view lists every clock with its label, due time, stop time and breach computed from now', () => {
    const t = dispatched();
    expect(toTicketView(t, technician, T0 + 10 * MINUTE, DEFAULT_POLICY).deadlines).toEqual([
      { clock: 'dispatch', label: '派单时限', dueAt: T0 + 2 * MINUTE, stoppedAt: T0 + MINUTE, breached: false, pausedAt: null, pauseReason: null },
      { clock: 'onSite', label: '到场时限', dueAt: T0 + 16 * MINUTE, stoppedAt: null, breached: false, pausedAt: null, pauseReason: null },
    ]);
    const late = toTicketView(t, frontDesk, T0 + 17 * MINUTE, DEFAULT_POLICY).deadlines;
    expect(late.find((d) => d.clock === 'onSite')?.breached).toBe(true);
    expect(late.find((d) => d.clock === 'dispatch')?.breached).toBe(false);
  });

  it('a paused clock says since when and why; a stopped one is never shown paused', () => {
    const paused = step(dispatched(), { type: 'pause', reason: '业主不在家' }, technician, T0 + 5 * MINUTE).ticket;
    const view = toTicketView(paused, technician, T0 + 30 * MINUTE, DEFAULT_POLICY);
    expect(view.deadlines).toEqual([
      expect.objectContaining({ clock: 'dispatch', pausedAt: null, pauseReason: null }),
      expect.objectContaining({ clock: 'onSite', stoppedAt: null, pausedAt: T0 + 5 * MINUTE, pauseReason: '业主不在家' }),
    ]);
    expect(view.actions).toContain('resume');
    expect(ticketViewSchema.parse(view)).toEqual(view);
    const resumed = step(paused, { type: 'resume' }, technician, T0 + 25 * MINUTE).ticket;
    expect(toTicketView(resumed, technician, T0 + 30 * MINUTE, DEFAULT_POLICY).deadlines[1]).toMatchObject({
      dueAt: T0 + 36 * MINUTE,
      pausedAt: null,
      pauseReason: null,
    });
  });

  it('a dispatch done after its deadline stays breached in the staff view', () => {
    const t = step(newTicket(), ev.dispatch(), system, T0 + 5 * MINUTE, DEFAULT_POLICY).ticket;
    expect(toTicketView(t, frontDesk, T0 + 6 * MINUTE, DEFAULT_POLICY).deadlines[0]).toMatchObject({ clock: 'dispatch', breached: true, stoppedAt: T0 + 5 * MINUTE });
  });

  it('the owner view shows the technician by name and phone but no openid or staff id of anyone', () => {
    const t = ticketIn('accepted');
    const view = toTicketView(t, owner, T0 + 10 * MINUTE, DEFAULT_POLICY);
    expect(view.assignee).toEqual({ name: technician.name, phone: technician.phone });
    const json = JSON.stringify(view);
    for (const secret of [owner.openid, technician.openid, technician.staffId]) expect(json).not.toContain(secret);
  });

  it('every view of every state satisfies the contract schema', () => {
    for (const state of TICKET_STATES) {
      for (const viewer of [owner, technician, frontDesk]) {
        expect(ticketViewSchema.safeParse(toTicketView(ticketIn(state), viewer, T0 + 10 * MINUTE, DEFAULT_POLICY)).success).toBe(true);
      }
    }
  });

  it('the timeline shows every audit entry with Chinese event labels', () => {
    const view = toTicketView(ticketIn('accepted'), owner, T0 + 10 * MINUTE, DEFAULT_POLICY);
    expect(view.timeline.map((e) => [e.event, e.eventLabel, e.actorKind, e.from, e.to])).toEqual([
      ['submit', '提交报修', 'owner', null, 'submitted'],
      ['dispatch', '派单', 'system', 'submitted', 'dispatched'],
      ['accept', '接单', 'staff', 'dispatched', 'accepted'],
    ]);
  });
});

describe('ticket view: actions are exactly the events the viewer may cause now', () => {
  const sorted = (xs: string[]) => [...xs].sort();

  it.each([
    ['the owner', 'callback_pending', ['rate'], owner],
    ['the owner', 'returned', ['rate'], owner],
    ['the owner', 'submitted', ['cancel', 'urge'], owner],
    ['the owner', 'awaiting_confirmation', ['confirm_quote', 'decline_quote'], owner],
    ['the owner', 'in_progress', ['urge'], owner],
    ['another owner', 'callback_pending', [], otherOwner],
    ['the assignee', 'dispatched', ['accept', 'decline', 'pause', 'note', 'transfer'], technician],
    ['a teammate', 'dispatched', ['accept'], teammate],
    ['a technician of another trade', 'dispatched', [], carpenter],
    ['the assignee', 'accepted', ['arrive', 'reschedule', 'refer', 'pause', 'note', 'transfer'], technician],
    ['the assignee', 'on_site', ['start', 'quote', 'finish', 'refer', 'pause', 'note', 'transfer'], technician],
    ['the assignee', 'in_progress', ['finish', 'refer', 'pause', 'note'], technician],
    ['the assignee', 'reopened', ['accept', 'pause', 'note'], technician],
    ['a teammate', 'reopened', [], teammate],
    ['the front desk', 'submitted', ['dispatch', 'cancel', 'pause', 'note'], frontDesk],
    ['the front desk', 'returned', ['request_callback', 'rate', 'callback_attempt', 'note'], frontDesk],
    ['the front desk', 'closed', [], frontDesk],
  ] as const)('%s in %s sees %j', (_who, state, expected, viewer) => {
    expect(sorted(toTicketView(ticketIn(state), viewer, T0 + 10 * MINUTE, DEFAULT_POLICY).actions)).toEqual(sorted([...expected]));
  });

  // Every listed action is accepted by transition(), every unlisted one refused: buttons never lie.
  const SAMPLE: TicketEvent[] = [
    ev.dispatch(),
    ev.accept(),
    ev.arrive(),
    ev.quote(),
    ev.confirmQuote(),
    ev.declineQuote(),
    ev.start(),
    ev.finish(),
    ev.requestCallback(),
    ev.rate(5, 5),
    ev.cancel(),
    ev.refer(),
    { type: 'urge' },
    { type: 'decline', reason: '另有急修' },
    { type: 'pause', reason: '业主不在家' },
    { type: 'resume' },
    ev.note(),
    ev.reschedule(T0 + 24 * HOUR, T0 + 27 * HOUR),
    { type: 'callback_attempt', note: '无人接听', supervisors: [] },
    // 转派 to the teammate (the holder's, before the work starts); 改派 is the supervisor's only.
    { type: 'transfer', reason: '另有急修', to: { assignee: assigneeOf(teammate) } },
    { type: 'reassign', assignee: assigneeOf(teammate), from: { staffId: technician.staffId, openid: technician.openid, name: technician.name, role: technician.role }, reason: '调整' },
  ];
  const viewers: [string, Actor][] = [
    ['owner', owner],
    ['another owner', otherOwner],
    ['assignee', technician],
    ['teammate', teammate],
    ['another trade', carpenter],
    ['front desk', frontDesk],
  ];
  it.each(TICKET_STATES)('in %s, actions agree with what transition() accepts for each viewer', (state) => {
    const t = ticketIn(state);
    for (const [name, viewer] of viewers) {
      const accepted = SAMPLE.filter((e) => transition(t, e, { actor: viewer, now: T0 + 10 * MINUTE, policy: DEFAULT_POLICY }).ok).map((e) => e.type);
      // A task still waiting for someone is taken from the pool (dispatch to the taker, then accept).
      const takeable = state === 'submitted' && (name === 'assignee' || name === 'teammate');
      if (takeable) accepted.push('accept');
      expect([name, sorted(toTicketView(t, viewer, T0 + 10 * MINUTE, DEFAULT_POLICY).actions)]).toEqual([name, sorted(accepted)]);
    }
  });
});

describe('ticket summary', () => {
  it('names category and place, and cuts long descriptions to 60 characters plus an ellipsis', () => {
    const s = toSummary(newTicket({ description: '漏'.repeat(80) }), true);
    expect(s).toMatchObject({ categoryName: '水电', categoryIcon: '💡', place: '3栋2单元1801', stateLabel: '待派单' });
    expect(s.description).toBe(`${'漏'.repeat(60)}…`);
  });

  it('places public-area tickets as 公共区域·building', () => {
    expect(toSummary(newTicket({ area: 'public', category: 'public_facility' }), false).place).toBe('公共区域·3栋');
  });

  it('for staff, the current due time is the earliest running deadline', () => {
    expect(toSummary(dispatched(), true).dueAt).toBe(T0 + 16 * MINUTE);
    expect(toSummary(ticketIn('closed'), true).dueAt).toBeNull();
  });

  it('an owner row carries no deadline: clocks are for staff', () => {
    expect(toSummary(dispatched(), false).dueAt).toBeNull();
  });

  it('never cuts an emoji in half when shortening a description', () => {
    const s = toSummary(newTicket({ description: `a${'🚿'.repeat(60)}` }), true);
    expect(s.description).not.toMatch(LONE_SURROGATE);
  });
});

describe('the owner learns who handles the ticket once it is accepted', () => {
  it('dispatched: no name, no phone yet, not even in the timeline; staff see the assignee', () => {
    const t = ticketIn('dispatched');
    const view = toTicketView(t, owner, T0 + 2 * MINUTE, DEFAULT_POLICY);
    expect(view).toMatchObject({ assignee: null, assigneeName: null });
    expect(view.timeline.find((e) => e.event === 'dispatch')?.note).toBe('已转交维修师傅');
    expect(JSON.stringify(view)).not.toContain('王师傅');
    expect(toTicketView(ticketIn('accepted'), owner, T0 + 3 * MINUTE, DEFAULT_POLICY).timeline.find((e) => e.event === 'dispatch')?.note).toBe('派给 王师傅');
    expect(toSummary(t, false).assigneeName).toBeNull();
    expect(toTicketView(t, frontDesk, T0 + 2 * MINUTE, DEFAULT_POLICY).assignee).toEqual({ name: '王师傅', phone: '13800000001' });
  });

  it('accepted, and ever after (also when reopened): name and phone', () => {
    for (const state of ['accepted', 'returned', 'reopened'] as const) {
      expect([state, toTicketView(ticketIn(state), owner, T0 + HOUR, DEFAULT_POLICY).assignee]).toEqual([state, { name: '王师傅', phone: '13800000001' }]);
    }
  });
});
