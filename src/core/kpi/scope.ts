import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import isoWeek from 'dayjs/plugin/isoWeek';
import { formatLocal } from '../sla/time';
import type { Team } from '../tickets/actor';
import type { TicketKind } from '../tickets/kinds';
import type { TicketFacts } from './facts';
import type { BucketUnit } from './group';
import type { KpiPeriod } from './labels';

dayjs.extend(utc);
dayjs.extend(isoWeek);

/** Which tickets a view looks at, besides the dates: all when a field is absent. */
export interface KpiScope {
  community?: string;
  kind?: TicketKind;
  team?: Team;
  /** The handler (a complaint about someone also counts in their breakdown, not here). */
  staffId?: string;
}

export const inScope = (scope: KpiScope) => (f: TicketFacts): boolean =>
  (!scope.community || f.community === scope.community) &&
  (!scope.kind || f.kind === scope.kind) &&
  (!scope.team || f.team === scope.team) &&
  (!scope.staffId || f.handler?.staffId === scope.staffId);

/** The longest range a view may span, in days: half a year (a view reads one document per day). */
export const KPI_MAX_RANGE_DAYS = 186;

export interface DayRange {
  from: string;
  to: string;
  /** The trend's buckets: weeks up to about three months, months beyond. */
  unit: BucketUnit;
}

const DAY = 'YYYY-MM-DD';
const unitFor = (from: string, to: string): BucketUnit => (dayjs.utc(to).diff(dayjs.utc(from), 'day') > 95 ? 'month' : 'week');

/** Each day from `from` to `to` (YYYY-MM-DD, inclusive), in order; none when `to` is before `from`. */
export const daysBetween = (from: string, to: string): string[] => {
  const out: string[] = [];
  const last = dayjs.utc(to);
  for (let d = dayjs.utc(from); !d.isAfter(last); d = d.add(1, 'day')) out.push(d.format(DAY));
  return out;
};

/** Days from `from` to `to` inclusive; 0 when `to` is before `from`. */
export const daysSpanned = (from: string, to: string): number => Math.max(0, dayjs.utc(to).diff(dayjs.utc(from), 'day') + 1);

/**
 * The business-zone days of a period, as seen at `now` (ranges end today: the days to come hold
 * no tickets). A custom range is taken as given; the caller checks its length.
 */
export const rangeOf = (period: KpiPeriod, now: number, utcOffsetMinutes: number, custom?: { from: string; to: string }): DayRange => {
  const today = dayjs.utc(formatLocal(now, utcOffsetMinutes, DAY));
  const fmt = (d: dayjs.Dayjs) => d.format(DAY);
  switch (period) {
    case 'thisWeek':
      return { from: fmt(today.startOf('isoWeek')), to: fmt(today), unit: 'week' };
    case 'thisMonth':
      return { from: fmt(today.startOf('month')), to: fmt(today), unit: 'week' };
    case 'lastMonth': {
      const last = today.subtract(1, 'month');
      return { from: fmt(last.startOf('month')), to: fmt(last.endOf('month')), unit: 'week' };
    }
    case 'last12Weeks':
      return { from: fmt(today.startOf('isoWeek').subtract(11, 'week')), to: fmt(today), unit: 'week' };
    case 'last6Months':
      return { from: fmt(today.startOf('month').subtract(5, 'month')), to: fmt(today), unit: 'month' };
    case 'custom': {
      const { from, to } = custom ?? { from: fmt(today), to: fmt(today) };
      return { from, to, unit: unitFor(from, to) };
    }
  }
};

/** The first and last day of a month 'YYYY-MM'. */
export const monthRange = (month: string): { from: string; to: string } => {
  const m = dayjs.utc(`${month}-01`);
  return { from: m.format(DAY), to: m.endOf('month').format(DAY) };
};

/** The month before the one `now` is in (business zone), 'YYYY-MM': what the report of the 1st covers. */
export const previousMonth = (now: number, utcOffsetMinutes: number): string =>
  dayjs.utc(formatLocal(now, utcOffsetMinutes, DAY)).subtract(1, 'month').format('YYYY-MM');

