import { seesOwnerPhone } from '../../core/privacy/phone-access';
import type { Actor } from '../../core/tickets/actor';
import type { Ticket } from '../../core/tickets/model';
import type { Deps, PiiAccess } from '../ports';

/**
 * Appends to `pii_access`, awaited so the entry is written before the answer leaves; a failed
 * write is logged and never fails the request it belongs to (the owner's or staff's work comes first).
 */
const record = async (deps: Deps, entry: PiiAccess): Promise<void> => {
  try {
    await deps.piiAccess.record(entry);
  } catch (e) {
    console.error(`[pii_access] not recorded: ${entry.viewer.staffId} ${entry.ticketId ?? entry.via}`, e);
  }
};

const viewerOf = (viewer: Extract<Actor, { kind: 'staff' }>): PiiAccess['viewer'] => ({ staffId: viewer.staffId, name: viewer.name, role: viewer.role });

/** A staff member was served this ticket with the owner's full phone and/or photos. */
export const recordTicketAccess = (deps: Deps, viewer: Actor, t: Ticket, photos: boolean): Promise<void> => {
  if (viewer.kind !== 'staff') return Promise.resolve();
  const what: PiiAccess['what'] = [
    ...(t.owner.phone && seesOwnerPhone(viewer, t) ? (['phone'] as const) : []),
    ...(photos ? (['photos'] as const) : []),
  ];
  if (what.length === 0) return Promise.resolve();
  return record(deps, { at: deps.now(), viewer: viewerOf(viewer), ticketId: t._id, what });
};

/** A desk list served owners' full phones: one entry for the list, naming those tickets. */
export const recordListAccess = (deps: Deps, viewer: Actor, via: string, tickets: readonly Ticket[]): Promise<void> => {
  if (viewer.kind !== 'staff') return Promise.resolve();
  const ticketIds = tickets.filter((t) => t.owner.phone && seesOwnerPhone(viewer, t)).map((t) => t._id);
  if (ticketIds.length === 0) return Promise.resolve();
  return record(deps, { at: deps.now(), viewer: viewerOf(viewer), ticketId: null, ticketIds, what: ['phone'], via });
};
