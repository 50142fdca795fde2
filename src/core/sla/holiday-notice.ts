/**
 * Reads the State Council's yearly notice (国务院办公厅关于XXXX年部分节假日安排的通知) as the manager
 * pastes it: each item 「二、春节：2月15日（…）至23日（…）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。」
 * gives days off (放假, and 补休 in older notices) and adjusted working days (上班). The heading,
 * the greeting and the closing paragraphs carry no item heading and are ignored.
 *
 * A date without a year belongs to the `year` the manager is entering (the end of a range: to the
 * start's year); a date with one (「2025年12月31日」) keeps it, and the caller decides what to do
 * with days of another year. A date without a month takes the month of the date before it.
 *
 * Everything the manager may get wrong is answered in Chinese: an impossible date, a range that does
 * not match its 「共N天」, a day both off and worked, or a text with no arrangement in it.
 */
import { dateOfDay as format, dayNumber } from './day-number';
import type { CalendarDay } from './holidays';


export type HolidayNoticeResult =
  | { ok: true; holidays: CalendarDay[]; workdays: CalendarDay[] }
  | { ok: false; message: string };

export const NOTHING_FOUND = '没有识别到放假安排，请粘贴国务院办公厅的通知原文';

const NAMES = '元旦|春节|清明节|劳动节|端午节|中秋节|国庆节';
// An item's heading: the holidays' names (「国庆节、中秋节」 for a combined item) and a colon. A
// numbered heading (「八、」) may name some other day off.
const NAMED = `(?:[一二三四五六七八九十]+、)?((?:${NAMES})(?:[、和](?:${NAMES}))*)[：:]`;
const NUMBERED = `[一二三四五六七八九十]+、([^：:，。、]{1,40})[：:]`;
const HEADING = new RegExp(`${NAMED}|${NUMBERED}`, 'g');
const DATE = '(?:\\d{4}年)?(?:\\d{1,2}月)?\\d{1,2}日';
// A range or a list of dates, then what they are (「调休放假」 in some notices). Parentheses are
// removed beforehand.
const GROUP = new RegExp(`(${DATE})(?:(?:至|到|[-—–~～])(${DATE})|((?:[、，,]${DATE})*))(?:调休)?(放假|补休|上班)`, 'g');
const PARTS = /^(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日$/;
const COUNT = /(?:共|放假)(\d+)天/;

const chinese = (day: number): string => {
  const [y, m, d] = format(day).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** Full-width digits and spaces as half-width, parentheses and what they hold removed, no whitespace. */
const normalize = (text: string): string =>
  text
    .replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[（(][^（()）]*[)）]/g, '')
    .replace(/\s+/g, '');

class NoticeError extends Error {}

interface Ymd { y: number; m: number; d: number }

/**
 * One date of an item. Left out, the month is the date's before it in the same range or list
 * (「2月14日、28日」), and the year is `year`, or the start's for the end of a range (「2012年1月1日至3日」).
 */
const dateOf = (raw: string, item: string, year: number, before?: Ymd, rangeEnd = false): Ymd => {
  const [, ys, ms, ds] = PARTS.exec(raw) ?? [];
  if (!ms && !before) throw new NoticeError(`${item}："${raw}"没有写月份`);
  const y = ys ? Number(ys) : before && (rangeEnd || !ms) ? before.y : year;
  const m = ms ? Number(ms) : before!.m;
  const d = Number(ds);
  const days = m >= 1 && m <= 12 ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 0;
  if (d < 1 || d > days) throw new NoticeError(`${item}：${ys ? `${y}年` : ''}${m}月${d}日不是有效日期`);
  return { y, m, d };
};
const dayOf = ({ y, m, d }: Ymd): number => dayNumber(y, m, d);

/** One item's days off and worked days, its 「共N天」 checked against the days off. */
const parseItem = (name: string, body: string, year: number) => {
  const off = new Set<number>();
  const worked = new Set<number>();
  for (const [, from, to, list, kind] of body.matchAll(GROUP)) {
    const days: number[] = [];
    const start = dateOf(from, name, year);
    if (to !== undefined) {
      const [first, last] = [dayOf(start), dayOf(dateOf(to, name, year, start, true))];
      if (last < first) throw new NoticeError(`${name}：${from}至${to}，结束日期早于开始日期`);
      for (let d = first; d <= last; d += 1) days.push(d);
    } else {
      let date = start;
      days.push(dayOf(start));
      for (const raw of list.match(new RegExp(DATE, 'g')) ?? []) {
        date = dateOf(raw, name, year, date);
        days.push(dayOf(date));
      }
    }
    for (const d of days) (kind === '上班' ? worked : off).add(d);
  }
  const count = COUNT.exec(body);
  if (count && off.size > 0 && Number(count[1]) !== off.size) {
    throw new NoticeError(`${name}：放假日期共${off.size}天，与"${count[0]}"不符`);
  }
  return { off, worked };
};

/**
 * The days off and adjusted working days of a pasted notice, sorted by date, each named after its
 * item (a combined item keeps its combined name, e.g. '国庆节、中秋节'); or a message saying what is wrong.
 */
export const parseHolidayNotice = (text: string, year: number): HolidayNoticeResult => {
  const clean = normalize(text);
  const headings = [...clean.matchAll(HEADING)];
  const holidays = new Map<number, string>();
  const workdays = new Map<number, string>();
  try {
    headings.forEach((h, i) => {
      const name = h[1] ?? h[2];
      const body = clean.slice(h.index! + h[0].length, headings[i + 1]?.index ?? clean.length);
      const { off, worked } = parseItem(name, body, year);
      for (const d of off) if (!holidays.has(d)) holidays.set(d, name);
      for (const d of worked) if (!workdays.has(d)) workdays.set(d, name);
    });
  } catch (error) {
    if (error instanceof NoticeError) return { ok: false, message: error.message };
    throw error;
  }
  const both = [...holidays.keys()].filter((d) => workdays.has(d)).sort((a, b) => a - b);
  if (both.length > 0) {
    return { ok: false, message: `${chinese(both[0])}既写了放假又写了上班，请核对通知原文` };
  }
  if (holidays.size === 0) return { ok: false, message: NOTHING_FOUND };
  const list = (days: Map<number, string>): CalendarDay[] =>
    [...days.entries()].sort(([a], [b]) => a - b).map(([day, name]) => ({ date: format(day), name }));
  return { ok: true, holidays: list(holidays), workdays: list(workdays) };
};
