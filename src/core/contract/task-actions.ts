import * as z from 'zod/mini';
import { textField, ticketIdInput, wholeNumber } from './fields';
import { photosField } from './photos';
import { ticketOut, ticketSummarySchema } from './views';

/** The most a quote may ask, per item and in total: 100,000 元 (in fen); beyond is a typing slip. */
export const QUOTE_MAX_FEN = 10_000_000;

/**
 * A task's everyday steps (the `task` function): the list, accept or decline, on site, quote, done,
 * pause and resume. The other steps on a task are served by `taskmore` (./taskmore-actions).
 */
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
                wholeNumber('价格格式不正确'),
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
  // Waiting for the owner (not at home, appointment moved at their request): the clocks pause.
  'task.pause': {
    input: z.extend(ticketIdInput, { reason: textField('暂停原因', 60, 1) }),
    output: ticketOut,
  },
  'task.resume': { input: ticketIdInput, output: ticketOut },
} as const;
