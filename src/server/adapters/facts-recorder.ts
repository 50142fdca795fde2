import { packFacts } from '../../core/kpi/compact';
import { ticketFacts } from '../../core/kpi/facts';
import type { Policy } from '../../core/sla/policy';
import type { Ticket } from '../../core/tickets/model';
import type { KpiStore, TicketStore } from '../ports';

/**
 * Ticket saves that also keep the KPI rollup: after each saved insert or step, the ticket's facts
 * go into its day's entry (counters maintained at each transition, not a scan on each view).
 * Outbox-only writes change no fact and are passed through. A failed rollup write does not undo
 * or fail the step the person took: it is logged, and the monthly reconciliation (report) puts
 * the entry right from the ticket.
 */
export const withFactsRecorded = (store: TicketStore, kpi: Pick<KpiStore, 'record'>, policy: Policy): TicketStore => {
  const record = async (ticket: Ticket) => {
    try {
      const facts = ticketFacts(ticket, policy);
      await kpi.record(facts.day, ticket._id, ticket.version, packFacts(facts));
    } catch (e) {
      console.error(`[kpi] facts of ${ticket._id} v${ticket.version} not recorded`, e);
    }
  };
  return {
    ...store,
    async insert(ticket) {
      const result = await store.insert(ticket);
      // Refused: a retried submission, whose first try may have stopped (crashed) before its
      // rollup write; the first ticket's facts are recorded (a no-op if they already are).
      const saved = result.inserted ? ticket : result.first;
      if (saved) await record(saved);
      return result;
    },
    async replace(next, expectedVersion) {
      const saved = await store.replace(next, expectedVersion);
      if (saved) await record(next);
      return saved;
    },
  };
};
