import * as z from 'zod/mini';
import { textField, ticketIdInput } from './fields';
import { repairRequestInput } from './submit-inputs';
import { grantedTemplates } from './template-refs';
import { ticketOut } from './views';

/** The owner's repairs (the `repair` function): 报修, and the answer to a quote. */
export const REPAIR_ACTIONS = {
  'repair.submit': {
    input: z.extend(repairRequestInput(), { grantedTemplates: grantedTemplates() }),
    output: ticketOut,
  },
  'repair.confirmQuote': {
    input: z.extend(ticketIdInput, {
      accept: z.boolean({ error: '请选择是否同意报价' }),
      reason: z._default(textField('原因', 100), ''),
    }),
    output: ticketOut,
  },
} as const;
