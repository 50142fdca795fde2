import { DomainError } from '../../core/errors';
import type { Policy } from '../../core/sla/policy';
import type { Actor, Team } from '../../core/tickets/actor';
import type { RegisteredBy, Ticket, TicketChannel, UnitRef } from '../../core/tickets/model';
import type { Deps, OwnerRecord } from '../ports';
import { afterSave } from './after-save';
import { routeWaiting } from './route-ticket';

export interface SubmitContext {
  id: string;
  now: number;
  actor: Actor;
  owner: { openid: string; name: string; phone: string };
  unit: UnitRef;
  record: OwnerRecord;
  /** How it reached us: 'wechat' for the owner's own submission. */
  channel: TicketChannel;
  /** The desk member who registered it for the owner (代客登记), else null. */
  registeredBy: RegisteredBy | null;
}

/**
 * A request the desk registers for an owner who phoned or walked in (代客登记): the owner is the
 * one the desk found, the actor is the staff member, and no subscription credit is granted (the
 * owner did not tap anything).
 */
export interface OnBehalf {
  staff: Extract<Actor, { kind: 'staff' }>;
  channel: Exclude<TicketChannel, 'wechat'>;
}

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
  onBehalf?: OnBehalf,
): Promise<{ ticket: Ticket; actor: Actor }> => {
  // Independent reads in parallel: who is asking, and who could do the work.
  const [owner, members] = await Promise.all([deps.owners.byOpenid(openid), deps.staff.team(team)]);
  if (!owner || owner.units.length === 0) throw new DomainError('AUTH.NOT_BOUND');
  const found = owner.units.find((u) => u.id === unitId);
  if (!found) throw new DomainError('AUTH.UNIT_NOT_YOURS');
  const { relation: _relation, ...unit } = found;

  const now = deps.now();
  const actor: Actor = onBehalf?.staff ?? { kind: 'owner', openid, name: owner.name };
  const built = await build({
    id: deps.newId(),
    now,
    actor,
    owner: { openid, name: owner.name, phone: owner.phone },
    unit,
    record: owner,
    channel: onBehalf?.channel ?? 'wechat',
    registeredBy: onBehalf ? { staffId: onBehalf.staff.staffId, name: onBehalf.staff.name } : null,
  });
  const { ticket } = await routeWaiting(built, { team: members, supervisors: () => deps.staff.byRoles(['supervisor']) }, now, policy);
  await deps.tickets.insert(ticket);
  return { ticket: await afterSave(deps, null, ticket, policy), actor };
};
