import type { Actor } from '../tickets/actor';
import type { Ticket } from '../tickets/model';
import { maskPhone } from './mask';

/**
 * Who reads an owner's phone in full: the owner, the ticket's handler while they hold it (the
 * current assignee; after a reassignment the former one reads it masked) and the front desk, who
 * calls owners back. Everyone else who may see the ticket reads it masked.
 */
export const seesOwnerPhone = (viewer: Actor, t: Pick<Ticket, 'owner' | 'assignee'>): boolean => {
  if (viewer.kind === 'owner') return viewer.openid === t.owner.openid;
  if (viewer.kind !== 'staff') return false;
  return viewer.role === 'front_desk' || (t.assignee !== null && viewer.staffId === t.assignee.staffId);
};

/** The owner's phone as this viewer may read it. */
export const ownerPhoneFor = (viewer: Actor, t: Pick<Ticket, 'owner' | 'assignee'>): string =>
  seesOwnerPhone(viewer, t) ? t.owner.phone : maskPhone(t.owner.phone);
