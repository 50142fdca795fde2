import type { Trade } from '../catalog/categories';

export const STAFF_ROLES = [
  'front_desk',
  'housekeeper',
  'technician',
  'team_lead',
  'supervisor',
  'manager',
] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Who sees the shared pool (待协调) and may arrange its tasks: leads, the desk, the supervisor, the manager. */
export const POOL_ROLES: readonly StaffRole[] = ['team_lead', 'front_desk', 'supervisor', 'manager'];

export const STAFF_ROLE_NAMES: Record<StaffRole, string> = {
  front_desk: '客服前台',
  housekeeper: '客服管家',
  technician: '维修师傅',
  team_lead: '组长',
  supervisor: '客服主任',
  manager: '项目负责人',
};

/** The company's teams, in the order staff pages list them (customer service first). */
export const TEAMS = ['customer_service', 'engineering', 'cleaning', 'greening', 'management'] as const;
export type Team = (typeof TEAMS)[number];

export const TEAM_NAMES: Record<Team, string> = {
  engineering: '工程部',
  customer_service: '客服中心',
  cleaning: '清洁部',
  greening: '绿化部',
  management: '管理处',
};

/** Who causes a transition. Identity always comes from the platform, never from the event. */
export type Actor =
  | { kind: 'owner'; openid: string; name: string }
  | {
      kind: 'staff';
      openid: string;
      staffId: string;
      name: string;
      phone: string;
      role: StaffRole;
      team: Team;
      trades: readonly Trade[];
      zones: readonly string[];
    }
  | { kind: 'system' };

/** How an actor is written into the audit trail: enough to show a timeline, no secrets. */
export interface ActorRef {
  kind: Actor['kind'];
  name: string;
  role?: StaffRole;
}

export const actorRef = (actor: Actor): ActorRef => {
  if (actor.kind === 'system') return { kind: 'system', name: '系统' };
  if (actor.kind === 'owner') return { kind: 'owner', name: actor.name };
  return { kind: 'staff', name: actor.name, role: actor.role };
};

/** The assignee acting on their own ticket: everything the workflow needs is on the ticket. */
export const assigneeActor = (t: {
  assignee: { staffId: string; openid: string; name: string; phone: string; role: StaffRole } | null;
  team: Team;
  trade: Trade | null;
  unit: { zone: string };
}): Actor | null =>
  t.assignee
    ? { kind: 'staff', ...t.assignee, team: t.team, trades: t.trade ? [t.trade] : [], zones: [t.unit.zone] }
    : null;

export const SYSTEM: Actor = { kind: 'system' };
