import * as z from 'zod/mini';
import { scoreField, textField, ticketIdInput } from './fields';
import { ticketOut } from './views';

/**
 * The rating of finished work (the `callback` function): the owner's own, and the front desk's
 * phone callback (回访) — `desk.*` actions served here (names.ts), the same step as the owner's.
 */
export const CALLBACK_ACTIONS = {
  'callback.rate': {
    input: z.extend(ticketIdInput, {
      handling: scoreField('处理结果'),
      staff: scoreField('服务态度'),
      comment: z._default(textField('评价内容', 300), ''),
    }),
    output: ticketOut,
  },
  /** 电话回访: the owner's two ratings and their words as said. */
  'desk.recordCallback': {
    input: z.extend(ticketIdInput, {
      handling: scoreField('处理结果满意度'),
      staff: scoreField('服务态度满意度'),
      words: textField('业主原话', 300, 1),
    }),
    output: ticketOut,
  },
  /** 未能联系上业主: a call that did not reach the owner, with what happened. */
  'desk.callbackAttempt': {
    input: z.extend(ticketIdInput, { note: textField('未联系上的情况', 100, 1) }),
    output: ticketOut,
  },
} as const;
