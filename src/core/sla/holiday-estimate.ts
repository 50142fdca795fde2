/**
 * An estimate of a year's holidays for a year whose State Council notice is not known yet, from the
 * law's list (《全国年节及纪念日放假办法》, as revised in 2024, in force from 2025): 元旦 1 day, 春节 4
 * (除夕 and 初一–初三), 清明节 1, 劳动节 2 (1–2 May), 端午节 1, 中秋节 1, 国庆节 3 (1–3 October).
 * A statutory day on a Saturday or Sunday is made up (补假) on a working day after its holiday.
 *
 * The notice usually also moves days around (调休: a longer break paid for with worked weekends);
 * nobody can foresee that, so an estimate has no adjusted working days and stays unconfirmed until
 * the manager enters the notice (./holiday-notice) or confirms it.
 *
 * Dates are plain calendar dates kept as day numbers (days since 1970-01-01) and formatted in UTC,
 * so the machine's time zone never enters. Lunar dates and the 清明 solar term come from tyme4ts
 * (./festival-days).
 */
import { dateOfDay as format, dayNumber, weekdayOfDay as weekday } from './day-number';
import { festivalDays } from './festival-days';
import type { CalendarDay, CalendarYear } from './holidays';

export const ESTIMATE_FIRST_YEAR = 1901;
export const ESTIMATE_LAST_YEAR = 2099;

const isWeekend = (day: number): boolean => weekday(day) === 0 || weekday(day) === 6;

/** The statutory days of each holiday, in the law's order. */
const statutoryDays = (year: number): { name: string; days: number[] }[] => {
  // 除夕 is the day before 正月初一, the 29th or the 30th of the 12th month as the month has it.
  const { springFestival: firstOfYear, qingming, dragonBoat, midAutumn } = festivalDays(year);
  return [
    { name: '元旦', days: [dayNumber(year, 1, 1)] },
    { name: '春节', days: [firstOfYear - 1, firstOfYear, firstOfYear + 1, firstOfYear + 2] },
    { name: '清明节', days: [qingming] },
    { name: '劳动节', days: [dayNumber(year, 5, 1), dayNumber(year, 5, 2)] },
    { name: '端午节', days: [dragonBoat] },
    { name: '中秋节', days: [midAutumn] },
    { name: '国庆节', days: [1, 2, 3].map((d) => dayNumber(year, 10, d)) },
  ];
};

// Fixed-date holidays claim their days first, so that when 中秋 falls on 1–3 October those days
// stay 国庆节 and 中秋's lost day is made up after the block, as a weekend day is.
const CLAIM_ORDER = ['元旦', '劳动节', '国庆节', '春节', '清明节', '端午节', '中秋节'];

/**
 * The estimated arrangement of `year` (1901–2099; RangeError outside): every statutory day, and for
 * each one on a weekend or already taken by another holiday, the next Monday–Friday not yet a
 * holiday after it; the weekend days in between are listed too, so each block is contiguous.
 */
export const estimateYear = (year: number): CalendarYear => {
  if (!Number.isInteger(year) || year < ESTIMATE_FIRST_YEAR || year > ESTIMATE_LAST_YEAR) {
    throw new RangeError(`estimateYear: year must be an integer ${ESTIMATE_FIRST_YEAR}–${ESTIMATE_LAST_YEAR}, got ${year}`);
  }
  const taken = new Map<number, string>();
  const holidays = statutoryDays(year).sort((a, b) => CLAIM_ORDER.indexOf(a.name) - CLAIM_ORDER.indexOf(b.name));
  // Every statutory day first, so that a 补假 never lands on another holiday's own day.
  const owed = holidays.map(({ name, days }) =>
    days.filter((day) => {
      const lost = taken.has(day) || isWeekend(day);
      if (!taken.has(day)) taken.set(day, name);
      return lost;
    }).length,
  );
  holidays.forEach(({ name, days }, i) => {
    // Walk on from the block's last day: days off already (another holiday's, or a weekend that
    // is then listed under this holiday) are passed over, the first free weekdays are 补假.
    for (let day = days[days.length - 1] + 1, left = owed[i]; left > 0; day += 1) {
      if (taken.has(day)) continue;
      taken.set(day, name);
      if (!isWeekend(day)) left -= 1;
    }
  });
  const list: CalendarDay[] = [...taken.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, name]) => ({ date: format(day), name }));
  return { year, holidays: list, workdays: [], source: 'estimate', confirmed: false };
};
