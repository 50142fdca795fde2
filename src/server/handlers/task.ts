import { toSummary } from '../../core/tickets/view';
import type { Handlers } from '../function';
import { staffTasks } from '../usecases/queries';
import { acceptSteps } from '../usecases/take';
import { declineTicket } from '../usecases/reroute';
import { finishAfterSubtasks } from '../usecases/subtask-finish';
import { step } from './task-step';
import { asView } from './view';

type TaskAction =
  | 'task.list'
  | 'task.accept'
  | 'task.decline'
  | 'task.arrive'
  | 'task.start'
  | 'task.quote'
  | 'task.finish'
  | 'task.pause'
  | 'task.resume';

/** Cloud function `task`: a task's everyday steps (the others are `taskmore`'s, ./taskmore.ts). */
export const taskHandlers: Handlers<TaskAction> = {
  'task.list': async (input, call) => {
    const { tickets, member } = await staffTasks(call.deps, call.openid, input.tab);
    return { tasks: tickets.map((t) => toSummary(t, true)), credits: member.credits as Record<string, number> };
  },
  'task.accept': (input, call) => step(input.ticketId, (t, actor) => acceptSteps(t, actor, call.policy), call),
  'task.decline': (input, call) => declineTicket(call.deps, call.policy, call.openid, input.ticketId, input.reason).then(asView(call)),
  'task.arrive': (input, call) => step(input.ticketId, [{ event: { type: 'arrive' } }], call),
  'task.start': (input, call) => step(input.ticketId, [{ event: { type: 'start' } }], call),
  'task.quote': (input, call) => step(input.ticketId, [{ event: { type: 'quote', items: input.items, note: input.note } }], call),
  // Returning a ticket (返单) opens its callback at once: the owner is asked to rate. A complaint
  // with sub-tasks still open is marked handled only when the housekeeper confirms.
  'task.finish': (input, call) =>
    step(
      input.ticketId,
      finishAfterSubtasks(call.deps, call.policy, input.confirmOpenSubtasks, [
        { event: { type: 'finish', note: input.note, photos: input.photos } },
        { event: { type: 'request_callback' }, bySystem: true },
      ]),
      call,
    ),
  // Waiting for the owner (not at home, appointment moved at their request) is not the handler's time.
  'task.pause': (input, call) => step(input.ticketId, [{ event: { type: 'pause', reason: input.reason } }], call),
  'task.resume': (input, call) => step(input.ticketId, [{ event: { type: 'resume' } }], call),
};
