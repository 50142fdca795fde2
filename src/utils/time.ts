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

const MINUTE_MS = 60_000;

/** A length of time as people say it: `12 分钟`, `3 小时 20 分钟`, `2 天 3 小时`. */
export const formatSpan = (ms: number): string => {
  const minutes = Math.max(0, Math.round(ms / MINUTE_MS));
  if (minutes < 60) return `${minutes} 分钟`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} 小时 ${minutes % 60} 分钟` : `${hours} 小时`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} 天 ${hours % 24} 小时` : `${days} 天`;
};

/**
 * How long until a deadline, or how long past it: `剩余 12 分钟` (rounded up: never promises
 * less than is left), `已超时 5 分钟` (whole minutes past), `已超时` in its first minute.
 */
export const countdownText = (dueAt: number, now: number): string => {
  if (dueAt > now) return `剩余 ${formatSpan(Math.ceil((dueAt - now) / MINUTE_MS) * MINUTE_MS)}`;
  const late = Math.floor((now - dueAt) / MINUTE_MS) * MINUTE_MS;
  return late < MINUTE_MS ? '已超时' : `已超时 ${formatSpan(late)}`;
};

/** `YYYY-MM-DD` of the China day containing `ms` (what a date picker shows and answers). */
export const formatDateValue = (ms: number): string => {
  const p = chinaParts(ms);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
};

/** The instant of `HH:mm` China time on the day a date picker answered (`YYYY-MM-DD`); null if unreadable. */
export const chinaDateAt = (date: string, hour: number, minute = 0): number | null => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour, minute) - CHINA_OFFSET_MS;
};
