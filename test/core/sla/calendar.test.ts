/**
 * The business calendar against chinese-days' own data (2026: 国庆 10-01…10-07 off, Sunday 09-20
 * and Saturday 10-10 worked; 中秋 09-25…09-27 off; 清明 04-04…04-06 off). Instants come from
 * `local()` (China wall-clock time); nothing reads the machine's clock.
 *
 * The library's `isWorkday(string)` is the truth where the tests need one. It is sound only when
 * the machine's zone is UTC or east of it (west of UTC it answers for the previous weekday), so
 * those comparisons are skipped elsewhere; hand-checked dates and the cross-zone runs always run.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import fc from 'fast-check';
import { isWorkday } from 'chinese-days';
import {
  DEFAULT_WORKING_HOURS,
  addWorkingDays,
  addWorkingMinutes,
  dueAfter,
  endOfWorkingDay,
  isWorkingDay,
  isWorkingTime,
  nextOpening,
  parseWorkingHours,
  type WorkingHours,
} from '@/core/sla/calendar';
import { CHINESE_DAYS_CALENDAR as D, isConfirmedYear } from '@/core/sla/holidays';
import { formatLocal } from '@/core/sla/time';
import { HOUR, MINUTE, T0, local } from '../fixtures';

const CN = 8 * 60;
const H = DEFAULT_WORKING_HOURS;
const at = (ms: number): string => formatLocal(ms, CN, 'YYYY-MM-DD HH:mm ddd');
const DAY = 24 * HOUR;

const LIBRARY_SOUND_HERE = [0, 6].every((month) => new Date(Date.UTC(2026, month, 1)).getTimezoneOffset() <= 0);
const itWithLibrary = LIBRARY_SOUND_HERE ? it : it.skip;

/** 'YYYY-MM-DD' of a China-local y/m/d, built by hand (not through the module under test). */
const ymd = (y: number, m: number, d: number): string => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
/** The library's truth for the China-local date of an instant (date taken via UTC arithmetic). */
const libraryWorkday = (ms: number): boolean => {
  const shifted = new Date(ms + CN * MINUTE);
  return isWorkday(ymd(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate()));
};

describe('working days (chinese-days)', () => {
  it('hand-checked 2026 dates: holidays off, adjusted weekend days (调休) on', () => {
    expect(isWorkingDay(local(2026, 10, 1, 12), CN, D)).toBe(false); // 国庆, Thursday
    expect(isWorkingDay(local(2026, 10, 7, 12), CN, D)).toBe(false); // 国庆 last day, Wednesday
    expect(isWorkingDay(local(2026, 10, 8, 12), CN, D)).toBe(true); // Thursday after 国庆
    expect(isWorkingDay(local(2026, 10, 10, 12), CN, D)).toBe(true); // Saturday, 调休上班
    expect(isWorkingDay(local(2026, 10, 11, 12), CN, D)).toBe(false); // ordinary Sunday
    expect(isWorkingDay(local(2026, 9, 20, 12), CN, D)).toBe(true); // Sunday, 调休上班 for 国庆
    expect(isWorkingDay(local(2026, 1, 4, 12), CN, D)).toBe(true); // Sunday, 调休上班 for 元旦
    expect(isWorkingDay(local(2026, 2, 17, 12), CN, D)).toBe(false); // 春节
    expect(isWorkingDay(local(2026, 11, 21, 12), CN, D)).toBe(false); // ordinary Saturday
    expect(isWorkingDay(T0, CN, D)).toBe(true); // Monday 2026-11-23
  });

  itWithLibrary('agrees with the library\'s isWorkday on every day of its data (2004–2026), at any time of the local day', () => {
    const mismatches: string[] = [];
    for (let day = local(2004, 1, 1); day < local(2027, 1, 1); day += DAY) {
      const truth = libraryWorkday(day + 12 * HOUR);
      for (const offset of [0, 8 * HOUR, 16 * HOUR, DAY - 1]) if (isWorkingDay(day + offset, CN, D) !== truth) mismatches.push(at(day + offset));
    }
    expect(mismatches).toEqual([]);
  });

  it('takes the date in the business zone, not in UTC: near local midnight', () => {
    // 2026-10-01 00:00 in China is still 2026-09-30 (a working day) in UTC.
    expect(isWorkingDay(local(2026, 9, 30, 23, 59), CN, D)).toBe(true);
    expect(isWorkingDay(local(2026, 10, 1, 0, 0), CN, D)).toBe(false);
    // 2026-10-08 00:00–07:59 in China is still 2026-10-07 (国庆) in UTC.
    expect(isWorkingDay(local(2026, 10, 7, 23, 59) + 59_999, CN, D)).toBe(false);
    expect(isWorkingDay(local(2026, 10, 8, 0, 0), CN, D)).toBe(true);
    expect(isWorkingDay(local(2026, 10, 8, 7, 59), CN, D)).toBe(true);
  });

  it('honours the offset it is given', () => {
    const instant = Date.UTC(2026, 8, 30, 20, 0); // 2026-09-30 20:00 UTC = 2026-10-01 04:00 in China
    expect(isWorkingDay(instant, 0, D)).toBe(true);
    expect(isWorkingDay(instant, CN, D)).toBe(false);
  });

  it("holds chinese-days' years as confirmed, and knows none after them", () => {
    expect(isConfirmedYear(D, 2026)).toBe(true);
    expect(isConfirmedYear(D, 2004)).toBe(true);
    expect(isConfirmedYear(D, 2003)).toBe(false);
    expect(isConfirmedYear(D, 2027)).toBe(false);
  });
});

describe('working hours', () => {
  it('defaults to 08:30–17:30 (a community may configure its own)', () => {
    expect(DEFAULT_WORKING_HOURS).toEqual({ start: '08:30', end: '17:30' });
    expect(parseWorkingHours(DEFAULT_WORKING_HOURS)).toEqual({ open: 8 * 60 + 30, close: 17 * 60 + 30 });
    expect(parseWorkingHours({ start: '00:00', end: '24:00' })).toEqual({ open: 0, close: 24 * 60 });
  });

  it.each<[WorkingHours]>([
    [{ start: '8:30', end: '17:30' }],
    [{ start: '08:30', end: '17:60' }],
    [{ start: '08:30', end: '24:30' }],
    [{ start: '17:30', end: '08:30' }],
    [{ start: '09:00', end: '09:00' }],
    [{ start: '24:00', end: '24:00' }],
  ])('rejects malformed or empty working hours %j', (hours) => {
    expect(() => parseWorkingHours(hours)).toThrow(RangeError);
    expect(() => nextOpening(T0, hours, CN, D)).toThrow(RangeError);
  });

  it('working time is [opening, closing) on working days only', () => {
    expect(isWorkingTime(local(2026, 11, 23, 8, 29), H, CN, D)).toBe(false);
    expect(isWorkingTime(local(2026, 11, 23, 8, 30), H, CN, D)).toBe(true);
    expect(isWorkingTime(local(2026, 11, 23, 17, 29), H, CN, D)).toBe(true);
    expect(isWorkingTime(local(2026, 11, 23, 17, 30), H, CN, D)).toBe(false);
    expect(isWorkingTime(local(2026, 11, 21, 10, 0), H, CN, D)).toBe(false); // Saturday
    expect(isWorkingTime(local(2026, 10, 10, 10, 0), H, CN, D)).toBe(true); // Saturday, 调休
  });
});

describe('nextOpening', () => {
  it.each([
    ['inside working hours: the instant itself', local(2026, 11, 23, 10, 0), '2026-11-23 10:00 Mon'],
    ['exactly at opening: the instant itself', local(2026, 11, 23, 8, 30), '2026-11-23 08:30 Mon'],
    ['before opening: today\'s opening', local(2026, 11, 23, 7, 0), '2026-11-23 08:30 Mon'],
    ['exactly at closing: the next working day', local(2026, 11, 23, 17, 30), '2026-11-24 08:30 Tue'],
    ['Friday evening: Monday', local(2026, 11, 20, 19, 0), '2026-11-23 08:30 Mon'],
    ['Saturday before an adjusted working Sunday: that Sunday', local(2026, 9, 19, 10, 0), '2026-09-20 08:30 Sun'],
    ['the eve of 国庆: the Thursday after it', local(2026, 9, 30, 18, 0), '2026-10-08 08:30 Thu'],
    ['local midnight starting 国庆', local(2026, 10, 1, 0, 0), '2026-10-08 08:30 Thu'],
    ['local midnight after 国庆', local(2026, 10, 8, 0, 0), '2026-10-08 08:30 Thu'],
  ])('%s', (_, instant, expected) => {
    expect(at(nextOpening(instant, H, CN, D))).toBe(expected);
  });
});

describe('endOfWorkingDay', () => {
  it('is closing time of the local date, right up to local midnight', () => {
    expect(endOfWorkingDay(local(2026, 11, 23, 0, 0), H, CN)).toBe(local(2026, 11, 23, 17, 30));
    expect(endOfWorkingDay(local(2026, 11, 23, 23, 59), H, CN)).toBe(local(2026, 11, 23, 17, 30));
    expect(endOfWorkingDay(local(2026, 11, 24, 0, 0), H, CN)).toBe(local(2026, 11, 24, 17, 30));
    expect(endOfWorkingDay(local(2026, 11, 23, 10, 0), { start: '09:00', end: '18:00' }, CN)).toBe(local(2026, 11, 23, 18, 0));
  });
});

describe('addWorkingDays: closing time of the n-th working day after the start date', () => {
  const days = (start: number, n: number, hours: WorkingHours = H) => at(addWorkingDays(start, n, hours, CN, D));

  it('3 working days across 国庆 2026 skip 10-01…10-07 and count Saturday 10-10 (调休)', () => {
    expect(days(local(2026, 9, 30, 10, 0), 3)).toBe('2026-10-10 17:30 Sat');
    expect(days(local(2026, 9, 30, 23, 59), 3)).toBe('2026-10-10 17:30 Sat');
  });

  itWithLibrary('… which is what the library says: exactly three working days in 10-01 … 10-10', () => {
    const worked = [];
    for (let d = 1; d <= 10; d += 1) if (isWorkday(ymd(2026, 10, d))) worked.push(d);
    expect(worked).toEqual([8, 9, 10]);
  });

  it('a start during 国庆 counts from the first working day after it', () => {
    expect(days(local(2026, 10, 3, 10, 0), 1)).toBe('2026-10-08 17:30 Thu');
    expect(days(local(2026, 10, 3, 10, 0), 3)).toBe('2026-10-10 17:30 Sat');
  });

  it('a clock started on a Friday evening: the start day does not count, the weekend does not either', () => {
    expect(days(local(2026, 11, 20, 19, 0), 3)).toBe('2026-11-25 17:30 Wed');
    // Time of day on the start date does not matter.
    expect(days(local(2026, 11, 20, 8, 0), 3)).toBe('2026-11-25 17:30 Wed');
    expect(days(local(2026, 11, 20, 23, 59), 3)).toBe('2026-11-25 17:30 Wed');
    // A start on the weekend counts from Monday as day 1: the same deadline.
    expect(days(local(2026, 11, 21, 10, 0), 3)).toBe('2026-11-25 17:30 Wed');
  });

  it('a request at 23:00 on the Friday before 清明 counts from the next working day', () => {
    expect(days(local(2026, 4, 3, 23, 0), 1)).toBe('2026-04-07 17:30 Tue');
    expect(days(local(2026, 4, 3, 23, 0), 3)).toBe('2026-04-09 17:30 Thu');
  });

  it('an adjusted working Sunday counts as a working day', () => {
    // Friday 09-18 23:00: Saturday 09-19 off, Sunday 09-20 worked (1), Monday (2), Tuesday (3).
    expect(days(local(2026, 9, 18, 23, 0), 3)).toBe('2026-09-22 17:30 Tue');
    expect(days(local(2026, 9, 18, 23, 0), 1)).toBe('2026-09-20 17:30 Sun');
  });

  it('15 and 30 working days (大修 / hard cap) across 中秋 and 国庆', () => {
    const start = local(2026, 9, 15, 10, 0); // Tuesday
    expect(days(start, 15)).toBe('2026-10-12 17:30 Mon');
    expect(days(start, 30)).toBe('2026-11-02 17:30 Mon');
    // Ordinary weeks: 15 working days from Monday 11-23 is three weeks on.
    expect(days(T0, 15)).toBe('2026-12-14 17:30 Mon');
  });

  it('a start exactly at opening or closing counts from the next working day all the same', () => {
    expect(days(local(2026, 11, 23, 8, 30), 1)).toBe('2026-11-24 17:30 Tue');
    expect(days(local(2026, 11, 23, 17, 30), 1)).toBe('2026-11-24 17:30 Tue');
  });

  it('the start date is the business-zone date, up to the millisecond before local midnight', () => {
    expect(days(local(2026, 10, 7, 23, 59) + 59_999, 1)).toBe('2026-10-08 17:30 Thu');
    expect(days(local(2026, 10, 8, 0, 0), 1)).toBe('2026-10-09 17:30 Fri');
  });

  it('uses the community\'s closing time', () => {
    expect(days(local(2026, 9, 30, 10, 0), 3, { start: '09:00', end: '18:00' })).toBe('2026-10-10 18:00 Sat');
  });

  it('n = 0 means by closing time today, or of the next working day once today is over', () => {
    expect(days(local(2026, 11, 23, 10, 0), 0)).toBe('2026-11-23 17:30 Mon');
    expect(days(local(2026, 11, 23, 17, 30), 0)).toBe('2026-11-23 17:30 Mon');
    expect(days(local(2026, 11, 23, 17, 31), 0)).toBe('2026-11-24 17:30 Tue');
    expect(days(local(2026, 10, 1, 10, 0), 0)).toBe('2026-10-08 17:30 Thu');
  });

  it('rejects a negative or fractional n', () => {
    expect(() => addWorkingDays(T0, -1, H, CN, D)).toThrow(RangeError);
    expect(() => addWorkingDays(T0, 1.5, H, CN, D)).toThrow(RangeError);
    expect(() => addWorkingDays(NaN, 1, H, CN, D)).toThrow(RangeError);
  });

  itWithLibrary('property: the deadline is closing time of a working day with exactly n working days after the start date', () => {
    const from = local(2026, 1, 1);
    const to = local(2026, 11, 1);
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 0, max: 30 }), (start, n) => {
        const due = addWorkingDays(start, n, H, CN, D);
        expect(formatLocal(due, CN, 'HH:mm')).toBe('17:30');
        expect(libraryWorkday(due)).toBe(true);
        const startDay = Math.floor((start + CN * MINUTE) / DAY);
        const dueDay = Math.floor((due + CN * MINUTE) / DAY);
        let counted = 0;
        for (let d = startDay + 1; d <= dueDay; d += 1) if (libraryWorkday(d * DAY - CN * MINUTE)) counted += 1;
        if (n > 0) expect(counted).toBe(n);
        else expect(counted).toBe(dueDay === startDay ? 0 : 1);
      }),
      { numRuns: 300 },
    );
  });
});

describe('addWorkingMinutes: only minutes inside working hours on working days', () => {
  const minutes = (start: number, m: number, hours: WorkingHours = H) => at(addWorkingMinutes(start, m, hours, CN, D));

  it('pauses over a night', () => {
    // Monday 16:30 + 8 working hours: 1 h on Monday, 7 h from Tuesday 08:30.
    expect(minutes(local(2026, 11, 23, 16, 30), 8 * 60)).toBe('2026-11-24 15:30 Tue');
  });

  it('pauses over a weekend', () => {
    // Friday 16:00 + 8 working hours: 1.5 h on Friday, 6.5 h from Monday 08:30.
    expect(minutes(local(2026, 11, 20, 16, 0), 8 * 60)).toBe('2026-11-23 15:00 Mon');
  });

  it('pauses over 国庆 and resumes on the Thursday after', () => {
    expect(minutes(local(2026, 9, 30, 17, 0), 60)).toBe('2026-10-08 09:00 Thu');
  });

  it('runs on an adjusted working Sunday', () => {
    expect(minutes(local(2026, 9, 19, 10, 0), 60)).toBe('2026-09-20 09:30 Sun');
  });

  it('a start outside working hours begins at the next opening', () => {
    expect(minutes(local(2026, 11, 23, 7, 0), 30)).toBe('2026-11-23 09:00 Mon');
    expect(minutes(local(2026, 11, 21, 10, 0), 30)).toBe('2026-11-23 09:00 Mon');
    expect(minutes(local(2026, 11, 23, 22, 0), 30)).toBe('2026-11-24 09:00 Tue');
  });

  it('start exactly at opening: a full working day ends at closing the same day, not the next morning', () => {
    expect(minutes(local(2026, 11, 23, 8, 30), 9 * 60)).toBe('2026-11-23 17:30 Mon');
    expect(minutes(local(2026, 11, 23, 8, 30), 9 * 60 + 1)).toBe('2026-11-24 08:31 Tue');
  });

  it('start exactly at closing: counting begins at the next opening', () => {
    expect(minutes(local(2026, 11, 23, 17, 30), 1)).toBe('2026-11-24 08:31 Tue');
    expect(minutes(local(2026, 11, 23, 17, 29), 1)).toBe('2026-11-23 17:30 Mon');
  });

  it('zero minutes: the start itself inside working hours, the next opening outside', () => {
    expect(addWorkingMinutes(local(2026, 11, 23, 10, 0), 0, H, CN, D)).toBe(local(2026, 11, 23, 10, 0));
    expect(minutes(local(2026, 11, 23, 17, 30), 0)).toBe('2026-11-24 08:30 Tue');
  });

  it('uses the community\'s hours, including round-the-clock hours on working days', () => {
    expect(minutes(local(2026, 11, 23, 17, 0), 90, { start: '09:00', end: '18:00' })).toBe('2026-11-24 09:30 Tue');
    expect(minutes(local(2026, 11, 23, 23, 0), 120, { start: '00:00', end: '24:00' })).toBe('2026-11-24 01:00 Tue');
    expect(minutes(local(2026, 11, 20, 23, 0), 120, { start: '00:00', end: '24:00' })).toBe('2026-11-23 01:00 Mon');
  });

  it('rejects negative or non-finite minutes', () => {
    expect(() => addWorkingMinutes(T0, -1, H, CN, D)).toThrow(RangeError);
    expect(() => addWorkingMinutes(T0, Infinity, H, CN, D)).toThrow(RangeError);
  });

  itWithLibrary('property: exactly the requested working minutes lie between start and deadline, and no more', () => {
    const from = local(2026, 1, 1);
    const to = local(2026, 11, 1);
    /** Working milliseconds in [a, b), by the library's working days and the default hours. */
    const workingMsBetween = (a: number, b: number): number => {
      let total = 0;
      for (let day = Math.floor((a + CN * MINUTE) / DAY); day * DAY - CN * MINUTE < b; day += 1) {
        const midnight = day * DAY - CN * MINUTE;
        if (!libraryWorkday(midnight)) continue;
        const open = midnight + (8 * 60 + 30) * MINUTE;
        const close = midnight + (17 * 60 + 30) * MINUTE;
        total += Math.max(0, Math.min(b, close) - Math.max(a, open));
      }
      return total;
    };
    fc.assert(
      fc.property(fc.integer({ min: from, max: to }), fc.integer({ min: 1, max: 20 * 9 * 60 }), (start, m) => {
        const due = addWorkingMinutes(start, m, H, CN, D);
        expect(workingMsBetween(start, due)).toBe(m * MINUTE);
        // Minimal: the last minute before the deadline is working time (the deadline is not at an opening).
        expect(isWorkingTime(due - 1, H, CN, D)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('dueAfter: each clock says how it counts', () => {
  const calendar = { offsetMinutes: CN, hours: H, days: D };
  const start = local(2026, 11, 20, 16, 0); // Friday

  it('calendar minutes run day and night', () => {
    expect(dueAfter(start, { unit: 'minutes', amount: 8 * 60 }, calendar)).toBe(start + 8 * HOUR);
  });

  it('working minutes pause outside working hours', () => {
    expect(at(dueAfter(start, { unit: 'workingMinutes', amount: 8 * 60 }, calendar))).toBe('2026-11-23 15:00 Mon');
  });

  it('working days end at closing time', () => {
    expect(at(dueAfter(start, { unit: 'workingDays', amount: 3 }, calendar))).toBe('2026-11-25 17:30 Wed');
  });
});

describe("the machine's time zone plays no part", () => {
  // Instants around the local midnights where the calendar changes, and early-morning China times
  // that are still the previous day west of UTC.
  const STARTS = [
    local(2026, 9, 19, 23, 59), local(2026, 9, 20, 0, 0), local(2026, 9, 20, 7, 0),
    local(2026, 9, 30, 17, 0), local(2026, 9, 30, 23, 59), local(2026, 10, 1, 0, 0), local(2026, 10, 1, 9, 0),
    local(2026, 10, 7, 23, 59), local(2026, 10, 8, 0, 0), local(2026, 10, 8, 8, 0), local(2026, 10, 8, 9, 0),
    local(2026, 10, 9, 20, 0), local(2026, 10, 10, 0, 30), local(2026, 10, 10, 12, 0), local(2026, 10, 11, 3, 0),
    local(2026, 4, 3, 23, 0), local(2026, 11, 20, 19, 0),
  ];
  const MODULE = path.resolve(__dirname, '../../../src/core/sla/calendar.ts');
  const HOLIDAYS_MODULE = path.resolve(__dirname, '../../../src/core/sla/holidays.ts');
  const TSX = path.resolve(__dirname, '../../../node_modules/tsx/dist/cli.mjs');
  const probe = `
    import * as c from ${JSON.stringify(MODULE)};
    import { CHINESE_DAYS_CALENDAR as D } from ${JSON.stringify(HOLIDAYS_MODULE)};
    const H = c.DEFAULT_WORKING_HOURS;
    const starts: number[] = ${JSON.stringify(STARTS)};
    console.log(JSON.stringify(starts.map((s) => [
      c.isWorkingDay(s, 480, D), c.nextOpening(s, H, 480, D), c.endOfWorkingDay(s, H, 480),
      c.addWorkingDays(s, 0, H, 480, D), c.addWorkingDays(s, 3, H, 480, D), c.addWorkingMinutes(s, 480, H, 480, D),
    ])));`;
  const inProcess = () =>
    STARTS.map((s) => [
      isWorkingDay(s, CN, D), nextOpening(s, H, CN, D), endOfWorkingDay(s, H, CN),
      addWorkingDays(s, 0, H, CN, D), addWorkingDays(s, 3, H, CN, D), addWorkingMinutes(s, 480, H, CN, D),
    ]);
  const runIn = (tz: string) =>
    new Promise<unknown>((resolve, reject) => {
      execFile(process.execPath, [TSX, '-e', probe], { env: { ...process.env, TZ: tz } }, (error, stdout, stderr) =>
        error ? reject(new Error(`${tz}: ${stderr || error.message}`)) : resolve(JSON.parse(stdout)),
      );
    });

  it('one minute either side of a local midnight: the business-zone date decides, not the machine\'s or UTC\'s', () => {
    // Each pair is one minute apart around a local midnight; the date, not UTC's, decides.
    expect(isWorkingDay(local(2026, 9, 30, 23, 59), CN, D)).not.toBe(isWorkingDay(local(2026, 10, 1, 0, 0), CN, D));
    expect(nextOpening(local(2026, 9, 30, 23, 59), H, CN, D)).toBe(nextOpening(local(2026, 10, 1, 0, 0), H, CN, D));
    expect(addWorkingDays(local(2026, 10, 9, 23, 59), 1, H, CN, D)).toBe(addWorkingDays(local(2026, 10, 10, 0, 0), 0, H, CN, D));
  });

  it('in processes whose TZ is New York, Shanghai, Kiritimati (UTC+14) and St John\'s (UTC−3:30)', async () => {
    const expected = inProcess();
    const zones = ['America/New_York', 'Asia/Shanghai', 'Pacific/Kiritimati', 'America/St_Johns'];
    const results = await Promise.all(zones.map(runIn));
    results.forEach((result, i) => expect([zones[i], result]).toEqual([zones[i], expected]));
  });
});
