import type { ParsedInput } from '../../core/contract/actions';
import { DomainError } from '../../core/errors';
import { DAY, type Policy } from '../../core/sla/policy';
import { createComplaintTicket } from '../../core/tickets/create';
import { teamFor } from '../../core/routing/rules';
import type { Deps } from '../ports';
import { submitTicket, type OnBehalf } from './submit';

/** The furthest reply time an owner may ask for. */
const LONGEST_REPLY = 30 * DAY;

/**
 * An owner's complaint, passed to the housekeeper of the unit's zone. One made from a callback
 * is about that ticket's handler and is linked to it (standards: callback and satisfaction).
 */
export const submitComplaint = async (deps: Deps, policy: Policy, openid: string, input: ParsedInput<'complaint.submit'>, onBehalf?: OnBehalf) => {
  const now = deps.now();
  if (input.replyBy <= now || input.replyBy > now + LONGEST_REPLY) {
    throw new DomainError('INPUT.INVALID', '期望答复时间应在今后30天之内');
  }
  let linkedTicket: { id: string; no: string } | null = null;
  let aboutStaff = input.aboutStaff || null;
  let aboutStaffId: string | null = null;
  if (input.aboutTicketId) {
    const linked = await deps.tickets.get(input.aboutTicketId);
    if (!linked || linked.owner.openid !== openid) throw new DomainError('TICKET.LINK_NOT_YOURS');
    linkedTicket = { id: linked._id, no: linked.no };
    aboutStaff = linked.assignee?.name ?? aboutStaff;
    aboutStaffId = linked.assignee?.staffId ?? null;
  }
  return submitTicket(deps, policy, openid, input, teamFor(policy.routing, 'complaint', input.category), (ctx) =>
    createComplaintTicket(
      {
        id: ctx.id,
        owner: ctx.owner,
        unit: ctx.unit,
        category: input.category,
        description: input.description,
        photos: input.photos,
        aboutStaff,
        aboutStaffId,
        replyBy: input.replyBy,
        linkedTicket,
        grantedTemplates: input.grantedTemplates,
        channel: ctx.channel,
        registeredBy: ctx.registeredBy,
      },
      { actor: ctx.actor, now: ctx.now, policy },
    ).ticket,
    onBehalf,
  );
};
