import * as z from 'zod/mini';
import { STAFF_ROLES } from '../tickets/actor';

// Who the caller is and the units they act for (session, binding, desk), apart from the ticket
// views (./views) so that those functions bundle only what they answer.

/** A unit of the community as staff see it: where it is, and the zone it belongs to. */
export const unitPlaceSchema = z.object({
  id: z.string(),
  label: z.string(),
  community: z.string(),
  building: z.string(),
  unit: z.string(),
  room: z.string(),
  zone: z.string(),
});

export const unitViewSchema = z.extend(z.omit(unitPlaceSchema, { zone: true }), {
  relation: z.enum(['owner', 'family', 'tenant']),
});

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
export type UnitView = z.infer<typeof unitViewSchema>;
