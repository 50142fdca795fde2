import type { Ticket } from './model';
import type { TicketState } from './states';

/**
 * States in which a ticket is work in its assignee's hands. A returned ticket waiting for its
 * callback is the front desk's, not the technician's.
 */
export const WORKLOAD_STATES: readonly TicketState[] = [
  'dispatched',
  'accepted',
  'on_site',
  'awaiting_confirmation',
  'in_progress',
  'reopened',
];

const holder = (t: Pick<Ticket, 'state' | 'assignee'> | null): string | null =>
  t && t.assignee && WORKLOAD_STATES.includes(t.state) ? t.assignee.staffId : null;

/**
 * How a step changes staff workloads (open tasks per staff id), for routing by fewest open
 * tasks: +1 when a ticket lands in someone's hands, −1 when it leaves them.
 */
export const workloadDelta = (
  before: Pick<Ticket, 'state' | 'assignee'> | null,
  after: Pick<Ticket, 'state' | 'assignee'>,
): Record<string, number> => {
  const from = holder(before);
  const to = holder(after);
  if (from === to) return {};
  const delta: Record<string, number> = {};
  if (from) delta[from] = -1;
  if (to) delta[to] = 1;
  return delta;
};
