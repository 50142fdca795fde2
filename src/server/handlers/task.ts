import { DomainError } from '../../core/errors';
import { DAY } from '../../core/sla/policy';
import { toSummary } from '../../core/tickets/view';
import type { Call, Handlers } from '../function';
import { staffTasks } from '../usecases/queries';
import { stepTicket } from '../usecases/step-ticket';
import { acceptSteps } from '../usecases/take';
import { declineTicket, routeIfWaiting } from '../usecases/reroute';
import { finishAfterSubtasks } from '../usecases/subtask-finish';
import { raiseSubtask } from '../usecases/subtask';
import { addNote } from '../usecases/notes';
import { rescheduleVisit } from '../usecases/reschedule';
import { reassignTicket, transferTicket } from '../usecases/reassign';
import { asView } from './view';

type TaskAction =
  | 'task.list'
  | 'task.accept'
  | 'task.decline'
  | 'task.arrive'
  | 'task.start'
  | 'task.quote'
  | 'task.finish'
  | 'task.refer'
  | 'task.pause'
  | 'task.resume'
  | 'task.classify'
  | 'task.defer'
  | 'task.progress'
  | 'task.reassign'
  | 'task.transfer'
  | 'task.note'
  | 'task.reschedule'
  | 'task.subtask';

/** How far ahead a 暂不能修复 report may put the expected repair date. */
const DEFER_MAX_DAYS = 90;

/** A task step; one that leaves the ticket waiting for someone (待派单) is routed at once. */
const step = async (ticketId: string, steps: Parameters<typeof stepTicket>[4], call: Call) =>
  asView(call)(await routeIfWaiting(call.deps, call.policy, await stepTicket(call.deps, call.policy, call.openid, ticketId, steps)));

/** The expected date of a 暂不能修复 report: after now, within 90 days (checked before anything is read). */
const checkExpectedAt = (expectedAt: number, call: Call): void => {
  const now = call.deps.now();
  if (expectedAt <= now) throw new DomainError('INPUT.INVALID', '预计修复时间应晚于现在');
  if (expectedAt > now + DEFER_MAX_DAYS * DAY) throw new DomainError('INPUT.INVALID', `预计修复时间不能超过${DEFER_MAX_DAYS}天`);
};

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
  'task.refer': (input, call) =>
    step(input.ticketId, [{ event: { type: 'refer', contact: input.contact, note: input.note } }], call),
  // Waiting for the owner (not at home, appointment moved at their request) is not the handler's time.
  'task.pause': (input, call) => step(input.ticketId, [{ event: { type: 'pause', reason: input.reason } }], call),
  'task.resume': (input, call) => step(input.ticketId, [{ event: { type: 'resume' } }], call),
  'task.classify': (input, call) => step(input.ticketId, [{ event: { type: 'classify', size: input.size } }], call),
  'task.defer': async (input, call) => {
    checkExpectedAt(input.expectedAt, call);
    return step(input.ticketId, [{ event: { type: 'defer', reason: input.reason, expectedAt: input.expectedAt } }], call);
  },
  'task.progress': (input, call) => step(input.ticketId, [{ event: { type: 'progress', note: input.note } }], call),
  // 改派 (supervisor, manager) and 转派 (the holder), on the ticket as the person saw it.
  'task.reassign': (input, call) => reassignTicket(call.deps, call.policy, call.openid, input).then(asView(call)),
  'task.transfer': (input, call) => transferTicket(call.deps, call.policy, call.openid, input).then(asView(call)),
  'task.note': (input, call) => addNote(call.deps, call.policy, call.openid, input.ticketId, input.text, input.photos).then(asView(call)),
  'task.reschedule': (input, call) => rescheduleVisit(call.deps, call.policy, call.openid, input.ticketId, input).then(asView(call)),
  'task.subtask': (input, call) => raiseSubtask(call.deps, call.policy, call.openid, input).then(asView(call)),
};
