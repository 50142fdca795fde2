/**
 * formatLocal and localClock against dayjs (utc plugin, `utcOffset`), which they replace in the
 * functions' bundles: the same text for every pattern the code and the tests use and every token, at
 * instants across the years, day boundaries and offsets; and in a process whose TZ is New York.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { dateOfDay } from '@/core/sla/day-number';
import { formatLocal, localClock } from '@/core/sla/time';

dayjs.extend(utc);

const PATTERNS = [
  'YYYY-MM-DD HH:mm',
  'YYYY-MM-DD',
  'YYYYMMDD',
  'YYYY',
  'YYYY-MM',
  'HH:mm',
  'M月D日',
  'M月D日 HH:mm',
  'MM-DD HH:mm',
  'YYYY年M月D日 HH:mm',
  'YYYY-MM-DD HH:mm ddd',
  'YY M MM MMM MMMM D DD d dd ddd dddd H HH h hh a A m mm s ss SSS Z ZZ',
  '[YYYY] [at] YYYY-MM-DDTHH:mm:ss.SSS',
  'Y YYY [[x]] T',
];
const OFFSETS = [480, 0, -300, 330, 600];

/** Instants from 1901 to 2099, each at a different time of day, plus midnights and their last millisecond. */
const instants = (): number[] => {
  const out: number[] = [];
  for (let i = 0; i < 400; i += 1) out.push(Date.UTC(1901 + Math.floor(i / 2), i % 12, 1 + (i % 28), (i * 7) % 24, (i * 13) % 60, (i * 17) % 60, (i * 37) % 1000));
  for (const day of [Date.UTC(2026, 0, 1), Date.UTC(2026, 1, 28), Date.UTC(2028, 1, 29), Date.UTC(2026, 11, 31)]) {
    for (const offset of OFFSETS) out.push(day - offset * 60_000, day - offset * 60_000 - 1);
  }
  return out;
};

describe('formatLocal', () => {
  it('formats as dayjs does, for every pattern, offset and instant', () => {
    for (const ms of instants()) {
      for (const offset of OFFSETS) {
        for (const pattern of PATTERNS) {
          expect([ms, offset, pattern, formatLocal(ms, offset, pattern)]).toEqual([ms, offset, pattern, dayjs.utc(ms).utcOffset(offset).format(pattern)]);
        }
        expect(formatLocal(ms, offset)).toBe(dayjs.utc(ms).utcOffset(offset).format('YYYY-MM-DD HH:mm'));
      }
    }
  });

  it('answers Invalid Date for an instant that is none, as dayjs does', () => {
    expect(formatLocal(NaN, 480)).toBe(dayjs.utc(NaN).utcOffset(480).format('YYYY-MM-DD'));
  });
});

describe('localClock', () => {
  it('answers the business zone\'s minute of the day and ISO weekday, as dayjs does', () => {
    for (const ms of instants()) {
      for (const offset of OFFSETS) {
        const d = dayjs.utc(ms).utcOffset(offset);
        expect([ms, offset, localClock(ms, offset)]).toEqual([ms, offset, { minuteOfDay: d.hour() * 60 + d.minute(), weekday: d.day() === 0 ? 7 : d.day() }]);
      }
    }
  });
});

describe('dateOfDay', () => {
  it('is the UTC date of the day number, as dayjs formats it', () => {
    for (let day = -25_000; day <= 47_000; day += 97) expect(dateOfDay(day)).toBe(dayjs.utc(day * 86_400_000).format('YYYY-MM-DD'));
  });
});

describe('in a process whose TZ is New York', () => {
  it('formats the same text and reads the same clock', async () => {
    const MODULE = path.resolve(__dirname, '../../../src/core/sla/time.ts');
    const TSX = path.resolve(__dirname, '../../../node_modules/tsx/dist/cli.mjs');
    // Around New York's own DST changes (2026-03-08, 2026-11-01) and the business zone's midnight.
    const at = [Date.UTC(2026, 2, 8, 6, 59), Date.UTC(2026, 2, 8, 7, 1), Date.UTC(2026, 10, 1, 5, 30), Date.UTC(2026, 10, 1, 16, 0), Date.UTC(2026, 11, 31, 15, 59, 59, 999)];
    const probe = `import { formatLocal, localClock } from ${JSON.stringify(MODULE)};
      console.log(JSON.stringify(${JSON.stringify(at)}.map((ms) => [formatLocal(ms, 480, 'YYYY-MM-DD HH:mm:ss.SSS d'), localClock(ms, 480)])));`;
    const result = await new Promise<unknown>((resolve, reject) => {
      execFile(process.execPath, [TSX, '-e', probe], { env: { ...process.env, TZ: 'America/New_York' } }, (error, stdout, stderr) =>
        error ? reject(new Error(stderr || error.message)) : resolve(JSON.parse(stdout)),
      );
    });
    expect(result).toEqual(
      at.map((ms) => {
        const d = dayjs.utc(ms).utcOffset(480);
        return [d.format('YYYY-MM-DD HH:mm:ss.SSS d'), { minuteOfDay: d.hour() * 60 + d.minute(), weekday: d.day() === 0 ? 7 : d.day() }];
      }),
    );
  });
});
