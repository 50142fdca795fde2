import type { RepairCategoryId } from '../catalog/categories';
import { findCategory } from '../catalog/categories';
import type { TemplateKey } from '../notify/templates';
import { formatLocal } from '../sla/time';
import type { Actor } from './actor';
import type { RepairTicket, UnitRef } from './model';
import { enterState, type TransitionContext, type TransitionEffects } from './transition';

/** Repairs are engineering's work (工程部); the category decides the trade. */
export const REPAIR_TEAM = 'engineering' as const;

export interface RepairSubmission {
  id: string;
  owner: { openid: string; name: string; phone: string };
  unit: UnitRef;
  area: 'home' | 'public';
  category: RepairCategoryId;
  description: string;
  photos: string[];
  appointment: { start: number; end: number } | null;
  urgent: boolean;
  /** Templates the owner accepted in the subscribe dialog of the submit tap. */
  grantedTemplates: readonly TemplateKey[];
}

/** Ticket numbers owners read out on the phone: BX + local date + 4 characters of the id. */
export const ticketNumber = (id: string, now: number, utcOffsetMinutes: number): string =>
  `BX${formatLocal(now, utcOffsetMinutes, 'YYYYMMDD')}-${id.replace(/[^0-9a-zA-Z]/g, '').slice(-4).toUpperCase()}`;

/** A new repair ticket in state `submitted`, its dispatch clock running. */
export const createRepairTicket = (
  s: RepairSubmission,
  ctx: TransitionContext & { actor: Actor },
): { ticket: RepairTicket; effects: TransitionEffects } => {
  const category = findCategory(s.category);
  if (!category) throw new Error(`unknown category ${s.category}`);
  const ownerCredits: Partial<Record<TemplateKey, number>> = {};
  for (const key of s.grantedTemplates) ownerCredits[key] = (ownerCredits[key] ?? 0) + 1;
  const blank: RepairTicket = {
    _id: s.id,
    no: ticketNumber(s.id, ctx.now, ctx.policy.utcOffsetMinutes),
    kind: 'repair',
    state: 'submitted',
    version: 0,
    owner: s.owner,
    unit: s.unit,
    area: s.area,
    category: s.category,
    team: REPAIR_TEAM,
    trade: category.trade,
    description: s.description,
    photos: s.photos,
    appointment: s.appointment,
    urgent: s.urgent,
    assignee: null,
    clocks: {},
    quote: null,
    rating: null,
    referral: null,
    cancelReason: null,
    reopenCount: 0,
    ownerCredits,
    history: [],
    outbox: [],
    nextDueAt: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  return enterState(blank, blank, null, 'submit', 'submitted', [], s.urgent ? '急修' : '', ctx);
};
