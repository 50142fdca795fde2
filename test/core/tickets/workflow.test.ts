import fc from 'fast-check';
import { ERROR_MESSAGES, type ErrorCode } from '@/core/errors';
import type { Actor } from '@/core/tickets/actor';
import type { TicketEvent } from '@/core/tickets/events';
import type { Ticket } from '@/core/tickets/model';
import { FINAL_STATES, TICKET_STATES, type TicketState } from '@/core/tickets/states';
import { transition } from '@/core/tickets/transition';
import { CLOCK_RULES, REPAIR_TRANSITIONS } from '@/core/tickets/workflow';
import { HAND_ON_RULES } from '@/core/tickets/hand-on';
import {
  DEFAULT_POLICY,
  MINUTE,
  T0,
  carpenter,
  clone,
  ev,
  frontDesk,
  otherOwner,
  owner,
  system,
  teammate,
  technician,
  ticketIn,
} from '../fixtures';

type EventType = TicketEvent['type'];
type Party = 'owner' | 'assignee' | 'teammate' | 'desk' | 'system';

/**
 * The repair workflow as the standards describe it, written out independently of the source
 * table: state × event → target state and who may cause it. Anything missing is illegal.
 * (Rates in this table are 5/5, so a rating closes the ticket.)
 */
const SPEC: Record<TicketState, Partial<Record<EventType, { to: TicketState; by: Party[] }>>> = {
  submitted: {
    dispatch: { to: 'dispatched', by: ['system', 'desk'] },
    cancel: { to: 'cancelled', by: ['owner', 'desk'] },
    // 催办: the owner urges; the state stays.
    urge: { to: 'submitted', by: ['owner'] },
  },
  dispatched: {
    accept: { to: 'accepted', by: ['assignee', 'teammate'] },
    // 拒单: back to 待派单 for someone else.
    decline: { to: 'submitted', by: ['assignee'] },
    dispatch: { to: 'dispatched', by: ['desk'] },
    cancel: { to: 'cancelled', by: ['owner', 'desk'] },
    // 催办: the owner urges; the state stays.
    urge: { to: 'dispatched', by: ['owner'] },
  },
  accepted: {
    arrive: { to: 'on_site', by: ['assignee'] },
    // 改约: the holder moves the appointment (agreed with the owner); the state stays.
    reschedule: { to: 'accepted', by: ['assignee'] },
    refer: { to: 'referred', by: ['assignee', 'desk'] },
    cancel: { to: 'cancelled', by: ['owner', 'desk'] },
    // 催办: the owner urges; the state stays.
    urge: { to: 'accepted', by: ['owner'] },
  },
  on_site: {
    start: { to: 'in_progress', by: ['assignee'] },
    quote: { to: 'awaiting_confirmation', by: ['assignee'] },
    // A small free repair done on the spot: returned without a separate start.
    finish: { to: 'returned', by: ['assignee'] },
    refer: { to: 'referred', by: ['assignee', 'desk'] },
    cancel: { to: 'cancelled', by: ['owner', 'desk'] },
  },
  awaiting_confirmation: {
    confirm_quote: { to: 'in_progress', by: ['owner'] },
    decline_quote: { to: 'cancelled', by: ['owner'] },
  },
  in_progress: {
    finish: { to: 'returned', by: ['assignee'] },
    refer: { to: 'referred', by: ['assignee', 'desk'] },
    // 催办: the owner urges; the state stays.
    urge: { to: 'in_progress', by: ['owner'] },
  },
  returned: {
    request_callback: { to: 'callback_pending', by: ['system', 'desk'] },
    rate: { to: 'closed', by: ['owner', 'desk'] },
    // 未能联系上业主: the desk's call did not reach the owner; the ticket keeps waiting.
    callback_attempt: { to: 'returned', by: ['desk'] },
  },
  callback_pending: {
    rate: { to: 'closed', by: ['owner', 'desk'] },
    callback_attempt: { to: 'callback_pending', by: ['desk'] },
  },
  reopened: {
    accept: { to: 'accepted', by: ['assignee'] },
    // 催办: the owner urges; the state stays.
    urge: { to: 'reopened', by: ['owner'] },
  },
  closed: {},
  cancelled: {},
  referred: {},
};

const EVENTS: Record<EventType, TicketEvent> = {
  dispatch: ev.dispatch(technician),
  accept: ev.accept(),
  decline: { type: 'decline', reason: '工具不在身边' },
  arrive: ev.arrive(),
  quote: ev.quote(),
  confirm_quote: ev.confirmQuote(),
  decline_quote: ev.declineQuote(),
  start: ev.start(),
  finish: ev.finish(),
  request_callback: ev.requestCallback(),
  rate: ev.rate(5, 5, '很满意'),
  cancel: ev.cancel(),
  refer: ev.refer(),
  urge: { type: 'urge' },
  remind: { type: 'remind', clock: 'onSite' },
  escalate: { type: 'escalate', clock: 'onSite', step: 0, to: [] },
  seek_help: { type: 'seek_help', reason: '当前无人在岗，请安排接单', rung: 'team_lead', to: [] },
  pause: { type: 'pause', reason: '业主不在家' },
  resume: { type: 'resume' },
  classify: { type: 'classify', size: 'medium' },
  defer: { type: 'defer', reason: '需订购配件', expectedAt: T0 + 5 * 24 * 60 * MINUTE },
  progress: { type: 'progress', note: '已联系楼上业主' },
  subtask: { type: 'subtask', subtask: { id: 'sub-1', no: 'BX20261122-SUB1', team: 'cleaning', category: 'household_cleaning', at: T0 } },
  callback_attempt: { type: 'callback_attempt', note: '无人接听', supervisors: [] },
  note: ev.note(),
  reschedule: ev.reschedule(T0 + 24 * 60 * MINUTE, T0 + 27 * 60 * MINUTE),
  reassign: { type: 'reassign', assignee: { staffId: 'staff-tech-zhao', openid: 'openid-tech-zhao', name: '赵师傅', phone: '13800000002', role: 'technician' }, from: null, reason: '王师傅手上急修太多' },
  transfer: { type: 'transfer', reason: '实为门窗问题', to: { category: 'doors_windows' } },
};
// Clock events (reminder, escalation, pause, resume) are one layer for every state and kind,
// tested in clock-events.test.ts, as are 改派/转派 (hand-on.test.ts); this table is the workflow's own.
const EVENT_TYPES = (Object.keys(EVENTS) as EventType[]).filter((type) => !(type in CLOCK_RULES) && !(type in HAND_ON_RULES));

const ACTORS: Record<string, Actor> = {
  system,
  owner,
  'another owner': otherOwner,
  'assigned technician': technician,
  'teammate of same trade': teammate,
  'technician of another trade': carpenter,
  'front desk': frontDesk,
};

/** Which parties an actor is for a ticket, decided here from the fixtures, not by isParty. */
const partiesOf = (name: string, t: Ticket): Party[] => {
  switch (name) {
    case 'system':
      return ['system'];
    case 'owner':
      return ['owner'];
    case 'assigned technician':
      return t.assignee?.staffId === technician.staffId ? ['assignee', 'teammate'] : ['teammate'];
    case 'teammate of same trade':
      return ['teammate'];
    case 'front desk':
      return ['desk'];
    default:
      return [];
  }
};

/** A missing accept on a ticket someone already works on means "taken", otherwise illegal. */
const illegalCode = (state: TicketState, type: EventType): ErrorCode =>
  type === 'accept' && state !== 'submitted' && !FINAL_STATES.includes(state)
    ? 'TICKET.ALREADY_TAKEN'
    : 'TICKET.ILLEGAL_TRANSITION';

const TICKETS = Object.fromEntries(TICKET_STATES.map((s) => [s, ticketIn(s)])) as Record<TicketState, Ticket>;
const NOW = T0 + 60 * MINUTE;

type Row = { state: TicketState; type: EventType; actorName: string; expected: string };
const rows: Row[] = TICKET_STATES.flatMap((state) =>
  EVENT_TYPES.flatMap((type) =>
    Object.keys(ACTORS).map((actorName) => {
      const rule = SPEC[state][type];
      // The owner of an open ticket who may not cancel it any more is told the work has started.
      const tooLate = type === 'cancel' && actorName === 'owner' && !FINAL_STATES.includes(state) && !rule?.by.includes('owner');
      const expected = tooLate
        ? 'TICKET.WORK_STARTED'
        : !rule
        ? illegalCode(state, type)
        : rule.by.some((p) => partiesOf(actorName, TICKETS[state]).includes(p))
          ? `→ ${rule.to}`
          : 'AUTH.FORBIDDEN';
      return { state, type, actorName, expected };
    }),
  ),
);

describe('repair workflow table: every state × every event × every kind of actor', () => {
  it('the source table lists exactly the transitions of the specification', () => {
    const table = (s: TicketState) => Object.keys(REPAIR_TRANSITIONS[s]).sort();
    for (const state of TICKET_STATES) expect([state, table(state)]).toEqual([state, Object.keys(SPEC[state]).sort()]);
  });

  it.each(rows)('in $state, $type by $actorName: $expected', ({ state, type, actorName, expected }) => {
    const ticket = TICKETS[state];
    const before = clone(ticket);
    const result = transition(ticket, EVENTS[type], { actor: ACTORS[actorName], now: NOW, policy: DEFAULT_POLICY });

    // Whatever the outcome, the input ticket is never modified (transition is pure).
    expect(ticket).toEqual(before);
    if (expected.startsWith('→')) {
      if (!result.ok) throw new Error(`expected success, got ${result.code}`);
      const to = SPEC[state][type]!.to;
      expect(result.ticket.state).toBe(to);
      expect(result.ticket.version).toBe(before.version + 1);
      expect(result.ticket.history).toHaveLength(before.history.length + 1);
      expect(result.ticket.history.at(-1)).toMatchObject({ from: state, to, event: type, at: NOW });
      expect(result.effects.audit).toEqual(result.ticket.history.at(-1));
    } else {
      expect(result).toEqual({ ok: false, code: expected });
    }
  });
});

describe('repair workflow under random event sequences (property)', () => {
  const actorArb = fc.constantFrom(...Object.values(ACTORS));
  const scoreArb = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, 6, 2.5, -1, Number.NaN));
  const eventArb: fc.Arbitrary<TicketEvent> = fc.oneof(
    fc.constantFrom(technician, teammate, carpenter).map((s) => ev.dispatch(s)),
    fc.constant(ev.accept()),
    fc.constant(ev.arrive()),
    fc.record({
      type: fc.constant('quote' as const),
      items: fc.array(
        fc.record({
          name: fc.string({ maxLength: 8 }),
          priceFen: fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom(-1, 0.5)),
          quantity: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constantFrom(0, -2)),
        }),
        { maxLength: 3 },
      ),
      note: fc.string({ maxLength: 20 }),
    }),
    fc.constant(ev.confirmQuote()),
    fc.string({ maxLength: 10 }).map((r) => ev.declineQuote(r)),
    fc.constant(ev.start()),
    fc.string({ maxLength: 10 }).map((n) => ev.finish(n)),
    fc.constant(ev.requestCallback()),
    fc.tuple(scoreArb, scoreArb, fc.string({ maxLength: 10 })).map(([h, s, c]) => ev.rate(h, s, c)),
    fc.string({ maxLength: 10 }).map((r) => ev.cancel(r)),
    fc.string({ maxLength: 10 }).map((c) => ev.refer(c)),
    fc.constant<TicketEvent>({ type: 'urge' }),
    fc.constant<TicketEvent>({ type: 'decline', reason: '另有急修' }),
    fc.constantFrom<TicketEvent>(
      { type: 'remind', clock: 'onSite' },
      { type: 'escalate', clock: 'onSite', step: 0, to: [] },
      { type: 'escalate', clock: 'callback', step: 1, to: [] },
      { type: 'pause', reason: '业主不在家' },
      { type: 'resume' },
    ),
  );
  const codes = Object.keys(ERROR_MESSAGES);

  it('never throws, keeps states valid, bumps version and history by one per success, freezes final states', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...TICKET_STATES),
        fc.array(fc.tuple(eventArb, actorArb, fc.integer({ min: 0, max: 48 * 60 })), { maxLength: 30 }),
        (startState, steps) => {
          let t = TICKETS[startState];
          let now = NOW;
          for (const [event, actor, gapMinutes] of steps) {
            now += gapMinutes * MINUTE;
            const before = clone(t);
            const r = transition(t, event, { actor, now, policy: DEFAULT_POLICY });
            expect(t).toEqual(before);
            if (FINAL_STATES.includes(before.state)) expect(r.ok).toBe(false);
            if (!r.ok) {
              expect(codes).toContain(r.code);
              continue;
            }
            expect(TICKET_STATES).toContain(r.ticket.state);
            expect(r.ticket.version).toBe(before.version + 1);
            expect(r.ticket.history).toHaveLength(before.history.length + 1);
            expect(r.ticket.history.at(-1)).toMatchObject({ from: before.state, to: r.ticket.state, event: event.type });
            t = r.ticket;
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
