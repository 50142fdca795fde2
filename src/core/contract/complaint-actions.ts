import * as z from 'zod/mini';
import { complaintRequestInput } from './submit-inputs';
import { grantedTemplates } from './template-refs';
import { ticketOut } from './views';

/** The owner's complaints (the `complaint` function): 投诉. */
export const COMPLAINT_ACTIONS = {
  'complaint.submit': {
    input: z.extend(complaintRequestInput(), { grantedTemplates: grantedTemplates() }),
    output: ticketOut,
  },
} as const;
