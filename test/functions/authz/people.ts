/**
 * The people of the authorization matrix and what each may see, written out by hand from the
 * product's rules (docs/design.md "Identity and permissions", docs/architecture.md "Desk"), not
 * read from the code under test.
 */
export const ROLES = {
  lin: { openid: 'demo-owner-lin', name: '林先生', label: 'owner of the ticket (林先生)' },
  huang: { openid: 'demo-owner-huang', name: '黄女士', label: 'another owner (黄女士, B区)' },
  tenant: { openid: 'authz-tenant-sun', name: '孙女士', label: 'tenant of the same unit (孙女士)' },
  plumber: { openid: 'demo-tech-wang', name: '王师傅', label: 'the handler, plumber (王师傅)' },
  carpenter: { openid: 'demo-tech-zhao', name: '赵师傅', label: 'technician of another trade (赵师傅)' },
  keeperA: { openid: 'demo-keeper-zhang', name: '张管家', label: 'housekeeper of the zone (张管家, A区)' },
  keeperB: { openid: 'demo-keeper-li', name: '李管家', label: 'housekeeper of another zone (李管家, B区)' },
  desk: { openid: 'demo-desk-chen', name: '陈前台', label: 'front desk (陈前台)' },
  supervisor: { openid: 'demo-super-zhou', name: '周主任', label: 'supervisor (周主任)' },
  manager: { openid: 'demo-manager-wu', name: '吴经理', label: 'manager (吴经理)' },
  guest: { openid: 'demo-guest', name: '', label: 'unbound user' },
} as const;
export type Role = keyof typeof ROLES;
export const ALL_ROLES = Object.keys(ROLES) as Role[];

/** Residents: their personal data must reach only who may know them. */
export const RESIDENTS = {
  lin: { name: '林先生', phone: '13800000001', zones: ['A区', 'B区'] },
  huang: { name: '黄女士', phone: '13800000002', zones: ['B区'] },
  tenant: { name: '孙女士', phone: '13800000003', zones: ['A区'] },
} as const;
export type Resident = keyof typeof RESIDENTS;

/** The tenant the set-up binds to 林先生's unit (an owners document, as demo-data.ts has them). */
export const TENANT_RECORD = {
  _id: ROLES.tenant.openid,
  name: RESIDENTS.tenant.name,
  phone: RESIDENTS.tenant.phone,
  units: [{ id: 'u-1-1-1201', community: '天利龙腾湾', building: '1栋', unit: '1单元', room: '1201', zone: 'A区', relation: 'tenant' }],
};

const TRADES: Partial<Record<Role, string>> = { plumber: 'plumbing_electric', carpenter: 'carpentry' };
const ZONES: Partial<Record<Role, string>> = { keeperA: 'A区', keeperB: 'B区' };
const OVERSEE_ALL: readonly Role[] = ['desk', 'supervisor', 'manager'];

/** What the matrix needs to know of a stored ticket. */
export interface TicketFacts {
  id: string;
  no: string;
  ownerOpenid: string;
  team: string;
  trade: string | null;
  zone: string;
  assigneeOpenid: string | null;
  subtask: boolean;
}

/**
 * Who may see a ticket: its own owner (not a sub-task), its handler, a technician the team's work
 * of their trade, a housekeeper their zone's, the front desk, supervisor and manager everything.
 */
export const maySee = (role: Role, t: TicketFacts): boolean => {
  const me = ROLES[role].openid;
  if (role === 'lin' || role === 'huang' || role === 'tenant') return t.ownerOpenid === me && !t.subtask;
  if (role === 'guest') return false;
  if (t.assigneeOpenid === me) return true;
  const trade = TRADES[role];
  if (trade) return t.team === 'engineering' && (t.trade === null || t.trade === trade);
  const zone = ZONES[role];
  if (zone) return t.zone === zone;
  return OVERSEE_ALL.includes(role);
};

/** Whether `role` may know a resident's name and phone: their own, their tickets' owners, the desk of their zone. */
export const mayKnow = (role: Role, who: Resident, tickets: readonly TicketFacts[]): boolean => {
  if (role === who) return true;
  if (OVERSEE_ALL.includes(role)) return true;
  const zone = ZONES[role];
  if (zone && (RESIDENTS[who].zones as readonly string[]).includes(zone)) return true;
  return tickets.some((t) => t.ownerOpenid === ROLES[who].openid && maySee(role, t));
};

/** The strings a reply to `role` must not contain: unknown residents' names and phones, unseen tickets' ids and numbers. */
export const secretsFor = (role: Role, tickets: readonly TicketFacts[]): string[] => [
  ...(Object.keys(RESIDENTS) as Resident[]).filter((r) => !mayKnow(role, r, tickets)).flatMap((r) => [RESIDENTS[r].name, RESIDENTS[r].phone]),
  ...tickets.filter((t) => !maySee(role, t)).flatMap((t) => [t.id, t.no]),
];
