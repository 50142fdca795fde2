import { keepNewest } from '../../core/notify/push-failures';
import { sendOutcome } from '../../core/notify/send-errors';
import { nextDueAt } from '../../core/sla/clocks';
import type { Policy } from '../../core/sla/policy';
import type { OutboxMessage, PushFailure, PushFailureReason, Ticket } from '../../core/tickets/model';
import type { Deps } from '../ports';


/** Messages just queued by a state change; the sweep passes its own choice (those due again). */
export const freshMessages = (m: OutboxMessage): boolean => m.attempts === 0;

export interface Delivery {
  ticket: Ticket;
  /** Staff whose workload change was written together with their credit. */
  workloadApplied: string[];
  /** Messages of this delivery that ended without being sent (also recorded on the ticket). */
  failed: PushFailure[];
}

/**
 * Sends the ticket's queued subscription messages and records the outcome. The messages were
 * saved with the state change, so a crash here loses nothing: the sweep sends them later.
 * Staff credits are taken just before the first attempt (WeChat's 43101 means the credit is gone);
 * a pending workload change of the same member rides along in that write. Every message that ends
 * without being sent is recorded on the ticket (pushFailures) and returned in `failed`.
 */
export const deliver = async (
  deps: Deps,
  ticket: Ticket,
  policy: Policy,
  { pick = freshMessages, workload = {} }: { pick?: (m: OutboxMessage) => boolean; workload?: Readonly<Record<string, number>> } = {},
): Promise<Delivery> => {
  const workloadApplied: string[] = [];
  const failed: PushFailure[] = [];
  if (!ticket.outbox.some(pick)) return { ticket, workloadApplied, failed };
  const now = deps.now();
  const remaining: OutboxMessage[] = [];
  const done: string[] = [];
  const ownerCredits = { ...ticket.ownerCredits };

  for (const m of ticket.outbox) {
    if (!pick(m)) {
      remaining.push(m);
      continue;
    }
    const staffId = m.recipient === 'assignee' ? ticket.assignee?.staffId : m.recipient === 'staff' ? m.staffId : undefined;
    const fail = (reason: PushFailureReason, errcode: number | null) => {
      done.push(m.id);
      failed.push({
        messageId: m.id,
        template: m.template,
        recipient: m.recipient,
        ...(staffId ? { staffId } : {}),
        ...(m.recipient === 'assignee' && ticket.assignee ? { recipientName: ticket.assignee.name } : {}),
        errcode,
        reason,
        at: now,
      });
    };
    if (m.recipient !== 'owner') {
      // A message for a former assignee is out of date, not a failure: it is dropped.
      const addressed = !!staffId && (m.recipient === 'staff' || ticket.assignee?.openid === m.touser);
      if (!staffId || !addressed) {
        done.push(m.id);
        continue;
      }
      // A retry was paid for by its first attempt: WeChat uses up a credit only by delivering.
      if (m.attempts === 0) {
        const carried = !workloadApplied.includes(staffId) ? (workload[staffId] ?? 0) : 0;
        const paid = await deps.staff.takeCredit(staffId, m.template, carried);
        if (paid && carried) workloadApplied.push(staffId);
        if (!paid) {
          // No credit left: WeChat would refuse it. The task is still in the in-app inbox.
          fail('no_credit', null);
          continue;
        }
      }
    }
    const res = await deps.push.send({ touser: m.touser, templateId: deps.templateIds[m.template], page: m.page, data: m.data });
    const outcome = sendOutcome(res.errcode);
    if (outcome === 'sent') {
      done.push(m.id);
    } else if (outcome === 'no_credit') {
      if (staffId) await deps.staff.clearCredit(staffId, m.template);
      else ownerCredits[m.template] = 0;
      fail('no_credit', res.errcode);
    } else if (outcome === 'rejected') {
      // A wrong template, openid, page or field: retrying cannot help; the ticket shows it in-app.
      console.warn(`[push] ${m.template} to ${m.recipient} rejected: ${res.errcode} ${res.errmsg}`);
      fail('rejected', res.errcode);
    } else if (outcome === 'uncertain') {
      // It may have been delivered: sending again could deliver it twice.
      console.warn(`[push] ${m.template} to ${m.recipient} unanswered (${res.errmsg}): not retried`);
      fail('uncertain', res.errcode);
    } else if (m.attempts + 1 >= policy.push.maxAttempts) {
      fail('gave_up', res.errcode);
    } else {
      const attempts = m.attempts + 1;
      remaining.push({ ...m, attempts, lastError: `${res.errcode} ${res.errmsg}`, nextAttemptAt: now + policy.push.retrySeconds * 1000 * 2 ** attempts });
    }
  }

  const next: Ticket = { ...ticket, outbox: remaining, ownerCredits, pushFailures: keepNewest(ticket.pushFailures, failed) };
  const saved = { ...next, nextDueAt: nextDueAt(next, policy), outboxRev: (ticket.outboxRev ?? 0) + 1 };
  await deps.tickets.saveOutbox(saved, done, failed);
  return { ticket: saved, workloadApplied, failed };
};
