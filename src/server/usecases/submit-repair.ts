import { DomainError } from '../../core/errors';
import type { ParsedInput } from '../../core/contract/actions';
import { route } from '../../core/routing/route';
import { toAssignee } from '../../core/routing/staff';
import type { Policy } from '../../core/sla/policy';
import { SYSTEM, type Actor } from '../../core/tickets/actor';
import { createRepairTicket, REPAIR_TEAM } from '../../core/tickets/create';
import type { RepairTicket } from '../../core/tickets/model';
import { transition } from '../../core/tickets/transition';
import type { Deps } from '../ports';
import { afterSave } from './after-save';

/**
 * An owner's repair: checked against their verified units, routed to an on-duty technician of
 * the right trade and saved in one insert, then the technician is pushed. If nobody is on duty
 * the ticket waits in `submitted` with its dispatch clock running.
 */
export const submitRepair = async (
  deps: Deps,
  policy: Policy,
  openid: string,
  input: ParsedInput<'repair.submit'>,
): Promise<{ ticket: RepairTicket; actor: Actor }> => {
  // Independent reads in parallel: who is asking, and who could do the work.
  const [owner, team] = await Promise.all([deps.owners.byOpenid(openid), deps.staff.team(REPAIR_TEAM)]);
  if (!owner || owner.units.length === 0) throw new DomainError('AUTH.NOT_BOUND');
  const unit = owner.units.find((u) => u.id === input.unitId);
  if (!unit) throw new DomainError('AUTH.UNIT_NOT_YOURS');

  const now = deps.now();
  const actor: Actor = { kind: 'owner', openid, name: owner.name };
  const { relation: _relation, ...unitRef } = unit;
  let { ticket } = createRepairTicket(
    {
      id: deps.newId(),
      owner: { openid, name: owner.name, phone: owner.phone },
      unit: unitRef,
      area: input.area,
      category: input.category,
      description: input.description,
      photos: input.photos,
      appointment: input.appointment,
      urgent: input.urgent,
      grantedTemplates: input.grantedTemplates,
    },
    { actor, now, policy },
  );

  const decision = route(
    { team: ticket.team, trade: ticket.trade, zone: ticket.unit.zone, template: 'task_assigned' },
    team,
    now,
    policy.utcOffsetMinutes,
  );
  if (decision.assignee) {
    const dispatched = transition(ticket, { type: 'dispatch', assignee: toAssignee(decision.assignee) }, { actor: SYSTEM, now, policy });
    if (dispatched.ok) ticket = dispatched.ticket;
  }

  await deps.tickets.insert(ticket);
  return { ticket: await afterSave(deps, null, ticket, policy), actor };
};
