import * as z from 'zod/mini';
import { scoreField, textField, ticketIdInput } from './fields';
import { ticketOut } from './views';

/** The owner's rating of finished work (the `callback` function). */
export const CALLBACK_ACTIONS = {
  'callback.rate': {
    input: z.extend(ticketIdInput, {
      handling: scoreField('处理结果'),
      staff: scoreField('服务态度'),
      comment: z._default(textField('评价内容', 300), ''),
    }),
    output: ticketOut,
  },
} as const;
