import type { ParsedInput } from '../../core/contract/actions';
import { DomainError } from '../../core/errors';
import { teamFor } from '../../core/routing/rules';
import type { Policy } from '../../core/sla/policy';
import type { Actor } from '../../core/tickets/actor';
import type { SubtaskRef, Ticket } from '../../core/tickets/model';
import { createSubtask, MAX_SUBTASKS, SUBTASK_LIMIT_MESSAGE, subtaskRefusal } from '../../core/tickets/subtask';
import { transition } from '../../core/tickets/transition';
import type { Deps } from '../ports';
import { afterSave } from './after-save';
import { canView, resolveActor } from './resolve-actor';
import { routeWaiting } from './route-ticket';

const ATTEMPTS = 3;

/**
 * 协办: the complaint's housekeeper raises a sub-task for another team. The complaint is stepped
 * (who may, in which state: the workflow) and saved with the reference first, under its version
 * check; then the sub-task is routed like any request and inserted. A crash in between leaves a
 * reference the page shows as 未找到 — never another team's work the complaint does not list.
 * The team is read with the complaint, so routing needs no read of its own.
 */
export const raiseSubtask = async (
  deps: Deps,
  policy: Policy,
  openid: string,
  input: ParsedInput<'task.subtask'>,
): Promise<{ ticket: Ticket; actor: Actor; subtask: Ticket }> => {
  const team = teamFor(policy.routing, 'repair', input.category);
  const [first, members] = await Promise.all([deps.tickets.get(input.ticketId), deps.staff.team(team)]);
  const people = { team: members, supervisors: () => deps.staff.byRoles(['supervisor']) };
  // A retried request (same request id) names the same sub-task: it is raised once.
  const subtaskId = input.requestId ? deps.requestedId(`subtask:${openid}:${input.ticketId}`, input.requestId) : deps.newId();
  let current = first;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) current = await deps.tickets.get(input.ticketId);
    const actor = current && (await resolveActor(deps, openid, current));
    if (!current || !actor || !canView(actor, current)) throw new DomainError('TICKET.NOT_FOUND');
    const raised = current.subtasks?.find((s) => s.id === subtaskId);
    if (raised) {
      const subtask = (await deps.tickets.get(raised.id)) ?? (await insertLost(deps, policy, current, raised, input, people, actor));
      return { ticket: current, actor, subtask };
    }
    const refusal = subtaskRefusal(current);
    if (refusal) throw new DomainError('TICKET.ILLEGAL_TRANSITION', refusal);

    const now = deps.now();
    const ctx = { actor, now, policy };
    const built = createSubtask(current, { id: subtaskId, category: input.category, area: input.area, description: input.description }, ctx);
    const stepped = transition(current, { type: 'subtask', subtask: built.ref }, ctx);
    if (!stepped.ok) {
      const full = stepped.code === 'TICKET.ILLEGAL_TRANSITION' && current.state === 'accepted' && (current.subtasks?.length ?? 0) >= MAX_SUBTASKS;
      throw full ? new DomainError(stepped.code, SUBTASK_LIMIT_MESSAGE) : new DomainError(stepped.code);
    }
    if (!(await deps.tickets.replace(stepped.ticket, current.version))) continue;

    const { ticket: routed } = await routeWaiting(built.ticket, people, now, policy);
    // Not inserted: a retry of this request found the listed sub-task missing and put it in first.
    const insertion = await deps.tickets.insert(routed);
    const [complaint, subtask] = await Promise.all([
      afterSave(deps, current, stepped.ticket, policy),
      insertion.inserted ? afterSave(deps, null, routed, policy) : (insertion.first ?? routed),
    ]);
    return { ticket: complaint, actor, subtask };
  }
  throw new DomainError('TICKET.VERSION_CONFLICT');
};

/**
 * The sub-task a complaint lists but the database lacks: the try that raised it stopped between
 * the two saves. Its retry inserts it under the listed id and number.
 */
const insertLost = async (
  deps: Deps,
  policy: Policy,
  complaint: Ticket,
  ref: SubtaskRef,
  input: ParsedInput<'task.subtask'>,
  people: Parameters<typeof routeWaiting>[1],
  actor: Actor,
): Promise<Ticket> => {
  const now = deps.now();
  const built = createSubtask(complaint, { id: ref.id, category: input.category, area: input.area, description: input.description }, { actor, now, policy });
  const { ticket: routed } = await routeWaiting({ ...built.ticket, no: ref.no }, people, now, policy);
  const insertion = await deps.tickets.insert(routed);
  if (!insertion.inserted) return insertion.first ?? routed;
  return afterSave(deps, null, routed, policy);
};
