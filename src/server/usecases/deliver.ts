import { sendOutcome } from '../../core/notify/send-errors';
import { nextDueAt } from '../../core/sla/clocks';
import type { Policy } from '../../core/sla/policy';
import type { OutboxMessage, Ticket } from '../../core/tickets/model';
import type { Deps } from '../ports';


/** Messages just queued by a state change; the sweep passes its own choice (those due again). */
export const freshMessages = (m: OutboxMessage): boolean => m.attempts === 0;

export interface Delivery {
  ticket: Ticket;
  /** Staff whose workload change was written together with their credit. */
  workloadApplied: string[];
}

/**
 * Sends the ticket's queued subscription messages and records the outcome. The messages were
 * saved with the state change, so a crash here loses nothing: the sweep sends them later.
 * Staff credits are taken just before sending (WeChat's 43101 means the credit is gone); a
 * pending workload change of the same member rides along in that write.
 */
export const deliver = async (
  deps: Deps,
  ticket: Ticket,
  policy: Policy,
  { pick = freshMessages, workload = {} }: { pick?: (m: OutboxMessage) => boolean; workload?: Readonly<Record<string, number>> } = {},
): Promise<Delivery> => {
  const workloadApplied: string[] = [];
  if (!ticket.outbox.some(pick)) return { ticket, workloadApplied };
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
    if (m.recipient !== 'owner') {
      // A message for a former assignee, or a staff member without credit, stays in-app only.
      const carried = staffId && !workloadApplied.includes(staffId) ? (workload[staffId] ?? 0) : 0;
      const addressed = m.recipient === 'staff' || ticket.assignee?.openid === m.touser;
      const reachable = !!staffId && addressed && (await deps.staff.takeCredit(staffId, m.template, carried));
      if (reachable && carried) workloadApplied.push(staffId);
      if (!reachable) {
        done.push(m.id);
        continue;
      }
    }
    const res = await deps.push.send({ touser: m.touser, templateId: deps.templateIds[m.template], page: m.page, data: m.data });
    const outcome = sendOutcome(res.errcode);
    if (outcome === 'sent') {
      done.push(m.id);
    } else if (outcome === 'no_credit') {
      if (staffId) await deps.staff.clearCredit(staffId, m.template);
      else ownerCredits[m.template] = 0;
      done.push(m.id);
    } else if (outcome === 'rejected') {
      // A wrong template, openid, page or field: retrying cannot help; the ticket shows it in-app.
      console.warn(`[push] ${m.template} to ${m.recipient} rejected: ${res.errcode} ${res.errmsg}`);
      done.push(m.id);
    } else if (m.attempts + 1 >= policy.push.maxAttempts) {
      done.push(m.id);
    } else {
      const attempts = m.attempts + 1;
      remaining.push({ ...m, attempts, lastError: `${res.errcode} ${res.errmsg}`, nextAttemptAt: now + policy.push.retrySeconds * 1000 * 2 ** attempts });
    }
  }

  const next: Ticket = { ...ticket, outbox: remaining, ownerCredits };
  const saved = { ...next, nextDueAt: nextDueAt(next, policy) };
  await deps.tickets.saveOutbox(saved, done);
  return { ticket: saved, workloadApplied };
};
