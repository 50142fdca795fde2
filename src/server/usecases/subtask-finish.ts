import { DomainError } from '../../core/errors';
import type { Policy } from '../../core/sla/policy';
import type { Actor } from '../../core/tickets/actor';
import type { Ticket } from '../../core/tickets/model';
import { finishRefusal } from '../../core/tickets/subtask';
import { allowedEvents } from '../../core/tickets/view';
import type { Deps } from '../ports';
import type { Step } from './step-ticket';
import { readSubtasks } from './subtask-status';

/**
 * 处理完毕 of a complaint with sub-tasks: the finish steps, once its sub-tasks are done or the
 * housekeeper confirmed despite open ones (see the core's finishRefusal for why). The sub-tasks
 * are read only when the caller may finish it now, so nobody else learns about them this way.
 */
export const finishAfterSubtasks =
  (deps: Deps, policy: Policy, confirmed: boolean, steps: readonly Step[]) =>
  async (current: Ticket, actor: Actor): Promise<readonly Step[]> => {
    if (!current.subtasks?.length || !allowedEvents(current, actor, policy.routing).includes('finish')) return steps;
    const refusal = finishRefusal(await readSubtasks(deps, current), confirmed);
    if (refusal) throw new DomainError('TICKET.SUBTASKS_OPEN', refusal);
    return steps;
  };
