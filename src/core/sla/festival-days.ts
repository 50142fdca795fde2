/**
 * The solar dates of a year's lunar festivals and of the 清明 solar term, as day numbers (days since
 * 1970-01-01, see ./day-number), from tyme4ts. Apart from the estimate's rules (./holiday-estimate)
 * so that a cloud function bundles only the dates it needs: tyme4ts is ~210 KB minified, so the
 * function build (scripts/build-functions.ts) replaces this module by the table of these very dates
 * for the estimate's years, and a build test compares the two year by year.
 */
import { LunarDay, SolarDay, SolarTerm } from 'tyme4ts';
import { dayNumber } from './day-number';

export interface FestivalDays {
  /** 正月初一 (春节's first day; 除夕 is the day before). */
  springFestival: number;
  /** The 清明 solar term. */
  qingming: number;
  /** 五月初五 (端午). */
  dragonBoat: number;
  /** 八月十五 (中秋). */
  midAutumn: number;
}

const dayOf = (s: SolarDay): number => dayNumber(s.getYear(), s.getMonth(), s.getDay());
const lunar = (year: number, m: number, d: number): number => dayOf(LunarDay.fromYmd(year, m, d).getSolarDay());

/** The festivals of lunar year `year`, which begins in solar year `year`. */
export const festivalDays = (year: number): FestivalDays => ({
  springFestival: lunar(year, 1, 1),
  qingming: dayOf(SolarTerm.fromName(year, '清明').getSolarDay()),
  dragonBoat: lunar(year, 5, 5),
  midAutumn: lunar(year, 8, 15),
});
