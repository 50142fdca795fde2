import { DomainError } from '../../core/errors';
import { DAY } from '../../core/sla/policy';
import type { Call, Handlers } from '../function';
import { raiseSubtask } from '../usecases/subtask';
import { addNote } from '../usecases/notes';
import { rescheduleVisit } from '../usecases/reschedule';
import { reassignTicket, transferTicket } from '../usecases/reassign';
import { step } from './task-step';
import { asView } from './view';

type TaskMoreAction =
  | 'task.subtask'
  | 'task.refer'
  | 'task.note'
  | 'task.reschedule'
  | 'task.classify'
  | 'task.defer'
  | 'task.progress'
  | 'task.reassign'
  | 'task.transfer';

/** How far ahead a 暂不能修复 report may put the expected repair date. */
const DEFER_MAX_DAYS = 90;

/** The expected date of a 暂不能修复 report: after now, within 90 days (checked before anything is read). */
const checkExpectedAt = (expectedAt: number, call: Call): void => {
  const now = call.deps.now();
  if (expectedAt <= now) throw new DomainError('INPUT.INVALID', '预计修复时间应晚于现在');
  if (expectedAt > now + DEFER_MAX_DAYS * DAY) throw new DomainError('INPUT.INVALID', `预计修复时间不能超过${DEFER_MAX_DAYS}天`);
};

/**
 * Cloud function `taskmore`: the less frequent steps on a task (协办, 转介, 工作备注, 改约, the clock
 * events, 改派 and 转派); the everyday ones are `task`'s (./task.ts).
 */
export const taskMoreHandlers: Handlers<TaskMoreAction> = {
  'task.refer': (input, call) =>
    step(input.ticketId, [{ event: { type: 'refer', contact: input.contact, note: input.note } }], call),
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
