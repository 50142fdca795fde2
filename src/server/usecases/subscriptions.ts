import { DomainError } from '../../core/errors';
import type { TemplateKey } from '../../core/notify/templates';
import type { Deps } from '../ports';

/**
 * Records what the caller accepted in WeChat's subscribe dialog: each accept allows exactly one
 * later message. Staff credits go on their staff record; an owner's go on the ticket they
 * subscribed from, so its updates need no extra read.
 */
export const grantCredits = async (
  deps: Deps,
  openid: string,
  accepted: readonly TemplateKey[],
  ticketId: string | undefined,
): Promise<{ credits: Record<string, number> }> => {
  if (ticketId) {
    const ok = await deps.tickets.addOwnerCredits(ticketId, openid, accepted);
    if (!ok) throw new DomainError('TICKET.NOT_FOUND');
    const ticket = await deps.tickets.get(ticketId);
    return { credits: (ticket?.ownerCredits ?? {}) as Record<string, number> };
  }
  const member = await deps.staff.byOpenid(openid);
  if (!member) throw new DomainError('AUTH.FORBIDDEN');
  return { credits: await deps.staff.addCredits(member._id, accepted) };
};
