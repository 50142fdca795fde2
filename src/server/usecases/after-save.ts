import type { Policy } from '../../core/sla/policy';
import type { Ticket } from '../../core/tickets/model';
import { workloadDelta } from '../../core/tickets/workload';
import type { Deps } from '../ports';
import { deliver } from './deliver';

/**
 * What follows a saved step: its messages are sent and the staff workloads it changed are
 * updated (with the credit write where one happens anyway, otherwise on their own).
 */
export const afterSave = async (deps: Deps, before: Ticket | null, after: Ticket, policy: Policy): Promise<Ticket> => {
  const workload = workloadDelta(before, after);
  const { ticket, workloadApplied } = await deliver(deps, after, policy, { workload });
  for (const staffId of workloadApplied) delete workload[staffId];
  await deps.staff.adjustWorkloads(workload);
  return ticket;
};
