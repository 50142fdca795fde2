import fc from 'fast-check';
import { route, type RoutingNeed } from '@/core/routing/route';
import { isOnDuty, type Shift, type StaffMember } from '@/core/routing/staff';
import { DEFAULT_POLICY, local } from '../fixtures';

const OFFSET = DEFAULT_POLICY.utcOffsetMinutes; // UTC+8

// 2026-11-23 is a Monday (ISO weekday 1); 11-28 Saturday, 11-29 Sunday.
const MON = (h: number, m = 0) => local(2026, 11, 23, h, m);
const TUE = (h: number, m = 0) => local(2026, 11, 24, h, m);
const SAT = (h: number, m = 0) => local(2026, 11, 28, h, m);
const SUN = (h: number, m = 0) => local(2026, 11, 29, h, m);

const WEEKDAYS = [1, 2, 3, 4, 5];
const DAY: Shift = { weekdays: WEEKDAYS, start: '08:00', end: '18:00' };
const NIGHT: Shift = { weekdays: WEEKDAYS, start: '20:00', end: '08:00' };
const ALL_WEEK_DAY: Shift = { weekdays: [1, 2, 3, 4, 5, 6, 7], start: '08:00', end: '18:00' };

const member = (id: string, over: Partial<StaffMember> = {}): StaffMember => ({
  _id: id,
  openid: `openid-${id}`,
  name: id,
  phone: '13800000000',
  role: 'technician',
  team: 'engineering',
  trades: ['plumbing_electric'],
  zones: [],
  shifts: [ALL_WEEK_DAY],
  active: true,
  credits: { task_assigned: 1 },
  openTasks: 0,
  ...over,
});

const need: RoutingNeed = {
  team: 'engineering',
  trade: 'plumbing_electric',
  roles: ['technician', 'team_lead'],
  zone: 'north',
  zoneRequired: false,
  template: 'task_assigned',
  cap: 8,
};
/** `open` sets members' workloads (open tasks) by id. */
const pick = (staff: StaffMember[], open: Record<string, number> = {}, now = MON(10)) =>
  route(need, staff.map((m) => ({ ...m, openTasks: open[m._id] ?? m.openTasks })), now, OFFSET);

describe('isOnDuty in the business zone (UTC+8)', () => {
  const day = { shifts: [DAY], active: true };
  const night = { shifts: [NIGHT], active: true };

  it('a weekday day shift covers 08:00 up to, not including, 18:00 local', () => {
    expect(isOnDuty(day, MON(8), OFFSET)).toBe(true);
    expect(isOnDuty(day, MON(17, 59), OFFSET)).toBe(true);
    expect(isOnDuty(day, MON(7, 59), OFFSET)).toBe(false);
    expect(isOnDuty(day, MON(18), OFFSET)).toBe(false);
  });

  it('a weekday shift is off on Saturday and Sunday', () => {
    expect(isOnDuty(day, SAT(10), OFFSET)).toBe(false);
    expect(isOnDuty(day, SUN(10), OFFSET)).toBe(false);
  });

  it('reads the local, not the UTC, wall clock: Monday 07:00 local is Sunday 23:00 UTC', () => {
    expect(new Date(MON(7)).getUTCDay()).toBe(0);
    expect(isOnDuty({ shifts: [{ weekdays: [1], start: '06:00', end: '09:00' }], active: true }, MON(7), OFFSET)).toBe(true);
    expect(isOnDuty({ shifts: [{ weekdays: [7], start: '22:00', end: '23:59' }], active: true }, MON(7), OFFSET)).toBe(false);
  });

  it('an overnight shift 20:00–08:00 covers the evening of its day and the early hours of the next', () => {
    expect(isOnDuty(night, MON(20), OFFSET)).toBe(true);
    expect(isOnDuty(night, MON(23, 30), OFFSET)).toBe(true);
    expect(isOnDuty(night, TUE(3), OFFSET)).toBe(true); // Monday's night shift
    expect(isOnDuty(night, TUE(7, 59), OFFSET)).toBe(true);
    expect(isOnDuty(night, TUE(8), OFFSET)).toBe(false);
    expect(isOnDuty(night, MON(19, 59), OFFSET)).toBe(false);
  });

  it('the early hours belong to the previous day’s shift across the weekend', () => {
    expect(isOnDuty(night, SAT(3), OFFSET)).toBe(true); // Friday night shift
    expect(isOnDuty(night, SAT(21), OFFSET)).toBe(false); // no Saturday shift
    expect(isOnDuty(night, SUN(3), OFFSET)).toBe(false);
    expect(isOnDuty(night, MON(3), OFFSET)).toBe(false); // would be Sunday's shift
  });

  it('an inactive member is never on duty', () => {
    expect(isOnDuty({ shifts: [ALL_WEEK_DAY], active: false }, MON(10), OFFSET)).toBe(false);
  });
});

describe('route', () => {
  it('excludes the wrong trade, the wrong team, the inactive and the off-duty', () => {
    const staff = [
      member('a-carpenter', { trades: ['carpentry'] }),
      member('b-cleaner', { team: 'cleaning' }),
      member('c-inactive', { active: false }),
      member('d-nightshift', { shifts: [NIGHT] }),
      member('e-ok', { credits: {} }),
    ];
    expect(pick(staff)).toMatchObject({ assignee: staff[4], reason: 'in_app_only', candidates: 1 });
  });

  it('nobody on duty: no assignee, reason nobody_on_duty', () => {
    const staff = [member('a', { shifts: [DAY] }), member('b', { active: false })];
    expect(pick(staff, {}, SAT(10))).toEqual({ assignee: null, why: ['当前无人在岗'], reason: 'nobody_on_duty', candidates: 0 });
    expect(pick([])).toEqual({ assignee: null, why: ['没有可承接此类工作的人员'], reason: 'nobody_eligible', candidates: 0 });
  });

  it('the night shift is routed to during the night', () => {
    const staff = [member('a-day', { shifts: [DAY] }), member('b-night', { shifts: [NIGHT] })];
    expect(pick(staff, {}, TUE(2)).assignee?._id).toBe('b-night');
    expect(pick(staff, {}, TUE(9)).assignee?._id).toBe('a-day');
  });

  it('someone who can still be pushed comes first, even outside the zone and busier', () => {
    const staff = [
      member('a-zone-idle-nocredit', { zones: ['north'], credits: { task_assigned: 0 } }),
      member('b-far-busy-credit', { zones: ['south'] }),
    ];
    expect(pick(staff, { 'b-far-busy-credit': 7 })).toMatchObject({ assignee: { _id: 'b-far-busy-credit' }, reason: 'reachable', candidates: 2 });
  });

  it('a credit for another template does not count', () => {
    const staff = [member('a', { credits: { task_reopened: 3 } })];
    expect(pick(staff).reason).toBe('in_app_only');
  });

  it('among equally reachable people, the one covering the zone comes next, even if busier', () => {
    const staff = [member('a-south', { zones: ['south'] }), member('b-north', { zones: ['north'] })];
    expect(pick(staff, { 'b-north': 5 }).assignee?._id).toBe('b-north');
  });

  it('then the fewest open tasks; people with no entry count as zero', () => {
    const staff = [member('a'), member('b'), member('c')];
    expect(pick(staff, { a: 3, b: 1, c: 2 }).assignee?._id).toBe('b');
    expect(pick(staff, { a: 3, b: 1 }).assignee?._id).toBe('c');
  });

  it('on duty but without credit: picked, reason in_app_only', () => {
    expect(pick([member('a', { credits: {} })])).toMatchObject({ assignee: { _id: 'a' }, reason: 'in_app_only' });
  });

  it('a full tie is broken by id, whatever the order of the staff list (property)', () => {
    const ids = ['s-07', 's-02', 's-11', 's-05'];
    fc.assert(
      fc.property(fc.shuffledSubarray(ids, { minLength: 1 }), (subset) => {
        const expected = [...subset].sort()[0];
        expect(pick(subset.map((id) => member(id))).assignee?._id).toBe(expected);
        expect(pick([...subset].reverse().map((id) => member(id))).assignee?._id).toBe(expected);
      }),
    );
  });

  it('the decision does not depend on the order of the staff list (property)', () => {
    const arbMember = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
      credit: fc.integer({ min: 0, max: 2 }),
      north: fc.boolean(),
      trade: fc.constantFrom('plumbing_electric', 'carpentry') as fc.Arbitrary<'plumbing_electric' | 'carpentry'>,
      active: fc.boolean(),
      open: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(arbMember, { selector: (m) => m.id, maxLength: 6 }), fc.boolean(), (specs, reverse) => {
        const staff = specs.map((s) =>
          member(s.id, { credits: { task_assigned: s.credit }, zones: s.north ? ['north'] : [], trades: [s.trade], active: s.active }),
        );
        const open = Object.fromEntries(specs.map((s) => [s.id, s.open]));
        const other = reverse ? [...staff].reverse() : [...staff.slice(1), ...staff.slice(0, 1)];
        expect(pick(other, open)).toEqual(pick(staff, open));
      }),
    );
  });
});
