import type { Policy } from '../../core/sla/policy';
import type { OutboxMessage, Ticket } from '../../core/tickets/model';
import { workloadDelta } from '../../core/tickets/workload';
import type { Deps } from '../ports';
import { undeliveredTask } from '../../core/routing/help';
import { SYSTEM } from '../../core/tickets/actor';
import { transition } from '../../core/tickets/transition';
import { deliver } from './deliver';
import { helpEvent } from './route-ticket';

/**
 * Messages not in `before`'s outbox: those queued since. A message another step queued and is
 * still sending may sit in the outbox we read: it is that step's to send (or the sweep's once
 * due), never ours too, or it would go out twice.
 */
const queuedSince = (before: Ticket | null) => {
  const known = new Set((before?.outbox ?? []).map((m) => m.id));
  return (m: OutboxMessage) => !known.has(m.id);
};

/**
 * What follows a saved step: its messages are sent and the staff workloads it changed are
 * updated (with the credit write where one happens anyway, otherwise on their own). `pick`
 * chooses the messages to send (default: those the step just queued).
 */
export const afterSave = async (
  deps: Deps,
  before: Ticket | null,
  after: Ticket,
  policy: Policy,
  pick: (m: OutboxMessage) => boolean = queuedSince(before),
): Promise<Ticket> => {
  const workload = workloadDelta(before, after);
  const { ticket, workloadApplied, failed } = await deliver(deps, after, policy, { workload, pick });
  for (const staffId of workloadApplied) delete workload[staffId];
  await deps.staff.adjustWorkloads(workload);
  const undelivered = failed.length ? undeliveredTask(ticket, failed) : null;
  return undelivered ? askForHelp(deps, ticket, undelivered, policy) : ticket;
};

/**
 * The holder of a new task was not told (its push ended unsent): the lead, else the supervisor,
 * is asked to phone them. Saved as a step of its own; lost to a concurrent step, it is left to
 * that step (the task's own clocks still escalate).
 */
const askForHelp = async (deps: Deps, ticket: Ticket, reason: string, policy: Policy): Promise<Ticket> => {
  const people = { team: await deps.staff.team(ticket.team), supervisors: () => deps.staff.byRoles(['supervisor']) };
  const now = deps.now();
  const asked = transition(ticket, await helpEvent(ticket, reason, people, now, policy, ticket.assignee?.staffId), { actor: SYSTEM, now, policy });
  if (!asked.ok || !(await deps.tickets.replace(asked.ticket, ticket.version))) return ticket;
  return (await deliver(deps, asked.ticket, policy, { pick: queuedSince(ticket) })).ticket;
};
