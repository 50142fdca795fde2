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

/** Which unit a submission is for, and the client's id for it (kept across the client's retries). */
export interface SubmitRequest {
  unitId: string;
  requestId?: string;
}

/**
 * An owner's submission of any kind: checked against their verified units, built by `build`,
 * routed within the call and saved in one insert; then the handler is pushed.
 *
 * With a request id the ticket's id comes from the sender and that id, so a retry (after a lost
 * answer, from the offline queue, or ten at once) finds the first one's ticket instead of making
 * another: the insert of an existing id is refused by the database itself, whoever came first.
 */
export const submitTicket = async (
  deps: Deps,
  policy: Policy,
  openid: string,
  { unitId, requestId }: SubmitRequest,
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
    id: requestId ? deps.requestedId(onBehalf ? `staff:${onBehalf.staff.staffId}` : `owner:${openid}`, requestId) : deps.newId(),
    now,
    actor,
    owner: { openid, name: owner.name, phone: owner.phone },
    unit,
    record: owner,
    channel: onBehalf?.channel ?? 'wechat',
    registeredBy: onBehalf ? { staffId: onBehalf.staff.staffId, name: onBehalf.staff.name } : null,
  });
  const { ticket } = await routeWaiting(
    requestId ? { ...built, requestId } : built,
    { team: members, supervisors: () => deps.staff.byRoles(['supervisor']) },
    now,
    policy,
  );
  const insertion = await deps.tickets.insert(ticket);
  if (!insertion.inserted) return { ticket: firstOfRequest(ticket, insertion.first), actor };
  return { ticket: await afterSave(deps, null, ticket, policy), actor };
};

/**
 * The ticket an earlier try of the same request made. Its push is that try's to send (or the
 * sweep's, if it stopped): a retry sends nothing, so a message never goes out twice.
 */
const firstOfRequest = (attempted: Ticket, first: Ticket | null): Ticket => {
  // The id is the sender's and the request's: anything else under it is not this request's.
  if (!first || first.requestId !== attempted.requestId || first.owner.openid !== attempted.owner.openid) throw new DomainError('INPUT.INVALID', '请求编号重复，请重新提交');
  return first;
};
