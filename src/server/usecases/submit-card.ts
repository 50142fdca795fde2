import type { ParsedInput } from '../../core/contract/actions';
import { DomainError } from '../../core/errors';
import type { Policy } from '../../core/sla/policy';
import { createCardTicket } from '../../core/tickets/create';
import { teamFor } from '../../core/routing/rules';
import type { Deps } from '../ports';
import { submitTicket, type OnBehalf } from './submit';

/**
 * An IC card request, passed to the front desk for the identity check. A reissue (补办) needs a
 * loss report (挂失) of the same card first (003 #11) and carries the cost fee.
 */
export const submitCard = (deps: Deps, policy: Policy, openid: string, input: ParsedInput<'card.submit'>, onBehalf?: OnBehalf) =>
  submitTicket(deps, policy, openid, input, teamFor(policy.routing, 'card', input.type), async (ctx) => {
    let lossTicket: { id: string; no: string } | null = null;
    if (input.action === 'reissue') {
      const loss = await deps.ticketQueries.findCardLoss(ctx.unit.id, input.type, input.cardNo);
      if (!loss) throw new DomainError('CARD.NO_LOSS_REPORT');
      lossTicket = { id: loss._id, no: loss.no };
    }
    return createCardTicket(
      {
        id: ctx.id,
        owner: ctx.owner,
        unit: ctx.unit,
        type: input.type,
        action: input.action,
        cardNo: input.cardNo,
        // Custody is for a card to collect; a loss report has nothing to hold.
        custody: input.action !== 'lost' && input.custody,
        description: input.note,
        photos: [],
        lossTicket,
        grantedTemplates: input.grantedTemplates,
        channel: ctx.channel,
        registeredBy: ctx.registeredBy,
      },
      { actor: ctx.actor, now: ctx.now, policy },
    ).ticket;
  }, onBehalf);
