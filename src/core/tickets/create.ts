import type { CardAction, CardTypeId } from '../catalog/cards';
import { findCategory, type RepairCategoryId } from '../catalog/categories';
import type { ComplaintCategoryId } from '../catalog/complaints';
import type { TemplateKey } from '../notify/templates';
import { formatLocal } from '../sla/time';
import { teamFor } from '../routing/rules';
import type { Policy } from '../sla/policy';
import type { Actor } from './actor';
import { NUMBER_PREFIX, type TicketKind } from './kinds';
import { registrationNote } from './channel';
import type { RegisteredBy, Ticket, TicketChannel, UnitRef } from './model';
import { enterState, type TransitionContext, type TransitionEffects } from './transition';


/** What every submission carries, whatever its kind. */
export interface Submission {
  id: string;
  owner: { openid: string; name: string; phone: string };
  unit: UnitRef;
  description: string;
  photos: string[];
  /** Templates the owner accepted in the subscribe dialog of the submit tap. */
  grantedTemplates: readonly TemplateKey[];
  /** How it reached us; absent: the owner in the app ('wechat'). */
  channel?: TicketChannel;
  /** Who registered it for the owner (代客登记); absent or null: the owner themselves. */
  registeredBy?: RegisteredBy | null;
}

export interface RepairSubmission extends Submission {
  area: 'home' | 'public';
  category: RepairCategoryId;
  appointment: { start: number; end: number } | null;
  urgent: boolean;
}

export interface ComplaintSubmission extends Submission {
  category: ComplaintCategoryId;
  aboutStaff: string | null;
  aboutStaffId: string | null;
  replyBy: number;
  linkedTicket: { id: string; no: string } | null;
}

export interface CardSubmission extends Submission {
  type: CardTypeId;
  action: CardAction;
  cardNo: string;
  custody: boolean;
  lossTicket: { id: string; no: string } | null;
}

type Created = { ticket: Ticket; effects: TransitionEffects };

/** Ticket numbers owners read out on the phone: kind prefix + local date + 4 characters of the id. */
export const ticketNumber = (id: string, now: number, utcOffsetMinutes: number, kind: TicketKind = 'repair'): string =>
  `${NUMBER_PREFIX[kind]}${formatLocal(now, utcOffsetMinutes, 'YYYYMMDD')}-${id.replace(/[^0-9a-zA-Z]/g, '').slice(-4).toUpperCase()}`;

/** A new ticket of a kind; its team comes from the policy's routing rules for the category. */
const blankTicket = (s: Submission, kind: TicketKind, category: string, now: number, policy: Policy): Ticket => {
  const ownerCredits: Partial<Record<TemplateKey, number>> = {};
  for (const key of s.grantedTemplates) ownerCredits[key] = (ownerCredits[key] ?? 0) + 1;
  return {
    _id: s.id,
    no: ticketNumber(s.id, now, policy.utcOffsetMinutes, kind),
    kind,
    state: 'submitted',
    version: 0,
    owner: s.owner,
    unit: s.unit,
    area: 'home',
    category,
    team: teamFor(policy.routing, kind, category),
    trade: null,
    description: s.description,
    photos: s.photos,
    appointment: null,
    urgent: false,
    assignee: null,
    clocks: {},
    quote: null,
    rating: null,
    referral: null,
    cancelReason: null,
    reopenCount: 0,
    complaint: null,
    card: null,
    publicSize: null,
    deferral: null,
    declinedBy: [],
    lateSince: null,
    lastUrgedAt: null,
    ownerCredits,
    channel: s.channel ?? 'wechat',
    registeredBy: s.registeredBy ?? null,
    history: [],
    outbox: [],
    pushFailures: [],
    nextDueAt: null,
    createdAt: now,
    updatedAt: now,
  };
};

/** Registered for the owner (代客登记), the submit entry says by whom and how: "陈前台代客登记（电话）；急修". */
const submitted = (t: Ticket, note: string, ctx: TransitionContext & { actor: Actor }): Created => {
  const registered = t.registeredBy ? registrationNote(t.registeredBy, t.channel ?? 'wechat') : '';
  return enterState(t, t, null, 'submit', 'submitted', [], [registered, note].filter(Boolean).join('；'), ctx);
};

/** A new repair ticket in state `submitted`, its dispatch clock running. */
export const createRepairTicket = (s: RepairSubmission, ctx: TransitionContext & { actor: Actor }): Created => {
  const category = findCategory(s.category);
  if (!category) throw new Error(`unknown category ${s.category}`);
  const t: Ticket = {
    ...blankTicket(s, 'repair', s.category, ctx.now, ctx.policy),
    area: s.area,
    trade: category.trade,
    appointment: s.appointment,
    urgent: s.urgent,
  };
  return submitted(t, s.urgent ? '急修' : '', ctx);
};

/** A new complaint: registered whatever it says (000 4.5.1), its reply time the deadline. */
export const createComplaintTicket = (s: ComplaintSubmission, ctx: TransitionContext & { actor: Actor }): Created => {
  const t: Ticket = {
    ...blankTicket(s, 'complaint', s.category, ctx.now, ctx.policy),
    complaint: { aboutStaff: s.aboutStaff, aboutStaffId: s.aboutStaffId, replyBy: s.replyBy, linkedTicket: s.linkedTicket },
  };
  const note = s.linkedTicket ? `关于工单 ${s.linkedTicket.no} 的处理人员${s.aboutStaff ? ` ${s.aboutStaff}` : ''}` : '';
  return submitted(t, note, ctx);
};

/** A new IC card request; a reissue carries its fee, payable at the front desk. */
export const createCardTicket = (s: CardSubmission, ctx: TransitionContext & { actor: Actor }): Created => {
  const feeFen = s.action === 'reissue' ? ctx.policy.card.reissueFeeFen : 0;
  const t: Ticket = {
    ...blankTicket(s, 'card', s.type, ctx.now, ctx.policy),
    card: { type: s.type, action: s.action, cardNo: s.cardNo, custody: s.custody, feeFen, lossTicket: s.lossTicket, stage: 'verify' },
  };
  const notes = [s.custody ? '委托代管' : '', s.lossTicket ? `挂失单 ${s.lossTicket.no}` : ''].filter(Boolean);
  return submitted(t, notes.join('；'), ctx);
};
