/**
 * Routing as data, table-driven: each row is a ticket, the people of its team at an instant, and
 * who the policy's rules give it to (or why nobody). The rules are DEFAULT_POLICY.routing.
 */
import { decide } from '@/core/routing/decide';
import { ruleFor, teamFor } from '@/core/routing/rules';
import type { Shift, StaffMember } from '@/core/routing/staff';
import type { Ticket } from '@/core/tickets/model';
import { DEFAULT_POLICY, local, newTicket, staffMember } from '../fixtures';

// 2026-11-23 is a Monday; 11-28 a Saturday.
const MON_10 = local(2026, 11, 23, 10);
const MON_23 = local(2026, 11, 23, 23);
const SAT_10 = local(2026, 11, 28, 10);

const NIGHT: Shift = { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '18:00', end: '08:00' };
const WEEKEND: Shift = { weekdays: [6, 7], start: '08:00', end: '18:00' };

const person = staffMember;

const repair = (over: Partial<Ticket> = {}): Ticket => ({ ...newTicket(), ...over });
const complaint = (over: Partial<Ticket> = {}): Ticket =>
  repair({
    kind: 'complaint',
    category: 'service',
    team: 'customer_service',
    trade: null,
    complaint: { aboutStaff: '', aboutStaffId: null, replyBy: null, linkedTicket: null },
    ...over,
  });
const card = (stage: 'verify' | 'issue'): Ticket =>
  repair({
    kind: 'card',
    category: 'access',
    team: stage === 'verify' ? 'customer_service' : 'engineering',
    trade: null,
    card: { type: 'access', action: 'open', cardNo: '', custody: false, feeFen: 0, lossTicket: null, stage },
  });

const plumber = person('plumber');
const nightPlumber = person('night-plumber', { shifts: [NIGHT] });
const weekendPlumber = person('weekend-plumber', { shifts: [WEEKEND] });
const carpenter = person('carpenter', { trades: ['carpentry'] });
const keeperNorth = person('keeper-north', { role: 'housekeeper', team: 'customer_service', trades: [], zones: ['north'] });
const keeperSouth = person('keeper-south', { role: 'housekeeper', team: 'customer_service', trades: [], zones: ['south'] });
const desk = person('desk', { role: 'front_desk', team: 'customer_service', trades: [], zones: [] });
const cleaningLead = person('cleaning-lead', { role: 'team_lead', team: 'cleaning', trades: [], zones: [] });
const greeningLead = person('greening-lead', { role: 'team_lead', team: 'greening', trades: [], zones: [] });

interface Row {
  name: string;
  ticket: Ticket;
  staff: StaffMember[];
  at?: number;
  /** Who gets it, or null. */
  to: string | null;
  reason: string;
}

const rows: Row[] = [
  { name: 'day shift: the plumber on duty', ticket: repair(), staff: [plumber, nightPlumber], to: 'plumber', reason: 'reachable' },
  { name: 'night shift: only the night plumber is on duty at 23:00', ticket: repair(), staff: [plumber, nightPlumber], at: MON_23, to: 'night-plumber', reason: 'reachable' },
  { name: 'weekend: the weekend plumber', ticket: repair(), staff: [plumber, weekendPlumber], at: SAT_10, to: 'weekend-plumber', reason: 'reachable' },
  { name: 'nobody on shift: the pool', ticket: repair(), staff: [plumber], at: SAT_10, to: null, reason: 'nobody_on_duty' },
  {
    name: 'all busy: everyone at the cap (8 open tasks) → the pool',
    ticket: repair(),
    staff: [person('p1', { openTasks: 8 }), person('p2', { openTasks: 9 })],
    to: null,
    reason: 'all_at_cap',
  },
  {
    name: 'busy: the one under the cap gets it, however loaded',
    ticket: repair(),
    staff: [person('p1', { openTasks: 8 }), person('p2', { openTasks: 7 })],
    to: 'p2',
    reason: 'reachable',
  },
  {
    name: 'a member’s own cap wins over the policy’s',
    ticket: repair(),
    staff: [person('p1', { openTasks: 2, cap: 2 }), person('p2', { openTasks: 5 })],
    to: 'p2',
    reason: 'reachable',
  },
  { name: 'trade mismatch: a carpenter never gets plumbing', ticket: repair(), staff: [carpenter], to: null, reason: 'nobody_eligible' },
  { name: 'trade match: doors go to the carpenter', ticket: repair({ category: 'doors_windows', trade: 'carpentry' }), staff: [plumber, carpenter], to: 'carpenter', reason: 'reachable' },
  {
    name: 'zone mismatch (repairs): the zone is a preference, not a rule',
    ticket: repair(),
    staff: [person('south-plumber', { zones: ['south'] })],
    to: 'south-plumber',
    reason: 'reachable',
  },
  {
    name: 'zone preference: the zone’s plumber first, even with more open tasks',
    ticket: repair(),
    staff: [person('a-south', { zones: ['south'] }), person('b-north', { zones: ['north'], openTasks: 3 })],
    to: 'b-north',
    reason: 'reachable',
  },
  {
    name: 'no credit: the one who can be pushed first',
    ticket: repair(),
    staff: [person('a-nocredit', { credits: {} }), person('b-credit', { openTasks: 4 })],
    to: 'b-credit',
    reason: 'reachable',
  },
  {
    name: 'no credit at all: still assigned, in the app only (the ladder is asked)',
    ticket: repair(),
    staff: [person('a-nocredit', { credits: { task_assigned: 0 } })],
    to: 'a-nocredit',
    reason: 'in_app_only',
  },
  { name: 'decline → the next candidate', ticket: repair({ declinedBy: ['plumber'] }), staff: [plumber, person('second')], to: 'second', reason: 'reachable' },
  { name: 'decline by the only one → the pool', ticket: repair({ declinedBy: ['plumber'] }), staff: [plumber], to: null, reason: 'nobody_eligible' },
  { name: 'complaint → the housekeeper of the unit’s zone', ticket: complaint(), staff: [keeperSouth, keeperNorth, desk, plumber], to: 'keeper-north', reason: 'reachable' },
  { name: 'complaint, zone mismatch: never another zone’s housekeeper', ticket: complaint(), staff: [keeperSouth, desk], to: null, reason: 'nobody_eligible' },
  {
    name: 'complaint about the zone’s housekeeper: never to them',
    ticket: complaint({ complaint: { aboutStaff: 'keeper-north', aboutStaffId: 'keeper-north', replyBy: null, linkedTicket: null } }),
    staff: [keeperNorth],
    to: null,
    reason: 'nobody_eligible',
  },
  { name: 'IC card, stage 1: the front desk checks identity', ticket: card('verify'), staff: [plumber, desk, keeperNorth], to: 'desk', reason: 'reachable' },
  { name: 'IC card, stage 2: engineering opens the card (any trade)', ticket: card('issue'), staff: [desk, carpenter], to: 'carpenter', reason: 'reachable' },
  {
    name: '家政保洁 → the cleaning lead',
    ticket: repair({ category: 'household_cleaning', team: 'cleaning', trade: null }),
    staff: [cleaningLead, greeningLead, plumber],
    to: 'cleaning-lead',
    reason: 'reachable',
  },
  {
    name: '绿化养护 → the greening lead',
    ticket: repair({ category: 'household_greening', team: 'greening', trade: null }),
    staff: [cleaningLead, greeningLead, plumber],
    to: 'greening-lead',
    reason: 'reachable',
  },
];

describe('routing table (DEFAULT_POLICY.routing)', () => {
  it.each(rows)('$name', ({ ticket, staff, at = MON_10, to, reason }) => {
    const decision = decide(ticket, staff, at, DEFAULT_POLICY);
    expect({ to: decision.assignee?._id ?? null, reason: decision.reason }).toEqual({ to, reason });
    // The reasons are recorded with the choice ("why this person", or why nobody).
    expect(decision.why.length).toBeGreaterThan(0);
  });
});

describe('the rules are data', () => {
  it('the first matching rule wins: household categories before the general repair rule', () => {
    expect(teamFor(DEFAULT_POLICY.routing, 'repair', 'household_cleaning')).toBe('cleaning');
    expect(teamFor(DEFAULT_POLICY.routing, 'repair', 'plumbing_electric')).toBe('engineering');
    expect(teamFor(DEFAULT_POLICY.routing, 'complaint', 'service')).toBe('customer_service');
    expect(teamFor(DEFAULT_POLICY.routing, 'card', 'parking')).toBe('customer_service');
  });

  it('a company’s own rule changes where work goes, with no code change', () => {
    const policy = {
      ...DEFAULT_POLICY,
      routing: {
        ...DEFAULT_POLICY.routing,
        // Complaints about service go to the front desk in this company.
        rules: [{ kind: 'complaint', category: 'service', team: 'customer_service', roles: ['front_desk'], trade: null, zoneRequired: false } as const, ...DEFAULT_POLICY.routing.rules],
      },
    };
    expect(decide(complaint(), [keeperNorth, desk], MON_10, policy).assignee?._id).toBe('desk');
    expect(decide(complaint({ category: 'environment' }), [keeperNorth, desk], MON_10, policy).assignee?._id).toBe('keeper-north');
  });

  it('a cap from the policy applies to everyone without their own', () => {
    const policy = { ...DEFAULT_POLICY, routing: { ...DEFAULT_POLICY.routing, defaultCap: 2 } };
    expect(decide(repair(), [person('p', { openTasks: 2 })], MON_10, policy).reason).toBe('all_at_cap');
    expect(decide(repair(), [person('p', { openTasks: 1 })], MON_10, policy).assignee?._id).toBe('p');
  });

  it('a ticket no rule covers is a configuration error, said plainly', () => {
    const policy = { ...DEFAULT_POLICY, routing: { ...DEFAULT_POLICY.routing, rules: [] } };
    expect(() => ruleFor(policy.routing, repair())).toThrow('no routing rule for repair/plumbing_electric');
  });
});
