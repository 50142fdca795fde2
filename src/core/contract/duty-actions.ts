import * as z from 'zod/mini';
import { HANDOVER_NOTES_MAX, HANDOVER_WATCH_MAX, TICKET_NO_PATTERN } from '../duty/handover';
import { STAFF_ROLES } from '../tickets/actor';
import { idField, requestIdField, textField, ticketIdInput, versionField } from './fields';

const watchItemSchema = z.object({ id: z.string(), no: z.string(), label: z.string() });

/** A handover as staff see it. */
export const handoverViewSchema = z.object({
  id: z.string(),
  /** 客服中心·客服前台 */
  post: z.string(),
  writerName: z.string(),
  notes: z.string(),
  watch: z.array(watchItemSchema),
  state: z.enum(['pending', 'confirmed']),
  confirmedByName: z.nullable(z.string()),
  confirmedAt: z.nullable(z.number()),
  createdAt: z.number(),
  version: z.number(),
  /** The viewer may confirm it now (same post, not its writer, still pending). */
  mayConfirm: z.boolean(),
});

const boardPersonSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  roleName: z.string(),
  skills: z.string(),
  zones: z.string(),
  onDuty: z.boolean(),
  shifts: z.string(),
  openTasks: z.number(),
  cap: z.number(),
  credits: z.number(),
  lateTasks: z.number(),
});

/** A count read from a bounded list: `more` when the list was full (shown as 50+). */
const boundedCount = z.object({ count: z.number(), more: z.boolean() });

/** Someone a task may be handed to, with what the choice needs. */
const candidateSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  roleName: z.string(),
  skills: z.string(),
  zones: z.string(),
  onDuty: z.boolean(),
  openTasks: z.number(),
  cap: z.number(),
  reachable: z.boolean(),
  /** Why this person cannot be chosen; null when they can. */
  barred: z.nullable(z.string()),
  /** What the supervisor is warned of when choosing them (off duty, at cap). */
  warning: z.nullable(z.string()),
});

export type HandoverView = z.infer<typeof handoverViewSchema>;
export type BoardPersonView = z.infer<typeof boardPersonSchema>;
export type CandidateView = z.infer<typeof candidateSchema>;

const handoverOut = z.object({ handover: handoverViewSchema });

/**
 * The supervisor's board, whom a task may be handed to, and 交接班 (the `duty` function). 改派 and
 * 转派 themselves are `task.reassign` and `task.transfer` (./task-actions), steps like any on a task.
 */
export const DUTY_ACTIONS = {
  /** Supervisor and manager: who is on duty and their load, escalations, the pool, open handovers. */
  'duty.board': {
    input: z.object({}),
    output: z.object({
      teams: z.array(z.object({ team: z.string(), teamName: z.string(), onDuty: z.number(), people: z.array(boardPersonSchema) })),
      late: boundedCount,
      waiting: boundedCount,
      handovers: z.array(handoverViewSchema),
    }),
  },
  /** Who the task may go to: for the supervisor (改派) or for its holder (转派, with the categories). */
  'duty.candidates': {
    input: ticketIdInput,
    output: z.object({
      mode: z.enum(['reassign', 'transfer']),
      version: z.number(),
      people: z.array(candidateSchema),
      /** 转派 of a repair to another category's people (待派单, routed at once). */
      categories: z.array(z.object({ id: z.string(), name: z.string(), teamName: z.string() })),
    }),
  },
  /** 交接班: what the caller may confirm, their post's recent handovers, tickets worth watching. */
  'duty.handovers': {
    input: z.object({}),
    output: z.object({
      canWrite: z.boolean(),
      toConfirm: z.array(handoverViewSchema),
      recent: z.array(handoverViewSchema),
      suggestions: z.array(watchItemSchema),
    }),
  },
  /** The inbox's line: handovers waiting for the caller's 确认接班. */
  'duty.toConfirm': {
    input: z.object({}),
    output: z.object({ canWrite: z.boolean(), handovers: z.array(handoverViewSchema) }),
  },
  'duty.writeHandover': {
    input: z.object({
      requestId: requestIdField(),
      notes: textField('交接事项', HANDOVER_NOTES_MAX, 1),
      watch: z._default(
        z
          .array(
            z
              .string({ error: '工单号格式不正确' })
              .check(
                z.trim(),
                z.toUpperCase(),
                z.regex(TICKET_NO_PATTERN, { error: '工单号格式不正确，如 BX20261122-4F7K' }),
              ),
            { error: '工单号格式不正确' },
          )
          .check(z.maxLength(HANDOVER_WATCH_MAX, { error: `需关注的工单最多${HANDOVER_WATCH_MAX}张` })),
        [],
      ),
    }),
    output: handoverOut,
  },
  'duty.confirmHandover': {
    input: z.object({ handoverId: idField('交接记录'), version: versionField('交接记录') }),
    output: handoverOut,
  },
} as const;
