import { DomainError, ERROR_MESSAGES } from '../../core/errors';
import { barredFrom, candidatesFor, transferBar } from '../../core/routing/candidates';
import { needOf } from '../../core/routing/rules';
import { toAssignee, type StaffMember } from '../../core/routing/staff';
import type { Policy } from '../../core/sla/policy';
import { TEAM_NAMES, type Actor } from '../../core/tickets/actor';
import { eventLabel, type TicketEvent } from '../../core/tickets/events';
import type { HandOnEvent } from '../../core/tickets/hand-on';
import type { Ticket } from '../../core/tickets/model';
import { isParty, ruleFor } from '../../core/tickets/transition';
import type { Deps } from '../ports';
import { viewTicket } from './queries';
import { routeIfWaiting } from './reroute';
import { stepTicket } from './step-ticket';

/**
 * 改派 and 转派. Both are asked about the ticket as the person saw it (`version`): if anything
 * happened since — another supervisor's 改派, an accept, a decline — they are told what, and
 * nothing changes; the person chosen is checked against the routing rules before anything is
 * written.
 */

/** The same answers, in the same order, as the workflow gives: no rule here → illegal; not theirs → forbidden. */
export const checkMay = (t: Ticket, type: HandOnEvent['type'], actor: Actor, policy: Policy): void => {
  const rule = ruleFor(t, type);
  if (!rule) throw new DomainError('TICKET.ILLEGAL_TRANSITION');
  if (!rule.by.some((party) => isParty(party, actor, t, policy.routing))) throw new DomainError('AUTH.FORBIDDEN');
  if (rule.when && !rule.when(t)) throw new DomainError('TICKET.ILLEGAL_TRANSITION');
};

export const mayHandOn = (t: Ticket, type: HandOnEvent['type'], actor: Actor, policy: Policy): boolean => {
  try {
    checkMay(t, type, actor, policy);
    return true;
  } catch {
    return false;
  }
};

/** What happened to the ticket since the version the person saw, in one line for them. */
export const movedOnMessage = (t: Ticket, seen: number): string => {
  // Each step adds one version and one audit entry; a person's step says more than the platform's
  // (a transfer is followed by routing's dispatch).
  const since = t.version > seen ? t.history.slice(-(t.version - seen)) : [];
  const last = [...since].reverse().find((h) => h.actor.kind !== 'system') ?? since.at(-1);
  if (!last) return ERROR_MESSAGES['TICKET.VERSION_CONFLICT'];
  return `工单刚刚已由${last.actor.name}${eventLabel(t.kind, last.event)}${last.note ? `（${last.note}）` : ''}，请刷新后再操作`;
};

const unchangedSince = (t: Ticket, version: number): void => {
  if (t.version !== version) throw new DomainError('TICKET.VERSION_CONFLICT', movedOnMessage(t, version));
};

/** The chosen member of the team that does this work (active members only). */
const chosenMember = async (deps: Deps, policy: Policy, t: Ticket, staffId: string): Promise<StaffMember> => {
  const team = needOf(policy.routing, t).team;
  const member = (await deps.staff.team(team)).find((m) => m._id === staffId);
  if (!member) throw new DomainError('TICKET.NOT_ELIGIBLE', `所选人员不是${TEAM_NAMES[team]}的在职人员，不能承接此单`);
  return member;
};

/**
 * Steps the ticket with `event` only while it is still at `version` (checked again on every
 * retry); `bySystem` when the platform causes it on the person's behalf.
 */
const stepAt = (deps: Deps, policy: Policy, openid: string, t: Ticket, version: number, event: (current: Ticket) => TicketEvent, bySystem = false) =>
  stepTicket(deps, policy, openid, t._id, (current) => {
    unchangedSince(current, version);
    return [{ event: event(current), bySystem }];
  });

/** 改派 (supervisor, manager): to anyone the routing rules allow, on duty or not (the page warns). */
export const reassignTicket = async (
  deps: Deps,
  policy: Policy,
  openid: string,
  input: { ticketId: string; staffId: string; reason: string; version: number },
) => {
  const { ticket, actor } = await viewTicket(deps, openid, input.ticketId);
  // A task waiting for someone (待派单 / 待协调) has nobody to take it from: the supervisor's
  // choice is its dispatch, with the entry effects of any dispatch (clock, new-task message).
  const waiting = ticket.state === 'submitted';
  if (waiting && !isParty('supervisor', actor, ticket, policy.routing)) throw new DomainError('AUTH.FORBIDDEN');
  if (!waiting) checkMay(ticket, 'reassign', actor, policy);
  unchangedSince(ticket, input.version);
  const member = await chosenMember(deps, policy, ticket, input.staffId);
  const barred = barredFrom(ticket, member, policy);
  if (barred) throw new DomainError('TICKET.NOT_ELIGIBLE', `${member.name}不能承接此单：${barred}`);
  if (waiting) {
    const why = [`${actor.kind === 'staff' ? actor.name : '主管'}指派：${input.reason}`];
    return stepAt(deps, policy, openid, ticket, input.version, () => ({ type: 'dispatch', assignee: toAssignee(member), why }), true);
  }
  return stepAt(deps, policy, openid, ticket, input.version, (current) => ({
    type: 'reassign',
    assignee: toAssignee(member),
    from: current.assignee ? { staffId: current.assignee.staffId, openid: current.assignee.openid, name: current.assignee.name, role: current.assignee.role } : null,
    reason: input.reason,
  }));
};

/**
 * 转派 by the holder: to a colleague the rules allow who is on duty with room for it (dispatched
 * to them), or a repair to another category (待派单 with the new category, routed at once).
 */
export const transferTicket = async (
  deps: Deps,
  policy: Policy,
  openid: string,
  input: { ticketId: string; staffId?: string; category?: string; reason: string; version: number },
) => {
  const { ticket, actor } = await viewTicket(deps, openid, input.ticketId);
  checkMay(ticket, 'transfer', actor, policy);
  unchangedSince(ticket, input.version);
  let to: Extract<HandOnEvent, { type: 'transfer' }>['to'];
  if (input.staffId) {
    const member = await chosenMember(deps, policy, ticket, input.staffId);
    const bar = transferBar(candidatesFor(ticket, [member], deps.now(), policy)[0]);
    if (bar) throw new DomainError('TICKET.NOT_ELIGIBLE', `${member.name}不能接手此单：${bar}`);
    to = { assignee: toAssignee(member) };
  } else {
    if (ticket.kind !== 'repair') throw new DomainError('INPUT.INVALID', '只有报修可以转给其他专业');
    if (input.category === ticket.category) throw new DomainError('INPUT.INVALID', '已是该类别，请选择其他专业');
    to = { category: input.category! };
  }
  const stepped = await stepAt(deps, policy, openid, ticket, input.version, () => ({ type: 'transfer', reason: input.reason, to }));
  return routeIfWaiting(deps, policy, stepped);
};
