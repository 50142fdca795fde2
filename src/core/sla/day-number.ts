/**
 * Plain calendar dates as day numbers (days since 1970-01-01), formatted in UTC so the machine's
 * time zone never enters. Shared by the calendar, the holiday estimate, the notice parser and the
 * manager's edit rules.
 */
import { formatLocal } from './time';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The day number of year y, month m (1–12), day d; out-of-range parts roll over as Date.UTC does. */
export const dayNumber = (y: number, m: number, d: number): number => Date.UTC(y, m - 1, d) / DAY_MS;

/** 'YYYY-MM-DD' of a day number. */
export const dateOfDay = (day: number): string => formatLocal(day * DAY_MS, 0, 'YYYY-MM-DD');

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export const weekdayOfDay = (day: number): number => (((day + 4) % 7) + 7) % 7;
