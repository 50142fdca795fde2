import * as z from 'zod/mini';

// The units people act for (session, binding, desk), apart from the ticket views (./views) so
// that those functions bundle only what they answer. Who the caller is: ./session-actions.

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

export type UnitView = z.infer<typeof unitViewSchema>;
