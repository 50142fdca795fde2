/**
 * Instants in the business time zone, a fixed offset (China has no DST), by arithmetic on UTC:
 * the machine's time zone never enters. Patterns are dayjs' (its English locale, `[…]` kept
 * literally) and give dayjs' text; dayjs itself (~9 KB) is left to the KPI bucketing
 * (core/kpi), so that only the `kpi` and `report` functions bundle it.
 */
const MINUTE_MS = 60_000;

/** dayjs' token pattern, so that a pattern means here what it meant there. */
const TOKENS = /\[([^\]]+)]|YYYY|YY|M{1,4}|D{1,2}|d{1,4}|H{1,2}|h{1,2}|a|A|m{1,2}|s{1,2}|Z{1,2}|SSS/g;
const WEEKDAYS = 'Sunday_Monday_Tuesday_Wednesday_Thursday_Friday_Saturday'.split('_');
const MONTHS = 'January_February_March_April_May_June_July_August_September_October_November_December'.split('_');

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** The wall clock of the business zone, read with the UTC getters of the shifted instant. */
const wallClock = (ms: number, offsetMinutes: number): Date => new Date(ms + offsetMinutes * MINUTE_MS);

/** Formats an instant in the business time zone (fixed offset: China has no DST). */
export const formatLocal = (ms: number, offsetMinutes: number, pattern = 'YYYY-MM-DD HH:mm'): string => {
  const d = wallClock(ms, offsetMinutes);
  if (Number.isNaN(d.getTime())) return 'Invalid Date';
  const [y, mo, day, w, h, mi, s] = [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCDay(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  const zone = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  const parts: Record<string, string> = {
    YYYY: pad(y, 4),
    YY: String(y).slice(-2),
    M: String(mo + 1),
    MM: pad(mo + 1),
    MMM: MONTHS[mo].slice(0, 3),
    MMMM: MONTHS[mo],
    D: String(day),
    DD: pad(day),
    d: String(w),
    dd: WEEKDAYS[w].slice(0, 2),
    ddd: WEEKDAYS[w].slice(0, 3),
    dddd: WEEKDAYS[w],
    H: String(h),
    HH: pad(h),
    h: String(h % 12 || 12),
    hh: pad(h % 12 || 12),
    a: h < 12 ? 'am' : 'pm',
    A: h < 12 ? 'AM' : 'PM',
    m: String(mi),
    mm: pad(mi),
    s: String(s),
    ss: pad(s),
    SSS: pad(d.getUTCMilliseconds(), 3),
    Z: zone,
    ZZ: zone.replace(':', ''),
  };
  return pattern.replace(TOKENS, (token: string, literal: string | undefined) => literal ?? parts[token]);
};

/** Minutes since local midnight and ISO weekday (1 = Monday … 7 = Sunday) in the business zone. */
export const localClock = (ms: number, offsetMinutes: number): { minuteOfDay: number; weekday: number } => {
  const d = wallClock(ms, offsetMinutes);
  const day = d.getUTCDay();
  return { minuteOfDay: d.getUTCHours() * 60 + d.getUTCMinutes(), weekday: day === 0 ? 7 : day };
};
