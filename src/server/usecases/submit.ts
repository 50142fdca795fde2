import { DomainError } from '../../core/errors';
import { needOf, route } from '../../core/routing/route';
import { toAssignee } from '../../core/routing/staff';
import type { Policy } from '../../core/sla/policy';
import { SYSTEM, type Actor, type Team } from '../../core/tickets/actor';
import type { Ticket, UnitRef } from '../../core/tickets/model';
import { transition } from '../../core/tickets/transition';
import type { Deps, OwnerRecord } from '../ports';
import { afterSave } from './after-save';

export interface SubmitContext {
  id: string;
  now: number;
  actor: Actor;
  owner: { openid: string; name: string; phone: string };
  unit: UnitRef;
  record: OwnerRecord;
}

/**
 * Dispatches a `submitted` ticket to whoever should take it, if anyone can (pure routing over
 * the team read by the caller). A ticket nobody can take stays `submitted`, its clock running.
 */
export const routeNew = (ticket: Ticket, team: Parameters<typeof route>[1], now: number, policy: Policy): Ticket => {
  // A complaint about someone never lands in their own hands; nor a task with who declined it.
  const excluded = new Set([...(ticket.declinedBy ?? []), ...(ticket.complaint?.aboutStaffId ? [ticket.complaint.aboutStaffId] : [])]);
  const candidates = excluded.size ? team.filter((m) => !excluded.has(m._id)) : team;
  const decision = route(needOf(ticket), candidates, now, policy.utcOffsetMinutes);
  if (!decision.assignee) return ticket;
  const dispatched = transition(ticket, { type: 'dispatch', assignee: toAssignee(decision.assignee), why: decision.why }, { actor: SYSTEM, now, policy });
  return dispatched.ok ? dispatched.ticket : ticket;
};

/**
 * An owner's submission of any kind: checked against their verified units, built by `build`,
 * routed within the call and saved in one insert; then the handler is pushed.
 */
export const submitTicket = async (
  deps: Deps,
  policy: Policy,
  openid: string,
  unitId: string,
  team: Team,
  build: (ctx: SubmitContext) => Ticket | Promise<Ticket>,
): Promise<{ ticket: Ticket; actor: Actor }> => {
  // Independent reads in parallel: who is asking, and who could do the work.
  const [owner, members] = await Promise.all([deps.owners.byOpenid(openid), deps.staff.team(team)]);
  if (!owner || owner.units.length === 0) throw new DomainError('AUTH.NOT_BOUND');
  const found = owner.units.find((u) => u.id === unitId);
  if (!found) throw new DomainError('AUTH.UNIT_NOT_YOURS');
  const { relation: _relation, ...unit } = found;

  const now = deps.now();
  const actor: Actor = { kind: 'owner', openid, name: owner.name };
  const built = await build({
    id: deps.newId(),
    now,
    actor,
    owner: { openid, name: owner.name, phone: owner.phone },
    unit,
    record: owner,
  });
  const ticket = routeNew(built, members, now, policy);
  await deps.tickets.insert(ticket);
  return { ticket: await afterSave(deps, null, ticket, policy), actor };
};
