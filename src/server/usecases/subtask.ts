import type { ParsedInput } from '../../core/contract/actions';
import { DomainError } from '../../core/errors';
import { teamFor } from '../../core/routing/rules';
import type { Policy } from '../../core/sla/policy';
import type { Actor } from '../../core/tickets/actor';
import type { Ticket } from '../../core/tickets/model';
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
  let current = first;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    if (attempt > 0) current = await deps.tickets.get(input.ticketId);
    const actor = current && (await resolveActor(deps, openid, current));
    if (!current || !actor || !canView(actor, current)) throw new DomainError('TICKET.NOT_FOUND');
    const refusal = subtaskRefusal(current);
    if (refusal) throw new DomainError('TICKET.ILLEGAL_TRANSITION', refusal);

    const now = deps.now();
    const ctx = { actor, now, policy };
    const built = createSubtask(current, { id: deps.newId(), category: input.category, area: input.area, description: input.description }, ctx);
    const stepped = transition(current, { type: 'subtask', subtask: built.ref }, ctx);
    if (!stepped.ok) {
      const full = stepped.code === 'TICKET.ILLEGAL_TRANSITION' && current.state === 'accepted' && (current.subtasks?.length ?? 0) >= MAX_SUBTASKS;
      throw full ? new DomainError(stepped.code, SUBTASK_LIMIT_MESSAGE) : new DomainError(stepped.code);
    }
    if (!(await deps.tickets.replace(stepped.ticket, current.version))) continue;

    const people = { team: members, supervisors: () => deps.staff.byRoles(['supervisor']) };
    const { ticket: routed } = await routeWaiting(built.ticket, people, now, policy);
    await deps.tickets.insert(routed);
    const [complaint, subtask] = await Promise.all([afterSave(deps, current, stepped.ticket, policy), afterSave(deps, null, routed, policy)]);
    return { ticket: complaint, actor, subtask };
  }
  throw new DomainError('TICKET.VERSION_CONFLICT');
};
