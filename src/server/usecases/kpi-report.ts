import { packFacts } from '../../core/kpi/compact';
import { ticketFacts } from '../../core/kpi/facts';
import { figuresOf } from '../../core/kpi/figures';
import { figuresBy } from '../../core/kpi/group';
import { daysBetween, monthRange, previousMonth } from '../../core/kpi/scope';
import { tallyOf } from '../../core/kpi/tally';
import type { Policy } from '../../core/sla/policy';
import { localDayRange } from '../../core/tickets/register';
import type { Deps, KpiReportRecord } from '../ports';
import { factsBetween } from './kpi-facts';

/** Tickets read per page when reconciling (the SDK's most per query). */
const PAGE = 1000;


/**
 * Puts a day's rollup right from the tickets: every ticket created that day whose recorded version
 * is missing or older than its own (a rollup write lost to a crash or a failure after the ticket
 * was saved) is recorded again. Reads the tickets' ids and versions only, and the bodies of those
 * behind. Returns how many entries were put right.
 */
export const reconcileDay = async (deps: Deps, policy: Policy, day: string): Promise<number> => {
  const { from, to } = localDayRange(day, policy.utcOffsetMinutes)!;
  const recorded = await deps.kpi.versionsOf(day);
  let fixed = 0;
  for (let skip = 0; ; skip += PAGE) {
    const page = await deps.ticketQueries.versionsCreatedBetween(from, to, skip, PAGE);
    for (const { id, version } of page) {
      if ((recorded[id] ?? 0) >= version) continue;
      const ticket = await deps.tickets.get(id);
      if (!ticket) continue;
      const facts = ticketFacts(ticket, policy);
      await deps.kpi.record(facts.day, ticket._id, ticket.version, packFacts(facts));
      fixed += 1;
    }
    if (page.length < PAGE) return fixed;
  }
};

/**
 * 月度统计 of `month` (default: the month before now, as on the 1st): the rollup is reconciled
 * with the tickets first, then the figures and breakdowns are computed and kept. Running it again
 * replaces the month's report with a fresh one.
 */
export const generateMonthlyReport = async (deps: Deps, policy: Policy, month = previousMonth(deps.now(), policy.utcOffsetMinutes)) => {
  const { from, to } = monthRange(month);
  let reconciled = 0;
  for (const day of daysBetween(from, to)) reconciled += await reconcileDay(deps, policy, day);
  const { facts } = await factsBetween(deps, from, to);
  const report: KpiReportRecord = {
    month,
    from,
    to,
    generatedAt: deps.now(),
    figures: figuresOf(tallyOf(facts), policy.kpi),
    by: {
      community: figuresBy(facts, 'community', policy.kpi),
      kind: figuresBy(facts, 'kind', policy.kpi),
      team: figuresBy(facts, 'team', policy.kpi),
      staff: figuresBy(facts, 'staff', policy.kpi),
    },
  };
  await deps.kpi.saveReport(report);
  return { month, volume: report.figures.volume, reconciled };
};
