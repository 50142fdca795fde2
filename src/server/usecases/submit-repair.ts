import type { ParsedInput } from '../../core/contract/actions';
import type { Policy } from '../../core/sla/policy';
import { createRepairTicket } from '../../core/tickets/create';
import { teamFor } from '../../core/routing/rules';
import type { Deps } from '../ports';
import { submitTicket, type OnBehalf } from './submit';

/** An owner's repair (or one the desk registers for them), routed to an on-duty technician of the right trade. */
export const submitRepair = (deps: Deps, policy: Policy, openid: string, input: ParsedInput<'repair.submit'>, onBehalf?: OnBehalf) =>
  submitTicket(deps, policy, openid, input, teamFor(policy.routing, 'repair', input.category), ({ id, now, actor, owner, unit, channel, registeredBy }) =>
    createRepairTicket(
      {
        id,
        owner,
        unit,
        area: input.area,
        category: input.category,
        description: input.description,
        photos: input.photos,
        appointment: input.appointment,
        urgent: input.urgent,
        grantedTemplates: input.grantedTemplates,
        channel,
        registeredBy,
      },
      { actor, now, policy },
    ).ticket,
    onBehalf,
  );
