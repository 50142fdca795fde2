import * as z from 'zod/mini';
import { REPAIR_CATEGORY_IDS } from '../catalog/categories';
import { TICKET_KINDS } from '../tickets/kinds';
import { ADMIN_ACTIONS } from './admin-actions';
import { BINDING_ACTIONS } from './binding-actions';
import { DESK_ACTIONS } from './desk-actions';
import { appointmentInput, cardRequestInput, complaintRequestInput, repairRequestInput } from './submit-inputs';
import { DUTY_ACTIONS } from './duty-actions';
import { KPI_ACTIONS } from './kpi-actions';
import { functionOf } from './names';
import { photosField } from './photos';
import { idField, instantField, requestIdField, scoreField, textField, ticketIdInput } from './fields';
import {
  identitySchema,
  templateKeySchema,
  templateRefSchema,
  ticketSummarySchema,
  ticketViewSchema,
} from './views';

const ticketOut = z.object({ ticket: ticketViewSchema });

/** The most a quote may ask, per item and in total: 100,000 元 (in fen); beyond is a typing slip. */
export const QUOTE_MAX_FEN = 10_000_000;

/** The longest 工作备注. */
export const NOTE_MAX_CHARS = 300;

/** Size classes of a public-area repair (小修 / 中修 / 大修). */
const PUBLIC_SIZES = ['small', 'medium', 'major'] as const;

const appointment = appointmentInput;

/** The message templates the owner allowed in the same tap (WeChat asks for at most 3 at once). */
const grantedTemplates = () => z._default(z.array(templateKeySchema).check(z.maxLength(3)), []);

/**
 * Every action of the product: name `area.verb` → input and output schema. The area is the
 * cloud function that serves it; client and server share these types.
 */
export const ACTIONS = {
  'session.whoami': {
    input: z.object({}),
    output: z.object({
      identity: identitySchema,
      templates: z.object({ owner: z.array(templateRefSchema), staff: z.array(templateRefSchema) }),
      /** What the company charges, as configured (the forms show it before the owner submits). */
      fees: z.object({ cardReissueFen: z.number() }),
      /** What needs the viewer's attention on home (e.g. 「2027年节假日安排尚未确认」 for the manager and the supervisor). */
      notices: z.array(z.object({ key: z.string(), text: z.string() })),
    }),
  },
  'repair.submit': {
    input: z.extend(repairRequestInput, { grantedTemplates: grantedTemplates() }),
    output: ticketOut,
  },
  'repair.confirmQuote': {
    input: z.extend(ticketIdInput, {
      accept: z.boolean({ error: '请选择是否同意报价' }),
      reason: z._default(textField('原因', 100), ''),
    }),
    output: ticketOut,
  },
  'complaint.submit': {
    input: z.extend(complaintRequestInput, { grantedTemplates: grantedTemplates() }),
    output: ticketOut,
  },
  'card.submit': {
    input: z.extend(cardRequestInput, { grantedTemplates: grantedTemplates() }),
    output: ticketOut,
  },
  'ticket.list': {
    input: z.object({
      kind: z._default(z.enum(['all', ...TICKET_KINDS], { error: '筛选条件不正确' }), 'all'),
      status: z._default(z.enum(['all', 'open', 'done'], { error: '筛选条件不正确' }), 'all'),
    }),
    output: z.object({ tickets: z.array(ticketSummarySchema) }),
  },
  'ticket.cancel': {
    input: z.extend(ticketIdInput, { reason: textField('取消原因', 100, 1) }),
    output: ticketOut,
  },
  'ticket.urge': { input: ticketIdInput, output: ticketOut },
  'ticket.get': {
    input: ticketIdInput,
    output: ticketOut,
  },
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
      appointment,
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
  'callback.rate': {
    input: z.extend(ticketIdInput, {
      handling: scoreField('处理结果'),
      staff: scoreField('服务态度'),
      comment: z._default(textField('评价内容', 300), ''),
    }),
    output: ticketOut,
  },
  'subscription.grant': {
    input: z.object({
      accepted: z.array(templateKeySchema, { error: '订阅结果格式不正确' }).check(z.maxLength(3)),
      ticketId: z.optional(idField('工单编号')),
    }),
    output: z.object({ credits: z.record(z.string(), z.number()) }),
  },
  ...BINDING_ACTIONS,
  ...DESK_ACTIONS,
  ...DUTY_ACTIONS,
  ...KPI_ACTIONS,
  ...ADMIN_ACTIONS,
} as const;

export type ActionName = keyof typeof ACTIONS;
export type ActionInput<A extends ActionName> = z.input<(typeof ACTIONS)[A]['input']>;
export type ParsedInput<A extends ActionName> = z.output<(typeof ACTIONS)[A]['input']>;
export type ActionOutput<A extends ActionName> = z.output<(typeof ACTIONS)[A]['output']>;

export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

export { functionOf } from './names';

export const actionsOf = (fn: string): ActionName[] => ACTION_NAMES.filter((a) => functionOf(a) === fn);
