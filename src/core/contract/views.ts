import * as z from 'zod/mini';
import { TICKET_STATES } from '../tickets/states';
import { TICKET_KINDS } from '../tickets/kinds';

/**
 * What the client is told about tickets. Staff-only data never appears in an owner's view.
 * Only the functions answering tickets bundle this module: people and units are in ./people,
 * message templates in ./template-refs.
 */
export const ticketStateSchema = z.enum(TICKET_STATES);
export const ticketKindSchema = z.enum(TICKET_KINDS);

export const timelineEntrySchema = z.object({
  at: z.number(),
  actorName: z.string(),
  actorKind: z.enum(['owner', 'staff', 'system']),
  event: z.string(),
  eventLabel: z.string(),
  from: z.nullable(ticketStateSchema),
  to: ticketStateSchema,
  note: z.string(),
  /** Photos taken with the step (a staff note's); staff only. */
  photos: z.optional(z.array(z.string())),
});

export const deadlineSchema = z.object({
  clock: z.enum(['dispatch', 'onSite', 'return', 'repair', 'report', 'progress', 'reply', 'issue', 'callback']),
  label: z.string(),
  dueAt: z.number(),
  stoppedAt: z.nullable(z.number()),
  breached: z.boolean(),
  /** Paused since (waiting for the owner): the clock does not count; its due time moves on resume. */
  pausedAt: z.nullable(z.number()),
  pauseReason: z.nullable(z.string()),
});

/** A message about the ticket that did not reach its recipient (staff only). */
export const pushFailureViewSchema = z.object({
  at: z.number(),
  reason: z.enum(['no_credit', 'rejected', 'gave_up', 'uncertain']),
  /** WeChat's answer; null when nothing was sent (no credit left). */
  errcode: z.nullable(z.number()),
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
  assigneeName: z.nullable(z.string()),
  /** Staff only: waiting in the shared pool (待协调), why, and whom routing asked. */
  help: z._default(z.nullable(z.object({ reason: z.string(), told: z.array(z.string()), since: z.number() })), null),
  /** The running deadline that matters most now, if any. */
  dueAt: z.nullable(z.number()),
  /**
   * Staff only: that deadline's clock, for a live countdown (剩余 12 分钟 · 到场时限): its label,
   * its own length (to tell "about to breach") and since when it is paused, if it is.
   */
  clock: z._default(
    z.nullable(z.object({ label: z.string(), dueAt: z.number(), spanMs: z.number(), pausedAt: z.nullable(z.number()) })),
    null,
  ),
  createdAt: z.number(),
  updatedAt: z.number(),
});

/** A complaint's sub-task (协办单) as its staff page lists it: what was asked of which team, and where it stands. */
export const subtaskViewSchema = z.object({
  id: z.string(),
  no: z.string(),
  teamName: z.string(),
  categoryName: z.string(),
  categoryIcon: z.string(),
  /** Null when the sub-task could not be read (then also its state). */
  area: z.nullable(z.enum(['home', 'public'])),
  description: z.string(),
  state: z.nullable(ticketStateSchema),
  stateLabel: z.string(),
  assigneeName: z.nullable(z.string()),
  /** Its work is over for the complaint: returned, closed, cancelled or referred. */
  settled: z.boolean(),
  at: z.number(),
});

export const ticketViewSchema = z.extend(ticketSummarySchema, {
  version: z.number(),
  /** The owner's unit the ticket is about (one of their bound units). */
  unitId: z.string(),
  category: z.string(),
  area: z.enum(['home', 'public']),
  photos: z.array(z.string()),
  /** Photos of the result, from the return (返单): shown to the owner as 处理结果照片. */
  resultPhotos: z._default(z.array(z.string()), []),
  appointment: z.nullable(z.object({ start: z.number(), end: z.number() })),
  /** The last 改约: the appointment it replaced (null: none was set) and why. */
  rescheduled: z._default(
    z.nullable(z.object({ previous: z.nullable(z.object({ start: z.number(), end: z.number() })), reason: z.string(), at: z.number() })),
    null,
  ),
  owner: z.object({ name: z.string(), phone: z.string() }),
  assignee: z.nullable(z.object({ name: z.string(), phone: z.string() })),
  quote: z.nullable(
    z.object({
      items: z.array(z.object({ name: z.string(), priceFen: z.number(), quantity: z.number() })),
      totalFen: z.number(),
      note: z.string(),
      decision: z.nullable(z.enum(['accepted', 'declined'])),
    }),
  ),
  rating: z.nullable(
    z.object({
      handling: z.number(),
      staff: z.number(),
      comment: z.string(),
      at: z.number(),
      /** The owner in the app, or the owner on the phone to the desk (电话回访). */
      by: z._default(z.enum(['owner', 'phone']), 'owner'),
      /** Who took a phone callback down. */
      recordedByName: z._default(z.nullable(z.string()), null),
    }),
  ),
  referral: z.nullable(z.object({ contact: z.string(), note: z.string() })),
  cancelReason: z.nullable(z.string()),
  complaint: z.nullable(
    z.object({
      aboutStaff: z.nullable(z.string()),
      replyBy: z.nullable(z.number()),
      linkedTicket: z.nullable(z.object({ id: z.string(), no: z.string() })),
    }),
  ),
  card: z.nullable(
    z.object({
      type: z.string(),
      typeName: z.string(),
      action: z.enum(['open', 'lost', 'reissue']),
      actionName: z.string(),
      cardNo: z.string(),
      custody: z.boolean(),
      feeFen: z.number(),
      lossTicket: z.nullable(z.object({ id: z.string(), no: z.string() })),
      /** verify: the front desk checks identity; issue: engineering does the card (003 #11). */
      stage: z._default(z.enum(['verify', 'issue']), 'verify'),
      /** Who checked the owner's identity, once checked. */
      verifiedBy: z._default(z.nullable(z.object({ name: z.string(), at: z.number() })), null),
    }),
  ),
  /** What the person handling this kind is called: 维修师傅, 客服管家, 客服前台 (工程人员 once a card's identity is checked). */
  handlerTitle: z.string(),
  /** The next promise to the owner in plain words, e.g. "王师傅预计 10:15 前上门". */
  promise: z.nullable(z.string()),
  /** When the owner may urge next (0: now); null when urging is not possible in this state. */
  urgeAvailableAt: z.nullable(z.number()),
  deadlines: z.array(deadlineSchema),
  /** Public-area repairs: the size class given by the technician (null: not said, runs as small). */
  publicSize: z.nullable(z.enum(['small', 'medium', 'major'])),
  /** 暂不能修复: why, and when it is expected to be fixed. */
  deferral: z.nullable(z.object({ reason: z.string(), expectedAt: z.number() })),
  timeline: z.array(timelineEntrySchema),
  /** How the request reached us (来源): the app, or the desk for an owner who phoned or walked in. */
  channel: z._default(z.enum(['wechat', 'phone', 'walk_in']), 'wechat'),
  /** Who registered it for the owner (代客登记), by name; null when the owner submitted it. */
  registeredByName: z._default(z.nullable(z.string()), null),
  /** Phone callbacks that did not reach the owner (未能联系上业主), oldest first; staff only (empty for owners). */
  callbackAttempts: z._default(z.array(z.object({ at: z.number(), note: z.string(), byName: z.string() })), []),
  /** Events the viewer may cause now; pages show exactly these buttons. */
  actions: z.array(z.string()),
  /** Staff only, newest first (absent from an owner's view): messages that did not reach someone. */
  pushFailures: z.optional(z.array(pushFailureViewSchema)),
  /** Staff only, a complaint's: its sub-tasks (协办单) for other teams, each with its state as read now. */
  subtasks: z.optional(z.array(subtaskViewSchema)),
  /** Staff only, a sub-task's: the complaint it was raised from. */
  parent: z.optional(z.object({ id: z.string(), no: z.string() })),
});

/** Every ticket-changing action answers the ticket as its caller may now see it. */
export const ticketOut = z.object({ ticket: ticketViewSchema });

export type TicketSummary = z.infer<typeof ticketSummarySchema>;
export type TicketView = z.infer<typeof ticketViewSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type PushFailureView = z.infer<typeof pushFailureViewSchema>;
export type SubtaskView = z.infer<typeof subtaskViewSchema>;
// Their schemas are apart (./people, ./template-refs), so that a function answering no ticket
// bundles none of the ticket's; the types stay here for the client.
export type { UnitView } from './people';
export type { Identity } from './session-actions';
export type { TemplateRef } from './template-refs';
