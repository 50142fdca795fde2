import type { Actor } from '../../core/tickets/actor';
import type { Ticket } from '../../core/tickets/model';
import { MAX_SUBTASKS, subtaskView, type SubtaskStatus } from '../../core/tickets/subtask';
import type { SubtaskView } from '../../core/contract/views';
import type { Deps } from '../ports';

/**
 * A complaint's sub-tasks as they stand now: each referenced ticket read (in parallel, at most
 * MAX_SUBTASKS — the workflow allows no more). Nothing is read for a ticket without sub-tasks.
 */
export const readSubtasks = async (deps: Deps, t: Ticket): Promise<SubtaskStatus[]> => {
  const refs = (t.subtasks ?? []).slice(0, MAX_SUBTASKS);
  if (refs.length === 0) return [];
  const tickets = await Promise.all(refs.map((ref) => deps.tickets.get(ref.id)));
  return refs.map((ref, i) => ({ ref, ticket: tickets[i] }));
};

/**
 * What a staff member's view of a ticket adds about sub-tasks: a complaint's list with live
 * states, a sub-task's parent complaint. Owners get neither (they read "已安排…协助处理" in the
 * complaint's trail, and do not see sub-tasks at all).
 */
export const subtaskViewsFor = async (
  deps: Deps,
  t: Ticket,
  viewer: Actor,
): Promise<{ subtasks?: SubtaskView[]; parent?: { id: string; no: string } }> => {
  if (viewer.kind !== 'staff') return {};
  return {
    ...(t.kind === 'complaint' ? { subtasks: (await readSubtasks(deps, t)).map(subtaskView) } : {}),
    ...(t.parent ? { parent: { id: t.parent.id, no: t.parent.no } } : {}),
  };
};
