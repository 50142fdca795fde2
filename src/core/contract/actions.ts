import { z } from 'zod';
import { CARD_ACTIONS, CARD_TYPE_IDS } from '../catalog/cards';
import { REPAIR_CATEGORY_IDS } from '../catalog/categories';
import { COMPLAINT_CATEGORY_IDS } from '../catalog/complaints';
import { TICKET_KINDS } from '../tickets/kinds';
import { BINDING_ACTIONS } from './binding-actions';
import { functionOf } from './names';
import { photosField } from './photos';
import { idField, instantField, scoreField, textField, ticketIdInput } from './fields';
import {
  identitySchema,
  templateKeySchema,
  templateRefSchema,
  ticketSummarySchema,
  ticketViewSchema,
} from './views';

const ticketOut = z.object({ ticket: ticketViewSchema });

/** Size classes of a public-area repair (小修 / 中修 / 大修). */
const PUBLIC_SIZES = ['small', 'medium', 'major'] as const;

const appointment = z
  .object({ start: instantField('预约开始时间'), end: instantField('预约结束时间') })
  .refine((a) => a.end > a.start, { error: '预约结束时间应晚于开始时间' });

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
    }),
  },
  'repair.submit': {
    input: z.object({
      unitId: idField('房屋'),
      area: z.enum(['home', 'public'], { error: '请选择户内或公共区域' }).default('home'),
      category: z.enum(REPAIR_CATEGORY_IDS, { error: '请选择报修类别' }),
      description: textField('问题描述', 500, 1),
      photos: photosField(),
      appointment: appointment.nullable().default(null),
      urgent: z.boolean({ error: '请选择是否急修' }).default(false),
      grantedTemplates: z.array(templateKeySchema).max(3).default([]),
    }),
    output: ticketOut,
  },
  'repair.confirmQuote': {
    input: ticketIdInput.extend({
      accept: z.boolean({ error: '请选择是否同意报价' }),
      reason: textField('原因', 100).default(''),
    }),
    output: ticketOut,
  },
  'complaint.submit': {
    input: z.object({
      unitId: idField('房屋'),
      category: z.enum(COMPLAINT_CATEGORY_IDS, { error: '请选择投诉类别' }),
      description: textField('投诉内容', 500, 1),
      photos: photosField(),
      aboutStaff: textField('被投诉人员', 20).default(''),
      /** The ticket whose handler this complaint is about (from its callback). */
      aboutTicketId: idField('相关工单').optional(),
      replyBy: instantField('期望答复时间'),
      grantedTemplates: z.array(templateKeySchema).max(3).default([]),
    }),
    output: ticketOut,
  },
  'card.submit': {
    input: z.object({
      unitId: idField('房屋'),
      type: z.enum(CARD_TYPE_IDS, { error: '请选择卡片类型' }),
      action: z.enum(CARD_ACTIONS, { error: '请选择办理事项' }),
      cardNo: z
        .string({ error: '卡号格式不正确' })
        .trim()
        .regex(/^[0-9A-Za-z-]{0,20}$/, { error: '卡号只能包含数字、字母，最多20位' })
        .default(''),
      custody: z.boolean({ error: '请选择是否委托代管' }).default(false),
      note: textField('补充说明', 200).default(''),
      grantedTemplates: z.array(templateKeySchema).max(3).default([]),
    }),
    output: ticketOut,
  },
  'ticket.list': {
    input: z.object({
      kind: z.enum(['all', ...TICKET_KINDS], { error: '筛选条件不正确' }).default('all'),
      status: z.enum(['all', 'open', 'done'], { error: '筛选条件不正确' }).default('all'),
    }),
    output: z.object({ tickets: z.array(ticketSummarySchema) }),
  },
  'ticket.cancel': {
    input: ticketIdInput.extend({ reason: textField('取消原因', 100, 1) }),
    output: ticketOut,
  },
  'ticket.urge': { input: ticketIdInput, output: ticketOut },
  'ticket.get': {
    input: ticketIdInput,
    output: ticketOut,
  },
  'task.list': {
    input: z.object({ tab: z.enum(['todo', 'active', 'done', 'late', 'pool'], { error: '列表类型不正确' }).default('todo') }),
    output: z.object({ tasks: z.array(ticketSummarySchema), credits: z.record(z.string(), z.number()) }),
  },
  'task.accept': { input: ticketIdInput, output: ticketOut },
  'task.decline': { input: ticketIdInput.extend({ reason: textField('拒单原因', 60, 1) }), output: ticketOut },
  'task.arrive': { input: ticketIdInput, output: ticketOut },
  'task.start': { input: ticketIdInput, output: ticketOut },
  'task.quote': {
    input: ticketIdInput.extend({
      items: z
        .array(
          z.object({
            name: textField('收费项目', 30, 1),
            priceFen: z.number({ error: '价格格式不正确' }).int({ error: '价格格式不正确' }).min(0).max(10_000_000),
            quantity: z.number({ error: '数量格式不正确' }).positive({ error: '数量格式不正确' }).max(1000),
          }),
          { error: '请填写收费项目' },
        )
        .min(1, { error: '请至少填写一项收费项目' })
        .max(20),
      note: textField('报价说明', 200).default(''),
    }),
    output: ticketOut,
  },
  'task.finish': {
    input: ticketIdInput.extend({ note: textField('完工说明', 300).default('') }),
    output: ticketOut,
  },
  'task.refer': {
    input: ticketIdInput.extend({
      contact: textField('外部服务联系方式', 60, 1),
      note: textField('说明', 200).default(''),
    }),
    output: ticketOut,
  },
  // Clock events (SLA): pause while the ticket waits for the owner, size a public-area repair,
  // report what cannot be fixed yet, a complaint's progress report. The pure workflow decides who
  // may; the expected date's window (future, ≤ 90 days) is checked by the handler against its clock.
  'task.pause': {
    input: ticketIdInput.extend({ reason: textField('暂停原因', 60, 1) }),
    output: ticketOut,
  },
  'task.resume': { input: ticketIdInput, output: ticketOut },
  'task.classify': {
    input: ticketIdInput.extend({ size: z.enum(PUBLIC_SIZES, { error: '请选择维修规模' }) }),
    output: ticketOut,
  },
  'task.defer': {
    input: ticketIdInput.extend({
      reason: textField('暂不能修复的原因', 100, 1),
      expectedAt: instantField('预计修复时间'),
    }),
    output: ticketOut,
  },
  'task.progress': {
    input: ticketIdInput.extend({ note: textField('进展情况', 200, 1) }),
    output: ticketOut,
  },
  'callback.rate': {
    input: ticketIdInput.extend({
      handling: scoreField('处理结果'),
      staff: scoreField('服务态度'),
      comment: textField('评价内容', 300).default(''),
    }),
    output: ticketOut,
  },
  'subscription.grant': {
    input: z.object({
      accepted: z.array(templateKeySchema, { error: '订阅结果格式不正确' }).max(3),
      ticketId: idField('工单编号').optional(),
    }),
    output: z.object({ credits: z.record(z.string(), z.number()) }),
  },
  ...BINDING_ACTIONS,
} as const;

export type ActionName = keyof typeof ACTIONS;
export type ActionInput<A extends ActionName> = z.input<(typeof ACTIONS)[A]['input']>;
export type ParsedInput<A extends ActionName> = z.output<(typeof ACTIONS)[A]['input']>;
export type ActionOutput<A extends ActionName> = z.output<(typeof ACTIONS)[A]['output']>;

export const ACTION_NAMES = Object.keys(ACTIONS) as ActionName[];

export { functionOf } from './names';

export const actionsOf = (fn: string): ActionName[] => ACTION_NAMES.filter((a) => functionOf(a) === fn);
