/**
 * The estimate from the law against hand-checked years (2027), against tyme4ts read another way
 * (除夕 from the 12th month's length, weekdays from `SolarDay.getWeek`), against chinese-days' data
 * for the years the State Council has announced (2020–2026), and in a process whose TZ is New York.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import chineseDays from 'chinese-days/dist/chinese-days.json';
import { LunarDay, LunarMonth, SolarDay, SolarTerm } from 'tyme4ts';
import { estimateYear } from '@/core/sla/holiday-estimate';

const OFFICIAL = chineseDays.holidays as Record<string, string>;
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const iso = (s: SolarDay) => ymd(s.getYear(), s.getMonth(), s.getDay());
const solar = (date: string) => SolarDay.fromYmd(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
const isWeekend = (date: string) => [0, 6].includes(solar(date).getWeek().getIndex());
const nextDate = (date: string) => iso(solar(date).next(1));

/** The law's statutory days, computed here independently of the module (除夕 from the month's length). */
const statutory = (year: number): Record<string, string[]> => {
  const lunar = (y: number, m: number, d: number) => iso(LunarDay.fromYmd(y, m, d).getSolarDay());
  return {
    元旦: [ymd(year, 1, 1)],
    春节: [lunar(year - 1, 12, LunarMonth.fromYm(year - 1, 12).getDayCount()), lunar(year, 1, 1), lunar(year, 1, 2), lunar(year, 1, 3)],
    清明节: [iso(SolarTerm.fromName(year, '清明').getSolarDay())],
    劳动节: [ymd(year, 5, 1), ymd(year, 5, 2)],
    端午节: [lunar(year, 5, 5)],
    中秋节: [lunar(year, 8, 15)],
    国庆节: [ymd(year, 10, 1), ymd(year, 10, 2), ymd(year, 10, 3)],
  };
};

const ALL_YEARS = Array.from({ length: 2099 - 1901 + 1 }, (_, i) => 1901 + i);

describe('estimateYear', () => {
  it('2027 day by day: 春节 with two 补假, 劳动节 and 国庆节 made up after their weekends', () => {
    const byName = (name: string) => estimateYear(2027).holidays.filter((d) => d.name === name).map((d) => d.date);
    // 除夕 is 腊月廿九 (2026's 12th month has 29 days): Fri 02-05, 初一–初三 Sat–Mon, 补假 Tue and Wed.
    expect(byName('春节')).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10']);
    // A Friday: the weekend after it is a weekend anyway, nothing to make up.
    expect(byName('元旦')).toEqual(['2027-01-01']);
    expect(byName('清明节')).toEqual(['2027-04-05']);
    expect(byName('劳动节')).toEqual(['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04']);
    expect(byName('端午节')).toEqual(['2027-06-09']);
    expect(byName('中秋节')).toEqual(['2027-09-15']);
    expect(byName('国庆节')).toEqual(['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05']);
    expect(estimateYear(2027).holidays).toHaveLength(1 + 6 + 1 + 4 + 1 + 1 + 5);
  });

  it('the checks it rests on: 2027 清明 is 04-05 and 除夕 02-05 is a Friday (tyme4ts)', () => {
    expect(iso(SolarTerm.fromName(2027, '清明').getSolarDay())).toBe('2027-04-05');
    expect(LunarMonth.fromYm(2026, 12).getDayCount()).toBe(29);
    expect(solar('2027-02-05').getWeek().getIndex()).toBe(5);
    expect(solar('2027-01-01').getWeek().getIndex()).toBe(5);
  });

  it('is an unconfirmed estimate with no adjusted working days', () => {
    expect(estimateYear(2030)).toMatchObject({ year: 2030, workdays: [], source: 'estimate', confirmed: false });
  });

  it('accepts 1901–2099 only', () => {
    expect(() => estimateYear(1901)).not.toThrow();
    expect(() => estimateYear(2099)).not.toThrow();
    for (const bad of [1900, 2100, 2026.5, Number.NaN]) expect(() => estimateYear(bad)).toThrow(RangeError);
  });

  it('a weekend 元旦 is made up on the Monday, the weekend listed with it (2028: Saturday; 2023: Sunday)', () => {
    expect(estimateYear(2028).holidays.filter((d) => d.name === '元旦').map((d) => d.date)).toEqual(['2028-01-01', '2028-01-02', '2028-01-03']);
    expect(estimateYear(2023).holidays.filter((d) => d.name === '元旦').map((d) => d.date)).toEqual(['2023-01-01', '2023-01-02']);
  });

  it('中秋 on 1–3 October leaves those days 国庆节 and is made up after the block (2020: 中秋 10-01)', () => {
    expect(estimateYear(2020).holidays.filter((d) => d.date >= '2020-09-01').map((d) => `${d.date} ${d.name}`)).toEqual([
      '2020-10-01 国庆节', '2020-10-02 国庆节', '2020-10-03 国庆节', '2020-10-04 国庆节', '2020-10-05 国庆节', '2020-10-06 中秋节',
    ]);
  });

  describe.each(ALL_YEARS)('%i', (year) => {
    const { holidays } = estimateYear(year);
    const dates = holidays.map((d) => d.date);
    const law = statutory(year);

    it('every statutory day is in, sorted, no duplicates, all in the year', () => {
      expect(dates).toEqual([...new Set(dates)].sort());
      for (const day of Object.values(law).flat()) expect(dates).toContain(day);
      for (const date of dates) expect(date.slice(0, 4)).toBe(String(year));
    });

    it('13 weekdays off in all (the law\'s 13 days, each on a weekday or made up on one)', () => {
      expect(dates.filter((d) => !isWeekend(d))).toHaveLength(13);
    });

    it('blocks are contiguous and end on a statutory day or a weekday 补假', () => {
      const statutoryDays = new Set(Object.values(law).flat());
      for (const name of Object.keys(law)) {
        const own = holidays.filter((d) => d.name === name).map((d) => d.date);
        for (let d = own[0]; d !== own[own.length - 1]; d = nextDate(d)) expect([name, d, dates.includes(d)]).toEqual([name, d, true]);
        const last = own[own.length - 1];
        expect([name, last, statutoryDays.has(last) || !isWeekend(last)]).toEqual([name, last, true]);
      }
      // A day that is neither statutory nor a weekend is a 补假: a weekday by definition; each
      // holiday has as many of them as its statutory days lost to weekends or to another holiday.
      for (const [name, days] of Object.entries(law)) {
        const madeUp = holidays.filter((d) => d.name === name && !statutoryDays.has(d.date) && !isWeekend(d.date));
        const lost = days.filter((d) => isWeekend(d) || holidays.find((h) => h.date === d)?.name !== name);
        expect([name, madeUp.length]).toEqual([name, lost.length]);
      }
    });
  });

  // The old law (to 2024) had 春节 初一–初三 and 劳动节 5-01 only; the 2024 revision added 除夕 and 5-02.
  it.each([2020, 2021, 2022, 2023, 2024, 2025, 2026])('%i: every statutory day is a holiday in chinese-days\' data', (year) => {
    const law = statutory(year);
    const days = year < 2025 ? { ...law, 春节: law.春节.slice(1), 劳动节: law.劳动节.slice(0, 1) } : law;
    for (const [name, list] of Object.entries(days)) {
      for (const day of list) expect([name, day, OFFICIAL[day] !== undefined]).toEqual([name, day, true]);
    }
  });

  // Not promised by the law (the notice may move days around), but true of every announced year
  // since 2020: the estimate, 补假 included, is a subset of the real arrangement.
  it.each([2020, 2021, 2022, 2023, 2024, 2025, 2026])('%i: every estimated day, 补假 included, is off in chinese-days\' data', (year) => {
    const notOff = estimateYear(year).holidays.filter((d) => OFFICIAL[d.date] === undefined).map((d) => d.date);
    // 2024-02-09 is 除夕, a statutory day only under the 2024 revision.
    expect(notOff).toEqual(year === 2024 ? ['2024-02-09'] : []);
  });

  it('gives the same in a process whose TZ is New York', async () => {
    const MODULE = path.resolve(__dirname, '../../../src/core/sla/holiday-estimate.ts');
    const TSX = path.resolve(__dirname, '../../../node_modules/tsx/dist/cli.mjs');
    const years = [1901, 1969, 1970, 2020, 2027, 2099];
    const probe = `import { estimateYear } from ${JSON.stringify(MODULE)};
      console.log(JSON.stringify(${JSON.stringify(years)}.map(estimateYear)));`;
    const result = await new Promise<unknown>((resolve, reject) => {
      execFile(process.execPath, [TSX, '-e', probe], { env: { ...process.env, TZ: 'America/New_York' } }, (error, stdout, stderr) =>
        error ? reject(new Error(stderr || error.message)) : resolve(JSON.parse(stdout)),
      );
    });
    expect(result).toEqual(years.map(estimateYear));
  });
});
