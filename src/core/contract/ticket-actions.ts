import * as z from 'zod/mini';
import { TICKET_KINDS } from '../tickets/kinds';
import { textField, ticketIdInput } from './fields';
import { ticketOut, ticketSummarySchema } from './views';

/** The owner's own tickets (the `ticket` function): list, open, cancel, urge. */
export const TICKET_ACTIONS = {
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
} as const;
