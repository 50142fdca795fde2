import * as z from 'zod/mini';
import { STAFF_ROLES } from '../tickets/actor';
import { unitViewSchema } from './people';
import { templateRefSchema } from './template-refs';

/** Who the caller is (here, not in ./people: only the `session` function answers it). */
export const identitySchema = z.discriminatedUnion('kind', [
  // A guest's own openid: a new staff member reads it out to the administrator who adds them.
  z.object({ kind: z.literal('guest'), openid: z.string() }),
  z.object({ kind: z.literal('owner'), name: z.string(), phone: z.string(), units: z.array(unitViewSchema) }),
  z.object({
    kind: z.literal('staff'),
    staffId: z.string(),
    name: z.string(),
    role: z.enum(STAFF_ROLES),
    roleName: z.string(),
    credits: z.record(z.string(), z.number()),
  }),
]);

export type Identity = z.infer<typeof identitySchema>;

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
