/**
 * The time the standards count (issue 19's service hours, as the month judges breaches by them):
 * urgent repairs around the clock; other repairs within engineering's hours on the company's
 * working days; complaints, IC cards and callbacks within the front desk's hours every day.
 */
import { isWorkingDay } from '../../src/core/sla/calendar';
import { estimateYear } from '../../src/core/sla/holiday-estimate';
import { officialYears, workCalendarOf } from '../../src/core/sla/holidays';
import type { ClockName, Ticket } from '../../src/core/tickets/model';

const OFFSET = 8 * 60;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The company's calendar as the month lives it: chinese-days' years and the law's estimate of 2027. */
export const MONTH_CALENDAR = workCalendarOf([...officialYears(), estimateYear(2027)]);

export type ServiceHours = 'always' | 'engineering' | 'front_desk';
const WINDOWS: Record<Exclude<ServiceHours, 'always'>, { open: number; close: number; workingDaysOnly: boolean }> = {
  engineering: { open: 8.5 * HOUR, close: 17.5 * HOUR, workingDaysOnly: true },
  front_desk: { open: 8 * HOUR, close: 20 * HOUR, workingDaysOnly: false },
};

/** Local midnight (UTC+8) of the day `at` falls in. */
const localMidnight = (at: number) => Math.floor((at + OFFSET * MINUTE) / DAY) * DAY - OFFSET * MINUTE;

export const isWorkingDayAt = (at: number): boolean => isWorkingDay(at, OFFSET, MONTH_CALENDAR);

/** Is `at` inside the hours? */
export const inServiceHours = (hours: ServiceHours, at: number): boolean => {
  if (hours === 'always') return true;
  const w = WINDOWS[hours];
  const t = at - localMidnight(at);
  return t >= w.open && t < w.close && (!w.workingDaysOnly || isWorkingDayAt(at));
};

/** The instant `ms` of service time after `start` (the deadline a service-time clock would have). */
export const addServiceTime = (hours: ServiceHours, start: number, ms: number): number => {
  if (hours === 'always') return start + ms;
  const w = WINDOWS[hours];
  let left = ms;
  let day = localMidnight(start);
  for (let guard = 0; guard < 400; guard++, day += DAY) {
    if (w.workingDaysOnly && !isWorkingDayAt(day + 12 * HOUR)) continue;
    const from = Math.max(start, day + w.open);
    const to = day + w.close;
    if (from >= to) continue;
    if (to - from >= left) return from + left;
    left -= to - from;
  }
  return Number.POSITIVE_INFINITY;
};

/** Whose hours a ticket's clock would count in. */
export const serviceHoursOf = (t: Pick<Ticket, 'kind' | 'urgent'>, clock: ClockName): ServiceHours => {
  if (clock === 'callback' || t.kind !== 'repair') return 'front_desk';
  return t.urgent ? 'always' : 'engineering';
};
