import * as z from 'zod/mini';
import { REPAIR_CATEGORY_IDS } from '../catalog/categories';
import { appointmentInput, idField, instantField, requestIdField, textField, ticketIdInput, versionField } from './fields';
import { photosField } from './photos';
import { ticketOut } from './views';

/** The longest 工作备注. */
export const NOTE_MAX_CHARS = 300;

/** Size classes of a public-area repair (小修 / 中修 / 大修). */
const PUBLIC_SIZES = ['small', 'medium', 'major'] as const;

/**
 * The other steps staff take on a task, served by the `taskmore` function (names.ts): 协办, 转介,
 * 工作备注, 改约, the clock events, 改派 and 转派. Less frequent than the everyday ones
 * (./task-actions), and apart from them so that each function stays within its bundle budget.
 */
export const TASKMORE_ACTIONS = {
  // 协办: the complaint's housekeeper asks another team (engineering of a trade, cleaning,
  // greening) for work; a repair ticket of its own, routed like any request.
  'task.subtask': {
    input: z.extend(ticketIdInput, {
      category: z.enum(REPAIR_CATEGORY_IDS, { error: '请选择协办类别' }),
      area: z._default(z.enum(['home', 'public'], { error: '请选择户内或公共区域' }), 'home'),
      description: textField('协办内容', 300, 1),
      requestId: requestIdField(),
    }),
    output: ticketOut,
  },
  'task.refer': {
    input: z.extend(ticketIdInput, {
      contact: textField('外部服务联系方式', 60, 1),
      note: z._default(textField('说明', 200), ''),
    }),
    output: ticketOut,
  },
  // 工作备注: a staff-only note with photos, in any open state.
  'task.note': {
    input: z.extend(ticketIdInput, { text: textField('工作备注', NOTE_MAX_CHARS, 1), photos: photosField() }),
    output: ticketOut,
  },
  // 改约: a new appointment agreed with the owner, with the reason; the handler checks it is ahead.
  'task.reschedule': {
    input: z.extend(ticketIdInput, {
      appointment: appointmentInput(),
      reason: textField('改约原因', 60, 1),
      ownerAgreed: z.literal(true, { error: '请先与业主确认新的上门时间' }),
    }),
    output: ticketOut,
  },
  // Clock events (SLA): size a public-area repair, report what cannot be fixed yet, a complaint's
  // progress report (pausing is in ./task-actions). The pure workflow decides who may; the
  // expected date's window (future, ≤ 90 days) is checked by the handler against its clock.
  'task.classify': {
    input: z.extend(ticketIdInput, { size: z.enum(PUBLIC_SIZES, { error: '请选择维修规模' }) }),
    output: ticketOut,
  },
  'task.defer': {
    input: z.extend(ticketIdInput, {
      reason: textField('暂不能修复的原因', 100, 1),
      expectedAt: instantField('预计修复时间'),
    }),
    output: ticketOut,
  },
  'task.progress': {
    input: z.extend(ticketIdInput, { note: textField('进展情况', 200, 1) }),
    output: ticketOut,
  },
  /** 改派 (supervisor, manager): to a person the routing rules allow, with the reason. */
  'task.reassign': {
    input: z.extend(ticketIdInput, {
      staffId: idField('接手人员'),
      reason: textField('改派原因', 60, 1),
      version: versionField('工单'),
    }),
    output: ticketOut,
  },
  /** 转派 (the holder): to a colleague, or a repair to another category's people, with the reason. */
  'task.transfer': {
    input: z
      .extend(ticketIdInput, {
        staffId: z.optional(idField('接手同事')),
        category: z.optional(z.enum(REPAIR_CATEGORY_IDS, { error: '请选择转给哪个专业' })),
        reason: textField('转派原因', 60, 1),
        version: versionField('工单'),
      })
      .check(z.refine((i) => (i.staffId === undefined) !== (i.category === undefined), { error: '请选择转给哪位同事或哪个专业' })),
    output: ticketOut,
  },
} as const;
