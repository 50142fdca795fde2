/**
 * The manager's changes to a year's holiday arrangement (节假日安排): what a change may be, and what
 * it changed, in words for the admin trail. Pure; the calendar screen and the server both use it.
 */
import { dateOfDay, dayNumber, weekdayOfDay } from './day-number';
import type { CalendarDay, CalendarYear } from './holidays';

/** Years the manager may edit, around the current one: last year (late corrections) to two ahead. */
export const EDITABLE_YEARS = { before: 1, after: 2 } as const;

export const editableYears = (thisYear: number): { from: number; to: number } => ({
  from: thisYear - EDITABLE_YEARS.before,
  to: thisYear + EDITABLE_YEARS.after,
});

export interface CalendarEdit {
  year: number;
  holidays: readonly CalendarDay[];
  workdays: readonly CalendarDay[];
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** 0 = Sunday … 6 = Saturday of a real calendar date 'YYYY-MM-DD', or null for one that does not exist. */
export const weekdayOf = (date: string): number | null => {
  const m = DATE.exec(date);
  if (!m) return null;
  // A date that does not exist (02-30) rolls over to another one.
  const day = dayNumber(Number(m[1]), Number(m[2]), Number(m[3]));
  return dateOfDay(day) === date ? weekdayOfDay(day) : null;
};

/** 'M月D日' of a date 'YYYY-MM-DD'. */
export const monthDay = (date: string): string => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * Why this edit cannot be saved, in words for the manager, or null when it can: the year must be
 * editable, every date real and in that year, no date twice (nor both off and worked), a 调休上班
 * day a Saturday or Sunday (a weekday is worked anyway), every day named.
 */
export const checkCalendarEdit = (edit: CalendarEdit, thisYear: number): string | null => {
  const { from, to } = editableYears(thisYear);
  if (!Number.isInteger(edit.year) || edit.year < from || edit.year > to) return `只能编辑${from}年至${to}年的节假日安排`;
  const seen = new Map<string, 'holiday' | 'workday'>();
  const check = (day: CalendarDay, kind: 'holiday' | 'workday'): string | null => {
    const weekday = weekdayOf(day.date);
    if (weekday === null) return `${day.date} 不是有效日期`;
    if (Number(day.date.slice(0, 4)) !== edit.year) return `${day.date} 不在${edit.year}年内`;
    const before = seen.get(day.date);
    if (before === kind) return `${monthDay(day.date)}重复出现了两次`;
    if (before) return `${monthDay(day.date)}不能既放假又调休上班`;
    seen.set(day.date, kind);
    if (!day.name.trim()) return `请填写${monthDay(day.date)}的节日名称`;
    if (kind === 'workday' && weekday >= 1 && weekday <= 5) {
      return `${monthDay(day.date)}（${WEEKDAYS[weekday]}）本来就是工作日，不需要设为调休上班`;
    }
    return null;
  };
  for (const day of edit.holidays) {
    const problem = check(day, 'holiday');
    if (problem) return problem;
  }
  for (const day of edit.workdays) {
    const problem = check(day, 'workday');
    if (problem) return problem;
  }
  return null;
};

/** The days as saved: sorted by date, names trimmed. */
export const normalizedDays = (days: readonly CalendarDay[]): CalendarDay[] =>
  days.map((d) => ({ date: d.date, name: d.name.trim() })).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));

export interface CalendarChange {
  addedHolidays: string[];
  removedHolidays: string[];
  addedWorkdays: string[];
  removedWorkdays: string[];
  /** The change confirms an arrangement that was not confirmed before. */
  confirmed: boolean;
}

const datesOf = (days: readonly CalendarDay[]) => new Set(days.map((d) => d.date));
const minus = (a: Set<string>, b: Set<string>) => [...a].filter((x) => !b.has(x)).sort();

/** What an edit changes against the year as it was (null: nothing was kept for it yet). */
export const calendarChange = (before: CalendarYear | null, after: CalendarEdit, confirm: boolean): CalendarChange => {
  const [bh, bw] = [datesOf(before?.holidays ?? []), datesOf(before?.workdays ?? [])];
  const [ah, aw] = [datesOf(after.holidays), datesOf(after.workdays)];
  return {
    addedHolidays: minus(ah, bh),
    removedHolidays: minus(bh, ah),
    addedWorkdays: minus(aw, bw),
    removedWorkdays: minus(bw, aw),
    confirmed: confirm && before?.confirmed !== true,
  };
};

const listed = (dates: readonly string[]) => (dates.length > 4 ? `${dates.slice(0, 4).map(monthDay).join('、')}等${dates.length}天` : dates.map(monthDay).join('、'));

/** One line for the admin trail: 「确认2027年节假日安排；新增放假 2月11日、2月12日；新增调休上班 2月20日」. */
export const describeCalendarChange = (year: number, change: CalendarChange): string => {
  const parts = [
    change.confirmed ? `确认${year}年节假日安排` : `修改${year}年节假日安排`,
    change.addedHolidays.length ? `新增放假 ${listed(change.addedHolidays)}` : '',
    change.removedHolidays.length ? `取消放假 ${listed(change.removedHolidays)}` : '',
    change.addedWorkdays.length ? `新增调休上班 ${listed(change.addedWorkdays)}` : '',
    change.removedWorkdays.length ? `取消调休上班 ${listed(change.removedWorkdays)}` : '',
  ].filter(Boolean);
  if (parts.length === 1 && !change.confirmed) parts.push('无变化');
  return parts.join('；');
};
