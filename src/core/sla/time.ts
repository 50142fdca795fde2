import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);

/** Formats an instant in the business time zone (fixed offset: China has no DST). */
export const formatLocal = (ms: number, offsetMinutes: number, pattern = 'YYYY-MM-DD HH:mm'): string =>
  dayjs.utc(ms).utcOffset(offsetMinutes).format(pattern);

/** Minutes since local midnight and ISO weekday (1 = Monday … 7 = Sunday) in the business zone. */
export const localClock = (ms: number, offsetMinutes: number): { minuteOfDay: number; weekday: number } => {
  const d = dayjs.utc(ms).utcOffset(offsetMinutes);
  return { minuteOfDay: d.hour() * 60 + d.minute(), weekday: d.day() === 0 ? 7 : d.day() };
};
