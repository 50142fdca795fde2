import * as z from 'zod/mini';
import { identitySchema } from './people';
import { templateRefSchema } from './template-refs';

/** Who the caller is (the `session` function). */
export const SESSION_ACTIONS = {
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
} as const;
