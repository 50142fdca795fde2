/**
 * The working calendar as data: each year's holidays (放假) and adjusted working days (调休上班),
 * kept by the company in the database. Years chinese-days knows come from its data file (the State
 * Council's notices, 'official'); a later year is estimated from the law (`holiday-estimate.ts`)
 * until the manager enters or confirms the notice ('manager'). Clocks and the digest read a
 * `WorkCalendar` built from these years; a year nobody has data for counts only weekends as days off.
 */
import chineseDays from 'chinese-days/dist/chinese-days.json';

/** One day of a year's holiday arrangement, 'YYYY-MM-DD' in the business zone, with the holiday's name (e.g. '春节'). */
export interface CalendarDay { date: string; name: string }
/** Where a year's arrangement came from: chinese-days' data (the State Council's notice), an estimate from the law, or the manager. */
export type CalendarSource = 'official' | 'estimate' | 'manager';
export interface CalendarYear {
  year: number;
  /** Days off (放假), weekend days inside a holiday block included. */
  holidays: CalendarDay[];
  /** Adjusted working days (调休上班): Saturdays or Sundays that are worked. */
  workdays: CalendarDay[];
  source: CalendarSource;
  /** False for an estimate until the manager confirms it. */
  confirmed: boolean;
}

/** What clocks read: every known day off and adjusted working day by date, and each year's status. */
export interface WorkCalendar {
  holidays: Readonly<Record<string, string>>;
  workdays: Readonly<Record<string, string>>;
  years: Readonly<Record<number, { source: CalendarSource; confirmed: boolean }>>;
}

/** Builds the lookup from years; a later entry for the same year replaces an earlier one. */
export const workCalendarOf = (years: readonly CalendarYear[]): WorkCalendar => {
  const byYear = new Map<number, CalendarYear>();
  for (const y of years) byYear.set(y.year, y);
  const holidays: Record<string, string> = {};
  const workdays: Record<string, string> = {};
  const status: Record<number, { source: CalendarSource; confirmed: boolean }> = {};
  for (const y of byYear.values()) {
    for (const d of y.holidays) holidays[d.date] = d.name;
    for (const d of y.workdays) workdays[d.date] = d.name;
    status[y.year] = { source: y.source, confirmed: y.confirmed };
  }
  return { holidays, workdays, years: status };
};

/** chinese-days writes a day as "Spring Festival,春节,4": the Chinese name is the second part. */
const nameOf = (value: string): string => value.split(',')[1] ?? value;

const readOfficialYears = (): CalendarYear[] => {
  const years = new Map<number, CalendarYear>();
  const yearOf = (date: string): CalendarYear => {
    const year = Number(date.slice(0, 4));
    let y = years.get(year);
    if (!y) years.set(year, (y = { year, holidays: [], workdays: [], source: 'official', confirmed: true }));
    return y;
  };
  for (const [date, value] of Object.entries(chineseDays.holidays as Record<string, string>)) yearOf(date).holidays.push({ date, name: nameOf(value) });
  for (const [date, value] of Object.entries(chineseDays.workdays as Record<string, string>)) yearOf(date).workdays.push({ date, name: nameOf(value) });
  const byDate = (a: CalendarDay, b: CalendarDay) => (a.date < b.date ? -1 : 1);
  return [...years.values()].map((y) => ({ ...y, holidays: y.holidays.sort(byDate), workdays: y.workdays.sort(byDate) })).sort((a, b) => a.year - b.year);
};

// Read once per instance: the data file does not change while it runs.
const OFFICIAL_YEARS: readonly CalendarYear[] = readOfficialYears();

/** The years chinese-days' data file knows (those a bundle keeps: see scripts/build-functions.ts). */
export const officialYears = (): readonly CalendarYear[] => OFFICIAL_YEARS;

/** The calendar a bundle knows by itself: chinese-days' years, nothing estimated. */
export const CHINESE_DAYS_CALENDAR: WorkCalendar = workCalendarOf(OFFICIAL_YEARS);

/** Whether a year's arrangement is settled: the State Council's notice is in, or the manager confirmed it. */
export const isConfirmedYear = (calendar: WorkCalendar, year: number): boolean => calendar.years[year]?.confirmed === true;

/** The month (1–12) from which next year's arrangement is asked for: the notice usually comes in November. */
export const ASK_FOR_NEXT_YEAR_FROM_MONTH = 12;

/**
 * The years whose arrangement is still to be confirmed and matters now: this year, and from
 * 1 December next year too. `today` is the business-zone date 'YYYY-MM-DD'.
 */
export const unconfirmedYears = (calendar: WorkCalendar, today: string): number[] => {
  const year = Number(today.slice(0, 4));
  const month = Number(today.slice(5, 7));
  const relevant = month >= ASK_FOR_NEXT_YEAR_FROM_MONTH ? [year, year + 1] : [year];
  return relevant.filter((y) => !isConfirmedYear(calendar, y));
};

/** What the manager's and the supervisor's home say while a year is not confirmed. */
export const unconfirmedYearNotice = (year: number): string => `${year}年节假日安排尚未确认`;
