import * as z from 'zod/mini';
import { BINDING_MESSAGES, PHONE_PATTERN, RELATIONS } from '../binding/request';
import { TICKET_KINDS } from '../tickets/kinds';
import { REGISTER_STATE_GROUPS } from '../tickets/register';
import { unitPlaceSchema } from './people';
import { ticketKindSchema, ticketStateSchema, ticketSummarySchema } from './views';

const channelSchema = z.enum(['wechat', 'phone', 'walk_in']);

/** A choice made from a picker: missing, blank or absurdly long all read "please choose". */
const picked = (error: string, max: number) =>
  z.string({ error }).check(z.trim(), z.minLength(1, { error }), z.maxLength(max, { error }));

/** A unit of the community as the desk sees it. */
export const deskUnitSchema = unitPlaceSchema;

/**
 * A bound owner or tenant as the desk finds them. `residentId` names them to the desk's next call
 * without giving away their WeChat identity; the phone is shown in full (the desk calls them back).
 */
export const residentSchema = z.object({
  residentId: z.string(),
  name: z.string(),
  phone: z.string(),
  units: z.array(z.extend(deskUnitSchema, { relation: z.enum(RELATIONS) })),
});

/** A ticket waiting for its callback, as the callback queue (回访队列) lists it. */
export const callbackItemSchema = z.object({
  ticket: ticketSummarySchema,
  ownerName: z.string(),
  ownerPhone: z.string(),
  channel: channelSchema,
  /** When the handler returned it: the callback clock's start. */
  returnedAt: z.number(),
  /** The callback's due time (8 h after return for repairs), and its hard cap (24 h). */
  dueAt: z.number(),
  capAt: z.nullable(z.number()),
  overdue: z.boolean(),
  /** Calls of this round that did not reach the owner, oldest first. */
  attempts: z.array(z.object({ at: z.number(), note: z.string(), byName: z.string() })),
});

/** One line of the day's register (前台受理登记表). */
export const registerRowSchema = z.object({
  id: z.string(),
  no: z.string(),
  kind: ticketKindSchema,
  kindName: z.string(),
  createdAt: z.number(),
  ownerName: z.string(),
  ownerPhone: z.string(),
  place: z.string(),
  what: z.string(),
  description: z.string(),
  channel: channelSchema,
  registeredByName: z.nullable(z.string()),
  state: ticketStateSchema,
  stateLabel: z.string(),
  handlerName: z.nullable(z.string()),
});

export type DeskUnit = z.infer<typeof deskUnitSchema>;
export type Resident = z.infer<typeof residentSchema>;
export type CallbackItem = z.infer<typeof callbackItemSchema>;
export type RegisterRow = z.infer<typeof registerRowSchema>;

/**
 * The front desk's actions (客服前台; housekeepers, supervisors and managers too) served by the
 * `desk` cloud function: find an owner, the callback queue, the day's register. Registering a
 * request for an owner (代客登记) is served by `intake` (./intake-actions), the phone callback
 * itself by `callback` with the owner's own rating (./callback-actions): both step tickets, and
 * these do not (names.ts).
 */
export const DESK_ACTIONS = {
  /** The owners and tenants bound to a room picked from the community's layout. */
  'desk.findByRoom': {
    input: z.object({
      communityId: z
        .string({ error: BINDING_MESSAGES.community })
        .check(z.regex(/^[A-Za-z0-9_.-]{1,64}$/, { error: BINDING_MESSAGES.community })),
      building: picked(BINDING_MESSAGES.building, 20),
      unit: picked(BINDING_MESSAGES.unit, 20),
      room: picked(BINDING_MESSAGES.room, 16),
    }),
    output: z.object({ unit: deskUnitSchema, residents: z.array(residentSchema) }),
  },
  /** The owners and tenants with this mobile number, with their bound units. */
  'desk.findByPhone': {
    input: z.object({
      phone: z
        .string({ error: BINDING_MESSAGES.phone })
        .check(
          z.trim(),
          z.minLength(1, { error: BINDING_MESSAGES.phone }),
          z.regex(PHONE_PATTERN, { error: BINDING_MESSAGES.phoneInvalid }),
        ),
    }),
    output: z.object({ residents: z.array(residentSchema) }),
  },
  /** 回访队列: every ticket waiting for its callback, the most urgent first. */
  'desk.callbacks': {
    input: z.object({}),
    output: z.object({
      items: z.array(callbackItemSchema),
      /** After this many unanswered calls of a round the supervisor is told. */
      tellSupervisorAtAttempt: z.number(),
    }),
  },
  /** 前台受理登记: every request of a day (China time), filtered. */
  'desk.daily': {
    input: z.object({
      date: z.string({ error: '请选择日期' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式不正确' })),
      kind: z._default(z.enum(['all', ...TICKET_KINDS], { error: '筛选条件不正确' }), 'all'),
      channel: z._default(z.enum(['all', 'wechat', 'phone', 'walk_in'], { error: '筛选条件不正确' }), 'all'),
      state: z._default(z.enum(['all', ...REGISTER_STATE_GROUPS], { error: '筛选条件不正确' }), 'all'),
    }),
    output: z.object({
      date: z.string(),
      /** Requests of the whole day, before the filters. */
      total: z.number(),
      rows: z.array(registerRowSchema),
    }),
  },
} as const;
