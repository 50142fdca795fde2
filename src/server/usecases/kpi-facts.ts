import { unpackDay } from '../../core/kpi/compact';
import type { TicketFacts } from '../../core/kpi/facts';
import { daysSpanned, KPI_MAX_RANGE_DAYS, rangeOf, type DayRange, type KpiScope } from '../../core/kpi/scope';
import type { KpiPeriod } from '../../core/kpi/labels';
import { DomainError } from '../../core/errors';
import type { Policy } from '../../core/sla/policy';
import type { Deps } from '../ports';

export interface RangeInput extends KpiScope {
  period: KpiPeriod;
  from?: string;
  to?: string;
}

/** The days a request asks for, checked: a custom range runs forwards and spans at most half a year. */
export const rangeFor = (input: RangeInput, now: number, policy: Policy): DayRange => {
  const custom = input.period === 'custom' ? { from: input.from ?? '', to: input.to ?? '' } : undefined;
  if (custom && (!custom.from || !custom.to)) throw new DomainError('KPI.RANGE_INVALID', '请选择开始和结束日期');
  const range = rangeOf(input.period, now, policy.utcOffsetMinutes, custom);
  const span = daysSpanned(range.from, range.to);
  if (span < 1 || span > KPI_MAX_RANGE_DAYS) throw new DomainError('KPI.RANGE_INVALID');
  return range;
};

/**
 * The facts of every ticket created in the range, from the daily rollups: one document per day
 * that had tickets, never the tickets themselves. `docsRead` is what the bench reports.
 */
export const factsBetween = async (deps: Deps, from: string, to: string): Promise<{ facts: TicketFacts[]; docsRead: number }> => {
  const days = await deps.kpi.days(from, to);
  const facts: TicketFacts[] = days.flatMap((d) => unpackDay(d.day, d.facts));
  return { facts, docsRead: days.length };
};
