import * as z from 'zod/mini';
import { cardRequestInput } from './submit-inputs';
import { grantedTemplates } from './template-refs';
import { ticketOut } from './views';

/** The owner's IC card requests (the `card` function): 开卡, 挂失, 补办. */
export const CARD_ACTIONS = {
  'card.submit': {
    input: z.extend(cardRequestInput(), { grantedTemplates: grantedTemplates() }),
    output: ticketOut,
  },
} as const;
