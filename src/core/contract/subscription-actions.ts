import * as z from 'zod/mini';
import { idField } from './fields';
import { templateKeySchema } from './template-refs';

/** Message credits the owner or staff member allowed (the `subscription` function). */
export const SUBSCRIPTION_ACTIONS = {
  'subscription.grant': {
    input: z.object({
      accepted: z.array(templateKeySchema, { error: '订阅结果格式不正确' }).check(z.maxLength(3)),
      ticketId: z.optional(idField('工单编号')),
    }),
    output: z.object({ credits: z.record(z.string(), z.number()) }),
  },
} as const;
