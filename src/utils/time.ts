/**
 * Times are shown in China time (UTC+8) whatever the device's time zone, because the property
 * company and its residents live there. Plain arithmetic, no date library: it keeps the
 * mini-program's main package small.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
export const CHINA_OFFSET_MS = 8 * HOUR_MS;

export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

const pad = (n: number): string => String(n).padStart(2, '0');

interface ChinaParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

/** Calendar fields of an instant as read on a clock in China. */
export const chinaParts = (ms: number): ChinaParts => {
  const d = new Date(ms + CHINA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
};

/** `MM-DD HH:mm`, e.g. `11-22 09:05`. */
export const formatShort = (ms: number): string => {
  const p = chinaParts(ms);
  return `${pad(p.month)}-${pad(p.day)} ${pad(p.hour)}:${pad(p.minute)}`;
};

/** `YYYY-MM-DD HH:mm`. */
export const formatFull = (ms: number): string => `${chinaParts(ms).year}-${formatShort(ms)}`;

/** `HH:mm`. */
export const formatClock = (ms: number): string => {
  const p = chinaParts(ms);
  return `${pad(p.hour)}:${pad(p.minute)}`;
};

/** `MM-DD`. */
export const formatMonthDay = (ms: number): string => {
  const p = chinaParts(ms);
  return `${pad(p.month)}-${pad(p.day)}`;
};

/** The instant at which the China calendar day containing `ms` begins (00:00 UTC+8). */
export const chinaDayStart = (ms: number): number =>
  Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) * DAY_MS - CHINA_OFFSET_MS;

/** 今天 / 明天 / 后天, or the weekday for later days. */
export const relativeDayName = (dayStart: number, now: number): string => {
  const diff = Math.round((chinaDayStart(dayStart) - chinaDayStart(now)) / DAY_MS);
  if (diff === 0) return '今天';
  if (diff === 1) return '明天';
  if (diff === 2) return '后天';
  return WEEKDAY_NAMES[chinaParts(dayStart).weekday];
};
