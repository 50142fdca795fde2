import { estimateYear } from '../../core/sla/holiday-estimate';
import { officialYears, type CalendarYear } from '../../core/sla/holidays';
import type { Policy } from '../../core/sla/policy';
import { formatLocal } from '../../core/sla/time';
import { currentCalendar, forgetCalendar } from '../calendar-cache';
import type { Deps, StoredCalendarYear } from '../ports';

/**
 * A year as it stands before anyone kept it: chinese-days' data (the State Council's notice) when
 * the bundle knows the year, otherwise the estimate from the law, marked 预估 until confirmed.
 */
export const unkeptYear = (year: number): CalendarYear => officialYears().find((y) => y.year === year) ?? estimateYear(year);

/**
 * Keeps this year and next year in `calendar`, so every function's clocks count the holidays
 * even before the manager has looked: each missing year is seeded from chinese-days or estimated.
 * Run by the sweep (through the instance's cached read: no extra read when both are kept), by
 * `npm run db:setup` and by the local stack's seed. Answers the years it added.
 */
export const ensureCalendarYears = async (deps: Deps, policy: Pick<Policy, 'utcOffsetMinutes'>): Promise<number[]> => {
  const now = deps.now();
  const { kept } = await currentCalendar(deps, policy);
  const thisYear = Number(formatLocal(now, policy.utcOffsetMinutes, 'YYYY'));
  const added: number[] = [];
  for (const year of [thisYear, thisYear + 1]) {
    if (kept.some((k) => k.year === year)) continue;
    const seeded: StoredCalendarYear = { ...unkeptYear(year), version: 1, updatedAt: now };
    if (await deps.calendarEdits.insert(seeded)) added.push(year);
  }
  if (added.length) forgetCalendar(deps);
  return added;
};
