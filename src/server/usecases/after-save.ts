import type { Policy } from '../../core/sla/policy';
import type { OutboxMessage, Ticket } from '../../core/tickets/model';
import { workloadDelta } from '../../core/tickets/workload';
import type { Deps } from '../ports';
import { deliver } from './deliver';

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
  pick?: (m: OutboxMessage) => boolean,
): Promise<Ticket> => {
  const workload = workloadDelta(before, after);
  const { ticket, workloadApplied } = await deliver(deps, after, policy, { workload, ...(pick ? { pick } : {}) });
  for (const staffId of workloadApplied) delete workload[staffId];
  await deps.staff.adjustWorkloads(workload);
  return ticket;
};
