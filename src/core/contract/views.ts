import { z } from 'zod';
import { TICKET_STATES } from '../tickets/states';
import { STAFF_ROLES } from '../tickets/actor';
import { TEMPLATE_KEYS } from '../notify/templates';
import { TICKET_KINDS } from '../tickets/kinds';

/** What the client is told about tickets. Staff-only data never appears in an owner's view. */
export const ticketStateSchema = z.enum(TICKET_STATES);
export const templateKeySchema = z.enum(TEMPLATE_KEYS);
export const ticketKindSchema = z.enum(TICKET_KINDS);

export const timelineEntrySchema = z.object({
  at: z.number(),
  actorName: z.string(),
  actorKind: z.enum(['owner', 'staff', 'system']),
  event: z.string(),
  eventLabel: z.string(),
  from: ticketStateSchema.nullable(),
  to: ticketStateSchema,
  note: z.string(),
});

export const deadlineSchema = z.object({
  clock: z.enum(['dispatch', 'onSite', 'return', 'repair', 'report', 'progress', 'reply', 'issue', 'callback']),
  label: z.string(),
  dueAt: z.number(),
  stoppedAt: z.number().nullable(),
  breached: z.boolean(),
  /** Paused since (waiting for the owner): the clock does not count; its due time moves on resume. */
  pausedAt: z.number().nullable(),
  pauseReason: z.string().nullable(),
});

/** A message about the ticket that did not reach its recipient (staff only). */
export const pushFailureViewSchema = z.object({
  at: z.number(),
  reason: z.enum(['no_credit', 'rejected', 'gave_up', 'uncertain']),
  /** WeChat's answer; null when nothing was sent (no credit left). */
  errcode: z.number().nullable(),
  /** In plain words, e.g. "王师傅 · 新任务提醒未送达：提醒次数已用完". */
  text: z.string(),
});

export const ticketSummarySchema = z.object({
  id: z.string(),
  no: z.string(),
  kind: ticketKindSchema,
  kindName: z.string(),
  state: ticketStateSchema,
  stateLabel: z.string(),
  categoryName: z.string(),
  categoryIcon: z.string(),
  place: z.string(),
  description: z.string(),
  urgent: z.boolean(),
  assigneeName: z.string().nullable(),
  /** Staff only: waiting in the shared pool (待协调), why, and whom routing asked. */
  help: z.object({ reason: z.string(), told: z.array(z.string()), since: z.number() }).nullable().default(null),
  /** The running deadline that matters most now, if any. */
  dueAt: z.number().nullable(),
  createdAt: z.number(),
  updatedAt: z.number(),
});

export const ticketViewSchema = ticketSummarySchema.extend({
  version: z.number(),
  /** The owner's unit the ticket is about (one of their bound units). */
  unitId: z.string(),
  category: z.string(),
  area: z.enum(['home', 'public']),
  photos: z.array(z.string()),
  appointment: z.object({ start: z.number(), end: z.number() }).nullable(),
  owner: z.object({ name: z.string(), phone: z.string() }),
  assignee: z.object({ name: z.string(), phone: z.string() }).nullable(),
  quote: z
    .object({
      items: z.array(z.object({ name: z.string(), priceFen: z.number(), quantity: z.number() })),
      totalFen: z.number(),
      note: z.string(),
      decision: z.enum(['accepted', 'declined']).nullable(),
    })
    .nullable(),
  rating: z.object({ handling: z.number(), staff: z.number(), comment: z.string(), at: z.number() }).nullable(),
  referral: z.object({ contact: z.string(), note: z.string() }).nullable(),
  cancelReason: z.string().nullable(),
  complaint: z
    .object({
      aboutStaff: z.string().nullable(),
      replyBy: z.number().nullable(),
      linkedTicket: z.object({ id: z.string(), no: z.string() }).nullable(),
    })
    .nullable(),
  card: z
    .object({
      type: z.string(),
      typeName: z.string(),
      action: z.enum(['open', 'lost', 'reissue']),
      actionName: z.string(),
      cardNo: z.string(),
      custody: z.boolean(),
      feeFen: z.number(),
      lossTicket: z.object({ id: z.string(), no: z.string() }).nullable(),
      /** verify: the front desk checks identity; issue: engineering does the card (003 #11). */
      stage: z.enum(['verify', 'issue']).default('verify'),
      /** Who checked the owner's identity, once checked. */
      verifiedBy: z.object({ name: z.string(), at: z.number() }).nullable().default(null),
    })
    .nullable(),
  /** What the person handling this kind is called: 维修师傅, 客服管家, 客服前台 (工程人员 once a card's identity is checked). */
  handlerTitle: z.string(),
  /** The next promise to the owner in plain words, e.g. "王师傅预计 10:15 前上门". */
  promise: z.string().nullable(),
  /** When the owner may urge next (0: now); null when urging is not possible in this state. */
  urgeAvailableAt: z.number().nullable(),
  deadlines: z.array(deadlineSchema),
  /** Public-area repairs: the size class given by the technician (null: not said, runs as small). */
  publicSize: z.enum(['small', 'medium', 'major']).nullable(),
  /** 暂不能修复: why, and when it is expected to be fixed. */
  deferral: z.object({ reason: z.string(), expectedAt: z.number() }).nullable(),
  timeline: z.array(timelineEntrySchema),
  /** Events the viewer may cause now; pages show exactly these buttons. */
  actions: z.array(z.string()),
  /** Staff only, newest first (absent from an owner's view): messages that did not reach someone. */
  pushFailures: z.array(pushFailureViewSchema).optional(),
});

export const unitViewSchema = z.object({
  id: z.string(),
  label: z.string(),
  community: z.string(),
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  relation: z.enum(['owner', 'family', 'tenant']),
});

export const identitySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('guest') }),
  z.object({ kind: z.literal('owner'), name: z.string(), phone: z.string(), units: z.array(unitViewSchema) }),
  z.object({
    kind: z.literal('staff'),
    staffId: z.string(),
    name: z.string(),
    role: z.enum(STAFF_ROLES),
    roleName: z.string(),
    credits: z.record(z.string(), z.number()),
  }),
]);

export const templateRefSchema = z.object({ key: templateKeySchema, id: z.string(), title: z.string() });

export type TicketSummary = z.infer<typeof ticketSummarySchema>;
export type TicketView = z.infer<typeof ticketViewSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type PushFailureView = z.infer<typeof pushFailureViewSchema>;
export type Identity = z.infer<typeof identitySchema>;
export type UnitView = z.infer<typeof unitViewSchema>;
export type TemplateRef = z.infer<typeof templateRefSchema>;
