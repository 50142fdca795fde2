/**
 * The business calendar: mainland working days (statutory holidays off, adjusted working days 调休
 * on, from the company's `WorkCalendar`: see ./holidays) and a community's working hours. Clocks that should not run overnight or
 * over holidays count working minutes or working days with it; the others count calendar minutes
 * (see `ClockSpan` / `dueAfter`).
 *
 * Every instant is epoch milliseconds; every local date is taken in the business zone given as a
 * fixed offset (`offsetMinutes`, UTC+8 = 480; China has no DST), never the machine's time zone.
 *
 * Working days come from a `WorkCalendar` (`holidays` and `workdays` (调休上班) keyed by
 * 'YYYY-MM-DD'), read with dates this module formats itself from business-zone day numbers; the
 * years chinese-days knows are seeded from its data file. chinese-days' own functions
 * (`isWorkday`, `findWorkday`, …) are not called: they read dates with the machine's local getters
 * and, on a machine west of UTC, answer for the wrong weekday (chinese-days 1.5.7 with
 * TZ=America/New_York: `isWorkday('2026-01-05')`, a Monday, is false). The tests compare this
 * module with `isWorkday` day by day where that is sound, and run it in processes of other zones.
 *
 * chinese-days carries holiday data up to the year of its release (1.5.7: 2004–2026); a later year
 * is estimated and then confirmed by the manager (./holidays, ./holiday-estimate). A year with no
 * data at all counts only weekends as days off.
 */
import { dateOfDay, weekdayOfDay } from './day-number';
import type { WorkCalendar } from './holidays';

// Kept local rather than imported from ./policy, so policy may import this module without a cycle.
const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** A community's working hours, local wall-clock times 'HH:mm' (24 h); `end` may be '24:00'. */
export interface WorkingHours {
  /** Opening, e.g. '08:30'. Working time is the half-open interval [start, end). */
  start: string;
  /** Closing, e.g. '17:30'; later than `start` (no working hours across midnight). */
  end: string;
}

/**
 * The default of a community's working-hours configuration (08:30–17:30). A community that keeps
 * other hours configures its own; every function here takes the hours as an argument.
 */
export const DEFAULT_WORKING_HOURS: WorkingHours = { start: '08:30', end: '17:30' };

/** The calendar a clock runs on: the business zone, the community's working hours and the company's days. */
export interface BusinessCalendar {
  offsetMinutes: number;
  hours: WorkingHours;
  days: WorkCalendar;
}

/**
 * How a clock counts its time: calendar minutes (runs day and night), working minutes (only inside
 * working hours on working days: pauses overnight, on weekends and holidays), or working days
 * (deadline at closing time of the n-th working day, see `addWorkingDays`).
 */
export type ClockSpan =
  | { unit: 'minutes'; amount: number }
  | { unit: 'workingMinutes'; amount: number }
  | { unit: 'workingDays'; amount: number };

const HH_MM = /^(\d{2}):(\d{2})$/;

const minuteOf = (value: string, field: 'start' | 'end'): number => {
  const m = HH_MM.exec(value);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : NaN;
  if (!m || Number(m[2]) > 59 || !(minutes <= 24 * 60)) {
    throw new RangeError(`working hours: ${field} must be 'HH:mm' (00:00–24:00), got '${value}'`);
  }
  return minutes;
};

/**
 * Opening and closing as minutes since local midnight. Throws a RangeError for a malformed time or
 * an end not after the start: working hours are configuration, checked where they are loaded.
 */
export const parseWorkingHours = (hours: WorkingHours): { open: number; close: number } => {
  const open = minuteOf(hours.start, 'start');
  const close = minuteOf(hours.end, 'end');
  if (open >= 24 * 60 || close <= open) {
    throw new RangeError(`working hours: end (${hours.end}) must be after start (${hours.start}) on the same day`);
  }
  return { open, close };
};

const checkInstant = (ms: number): void => {
  if (!Number.isFinite(ms)) throw new RangeError(`calendar: not an instant: ${ms}`);
};

/** Days since 1970-01-01 of the instant's local date in the business zone. */
const dayOf = (ms: number, offsetMinutes: number): number => Math.floor((ms + offsetMinutes * MINUTE_MS) / DAY_MS);

/** The instant of local midnight that starts business-zone day `day`. */
const midnightOf = (day: number, offsetMinutes: number): number => day * DAY_MS - offsetMinutes * MINUTE_MS;


/** An adjusted working day (调休上班) is worked; otherwise Monday–Friday unless a statutory holiday. */
const isWorkingDayNumber = (day: number, days: WorkCalendar): boolean => {
  const date = dateOfDay(day);
  if (days.workdays[date] !== undefined) return true;
  const weekday = weekdayOfDay(day);
  return weekday >= 1 && weekday <= 5 && days.holidays[date] === undefined;
};

const nextWorkingDayAfter = (day: number, days: WorkCalendar): number => {
  let d = day + 1;
  while (!isWorkingDayNumber(d, days)) d += 1;
  return d;
};

/**
 * Whether the instant's local date is a mainland working day: Monday–Friday unless a statutory
 * holiday, and the weekend days declared adjusted working days (调休上班).
 */
export const isWorkingDay = (instant: number, offsetMinutes: number, days: WorkCalendar): boolean => {
  checkInstant(instant);
  return isWorkingDayNumber(dayOf(instant, offsetMinutes), days);
};

/** Whether the instant is working time: a working day, at or after opening and before closing. */
export const isWorkingTime = (instant: number, hours: WorkingHours, offsetMinutes: number, days: WorkCalendar): boolean =>
  nextOpening(instant, hours, offsetMinutes, days) === instant;

/**
 * The first instant at or after `instant` that is working time: the instant itself during working
 * hours; today's opening before it on a working day; otherwise the opening of the next working day.
 * Closing time itself is not working time (17:30 → the next working day's 08:30).
 */
export const nextOpening = (instant: number, hours: WorkingHours, offsetMinutes: number, days: WorkCalendar): number => {
  checkInstant(instant);
  const { open, close } = parseWorkingHours(hours);
  const day = dayOf(instant, offsetMinutes);
  const midnight = midnightOf(day, offsetMinutes);
  if (isWorkingDayNumber(day, days)) {
    if (instant < midnight + open * MINUTE_MS) return midnight + open * MINUTE_MS;
    if (instant < midnight + close * MINUTE_MS) return instant;
  }
  return midnightOf(nextWorkingDayAfter(day, days), offsetMinutes) + open * MINUTE_MS;
};

/**
 * Closing time of the instant's local date (e.g. 17:30 that day), whether or not that date is a
 * working day and whether or not the instant is before it.
 */
export const endOfWorkingDay = (instant: number, hours: WorkingHours, offsetMinutes: number): number => {
  checkInstant(instant);
  const { close } = parseWorkingHours(hours);
  return midnightOf(dayOf(instant, offsetMinutes), offsetMinutes) + close * MINUTE_MS;
};

/**
 * Deadline of "within n working days" counted from `start`.
 *
 * Rule: the closing time (end of working hours, e.g. 17:30 local) of the n-th working day after
 * the local date of `start`. The start date itself never counts, whatever the time of day and
 * whether or not it is a working day: a request at 08:00 and one at 23:00 on the same day get the
 * same deadline, and a request on a weekend or holiday counts from the next working day (day 1).
 * So every request gets n full working days. Example: Wednesday 2026-09-30 10:00, n = 3 → 国庆
 * (10-01…10-07) is skipped → Thursday 10-08 (1), Friday 10-09 (2), Saturday 10-10 (调休, 3) → 10-10 17:30.
 *
 * n = 0 means "by closing time today": the start date's closing time if it is a working day and
 * the start is not after closing, otherwise the closing time of the next working day.
 * n must be a whole number ≥ 0 (RangeError otherwise).
 */
export const addWorkingDays = (start: number, n: number, hours: WorkingHours, offsetMinutes: number, days: WorkCalendar): number => {
  checkInstant(start);
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  const { close } = parseWorkingHours(hours);
  const closingOf = (day: number): number => midnightOf(day, offsetMinutes) + close * MINUTE_MS;
  let day = dayOf(start, offsetMinutes);
  if (n === 0) return isWorkingDayNumber(day, days) && start <= closingOf(day) ? closingOf(day) : closingOf(nextWorkingDayAfter(day, days));
  for (let counted = 0; counted < n; counted += 1) day = nextWorkingDayAfter(day, days);
  return closingOf(day);
};

/**
 * The instant by which `minutes` of working time have passed since `start`, counting only minutes
 * inside working hours on working days (the clock pauses at closing time and resumes at the next
 * opening). A start outside working hours begins at the next opening. The deadline may fall exactly
 * on a closing time (08:30 + 540 min → 17:30 the same day); 0 minutes gives `nextOpening(start)`.
 * `minutes` must be finite and ≥ 0 (RangeError otherwise).
 */
export const addWorkingMinutes = (start: number, minutes: number, hours: WorkingHours, offsetMinutes: number, days: WorkCalendar): number => {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`addWorkingMinutes: minutes must be ≥ 0, got ${minutes}`);
  let at = nextOpening(start, hours, offsetMinutes, days);
  let remaining = minutes * MINUTE_MS;
  for (;;) {
    const closing = endOfWorkingDay(at, hours, offsetMinutes);
    if (remaining <= closing - at) return at + remaining;
    remaining -= closing - at;
    at = nextOpening(closing, hours, offsetMinutes, days);
  }
};

/** Deadline of a clock started at `start` that runs for `span` on `calendar`. */
export const dueAfter = (start: number, span: ClockSpan, calendar: BusinessCalendar): number => {
  switch (span.unit) {
    case 'minutes':
      checkInstant(start);
      return start + span.amount * MINUTE_MS;
    case 'workingMinutes':
      return addWorkingMinutes(start, span.amount, calendar.hours, calendar.offsetMinutes, calendar.days);
    case 'workingDays':
      return addWorkingDays(start, span.amount, calendar.hours, calendar.offsetMinutes, calendar.days);
  }
};
