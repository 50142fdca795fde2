import { findCategory, type Trade } from '../catalog/categories';
import type { TemplateKey } from '../notify/templates';
import type { StaffRole, Team } from '../tickets/actor';
import type { TicketKind } from '../tickets/kinds';
import type { Ticket } from '../tickets/model';

/** The two stages of an IC card request (003 #11): the desk checks identity, engineering opens it. */
export type CardStage = 'verify' | 'issue';

/**
 * Who does a kind of work. Rules are data (a company edits them in its policy); the first rule
 * whose `kind`, `category` and `stage` all match the ticket wins, so specific rules go first.
 */
export interface RoutingRule {
  kind: TicketKind;
  /** A repair category id (e.g. 'household_cleaning'); any when absent. */
  category?: string;
  /** For IC cards: the stage; any when absent. */
  stage?: CardStage;
  team: Team;
  /** Roles that take this work (technicians for repairs, the zone's housekeeper for complaints …). */
  roles: readonly StaffRole[];
  /** 'category': the trade the repair category needs; null: any member of the roles. */
  trade: 'category' | null;
  /** Only members covering the unit's zone; otherwise the zone is a preference. */
  zoneRequired: boolean;
}

export interface RoutingPolicy {
  rules: readonly RoutingRule[];
  /** Open tasks a member may hold before routing passes them by (a member's own `cap` wins). */
  defaultCap: number;
  /** How often a ticket nobody could take is routed again (someone may have come on duty). */
  retryMinutes: number;
}

export const DEFAULT_ROUTING: RoutingPolicy = {
  rules: [
    // 家政服务 (004 三): the cleaning or greening lead takes the order and sends their people.
    { kind: 'repair', category: 'household_cleaning', team: 'cleaning', roles: ['team_lead'], trade: null, zoneRequired: false },
    { kind: 'repair', category: 'household_greening', team: 'greening', roles: ['team_lead'], trade: null, zoneRequired: false },
    { kind: 'repair', team: 'engineering', roles: ['technician'], trade: 'category', zoneRequired: false },
    // 投诉 (004 二): the housekeeper of the unit's zone.
    { kind: 'complaint', team: 'customer_service', roles: ['housekeeper'], trade: null, zoneRequired: true },
    // IC卡 (003 #11): the desk checks identity within 2 min, then engineering opens the card in 8.
    { kind: 'card', stage: 'issue', team: 'engineering', roles: ['technician'], trade: null, zoneRequired: false },
    { kind: 'card', team: 'customer_service', roles: ['front_desk'], trade: null, zoneRequired: false },
  ],
  defaultCap: 8,
  retryMinutes: 5,
};

/** What routing looks for, worked out from a ticket and the rules. */
export interface RoutingNeed {
  team: Team;
  /** The trade the work needs; null when any member of the roles may do it. */
  trade: Trade | null;
  roles: readonly StaffRole[];
  zone: string;
  zoneRequired: boolean;
  /** The template the chosen person will be pushed; people with a credit for it come first. */
  template: TemplateKey;
  /** Open tasks a member may hold (members may carry their own cap). */
  cap: number;
}

type Routable = Pick<Ticket, 'kind' | 'category' | 'unit'> & { card?: { stage?: CardStage } | null };

export const ruleFor = (routing: RoutingPolicy, t: Pick<Routable, 'kind' | 'category' | 'card'>): RoutingRule => {
  const stage = t.kind === 'card' ? (t.card?.stage ?? 'verify') : undefined;
  const rule = routing.rules.find(
    (r) => r.kind === t.kind && (r.category === undefined || r.category === t.category) && (r.stage === undefined || r.stage === stage),
  );
  if (!rule) throw new Error(`no routing rule for ${t.kind}/${t.category}${stage ? `/${stage}` : ''}`);
  return rule;
};

/** The team that owns a new request, before the ticket exists (its staff are read in parallel). */
export const teamFor = (routing: RoutingPolicy, kind: TicketKind, category: string): Team =>
  ruleFor(routing, { kind, category, card: null }).team;

export const needOf = (routing: RoutingPolicy, t: Routable): RoutingNeed => {
  const rule = ruleFor(routing, t);
  return {
    team: rule.team,
    trade: rule.trade === 'category' ? (findCategory(t.category)?.trade ?? null) : null,
    roles: rule.roles,
    zone: t.unit.zone,
    zoneRequired: rule.zoneRequired,
    template: 'task_assigned',
    cap: routing.defaultCap,
  };
};
