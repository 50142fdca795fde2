import { route } from '../src/core/routing/route';
import { DEFAULT_ROUTING, needOf } from '../src/core/routing/rules';
import type { StaffMember } from '../src/core/routing/staff';
import type { Ticket } from '../src/core/tickets/model';

const WEEK = [1, 2, 3, 4, 5, 6, 7];

/** 200 staff of every role and trade, on day and night shifts, with varied loads and credits. */
const staffOf = (count: number): StaffMember[] =>
  Array.from({ length: count }, (_, i) => ({
    _id: `s-${String(i).padStart(3, '0')}`,
    openid: `o-${i}`,
    name: `员工${i}`,
    phone: '13900000000',
    role: i % 10 === 0 ? 'team_lead' : 'technician',
    team: 'engineering',
    trades: [(['plumbing_electric', 'carpentry', 'masonry'] as const)[i % 3]],
    zones: [i % 2 ? 'A区' : 'B区'],
    shifts: [i % 4 ? { weekdays: WEEK, start: '08:00', end: '20:00' } : { weekdays: WEEK, start: '20:00', end: '08:00' }],
    active: i % 17 !== 0,
    credits: { task_assigned: i % 5 },
    openTasks: i % 7,
  }));

/** Microseconds per routing decision among `count` staff (pure: the choice, not the database). */
export const measureRouting = (count: number, decisions = 20_000): number => {
  const staff = staffOf(count);
  const ticket = { kind: 'repair', category: 'plumbing_electric', unit: { zone: 'A区' } } as Ticket;
  const need = needOf(DEFAULT_ROUTING, ticket);
  const now = Date.UTC(2026, 10, 23, 2);
  for (let i = 0; i < 1000; i++) route(need, staff, now, 480); // warm-up
  const start = process.hrtime.bigint();
  for (let i = 0; i < decisions; i++) route(need, staff, now + i, 480);
  return Math.round(Number(process.hrtime.bigint() - start) / 1000 / decisions * 10) / 10;
};
