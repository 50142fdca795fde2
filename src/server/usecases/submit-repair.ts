import type { ParsedInput } from '../../core/contract/actions';
import type { Policy } from '../../core/sla/policy';
import { createRepairTicket } from '../../core/tickets/create';
import { teamFor } from '../../core/routing/rules';
import type { Deps } from '../ports';
import { submitTicket } from './submit';

/** An owner's repair, routed to an on-duty technician of the right trade. */
export const submitRepair = (deps: Deps, policy: Policy, openid: string, input: ParsedInput<'repair.submit'>) =>
  submitTicket(deps, policy, openid, input.unitId, teamFor(policy.routing, 'repair', input.category), ({ id, now, actor, owner, unit }) =>
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
      },
      { actor, now, policy },
    ).ticket,
  );
