import * as z from 'zod/mini';
import { REPAIR_CATEGORY_IDS } from '../catalog/categories';
import { appointmentInput, idField, instantField, requestIdField, textField, ticketIdInput, versionField } from './fields';
import { photosField } from './photos';
import { ticketOut, ticketSummarySchema } from './views';

/** The most a quote may ask, per item and in total: 100,000 元 (in fen); beyond is a typing slip. */
export const QUOTE_MAX_FEN = 10_000_000;

/** The longest 工作备注. */
export const NOTE_MAX_CHARS = 300;

/** Size classes of a public-area repair (小修 / 中修 / 大修). */
const PUBLIC_SIZES = ['small', 'medium', 'major'] as const;

/** Every step staff take on a task (the `task` function), 改派 and 转派 included. */
export const TASK_ACTIONS = {
  'task.list': {
    input: z.object({ tab: z._default(z.enum(['todo', 'active', 'done', 'late', 'pool'], { error: '列表类型不正确' }), 'todo') }),
    output: z.object({ tasks: z.array(ticketSummarySchema), credits: z.record(z.string(), z.number()) }),
  },
  'task.accept': { input: ticketIdInput, output: ticketOut },
  'task.decline': { input: z.extend(ticketIdInput, { reason: textField('拒单原因', 60, 1) }), output: ticketOut },
  'task.arrive': { input: ticketIdInput, output: ticketOut },
  'task.start': { input: ticketIdInput, output: ticketOut },
  'task.quote': {
    input: z.extend(ticketIdInput, {
      items: z
        .array(
          z.object({
            name: textField('收费项目', 30, 1),
            priceFen: z
              .number({ error: '价格格式不正确' })
              .check(
                z.int({ error: '价格格式不正确' }),
                z.gte(0, { error: '价格不能为负数' }),
                z.lte(QUOTE_MAX_FEN, { error: `单价不能超过${QUOTE_MAX_FEN / 100}元` }),
              ),
            quantity: z.number({ error: '数量格式不正确' }).check(z.positive({ error: '数量格式不正确' }), z.lte(1000)),
          }),
          { error: '请填写收费项目' },
        )
        .check(
          z.minLength(1, { error: '请至少填写一项收费项目' }),
          z.maxLength(20, { error: '收费项目不能超过20项' }),
          z.refine((items) => items.reduce((sum, i) => sum + Math.round(i.priceFen * i.quantity), 0) <= QUOTE_MAX_FEN, {
            error: `报价合计不能超过${QUOTE_MAX_FEN / 100}元，请核对价格和数量`,
          }),
        ),
      note: z._default(textField('报价说明', 200), ''),
    }),
    output: ticketOut,
  },
  'task.finish': {
    input: z.extend(ticketIdInput, {
      note: z._default(textField('完工说明', 300), ''),
      /** 结果照片: required for a repair (checked with the ticket's kind by the workflow). */
      photos: photosField(),
      /** A complaint with sub-tasks still open (协办未完成) is marked handled only when the housekeeper confirms. */
      confirmOpenSubtasks: z._default(z.boolean({ error: '请确认是否仍要处理完毕' }), false),
    }),
    output: ticketOut,
  },
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
  // Clock events (SLA): pause while the ticket waits for the owner, size a public-area repair,
  // report what cannot be fixed yet, a complaint's progress report. The pure workflow decides who
  // may; the expected date's window (future, ≤ 90 days) is checked by the handler against its clock.
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
  'task.pause': {
    input: z.extend(ticketIdInput, { reason: textField('暂停原因', 60, 1) }),
    output: ticketOut,
  },
  'task.resume': { input: ticketIdInput, output: ticketOut },
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
