/**
 * 节假日安排 through the real `admin` function on the local stack: a year nobody kept is shown as
 * chinese-days has it or as the law's estimate (预估); the sweep keeps this year and next; the
 * manager corrects and confirms a year, every change lands in the admin trail, bad edits change
 * nothing, and the supervisor reads but cannot change it. The home notice of the manager and the
 * supervisor goes once the year is confirmed.
 */
import { formatLocal } from '@/core/sla/time';
import { FRONT_DESK, MANAGER, OWNER, SUPERVISOR, startTestStack, type TestStack } from './local-stack';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const thisYear = Number(formatLocal(Date.now(), 480, 'YYYY'));
const next = thisYear + 1;
const kept = async () => ((await s.db.collection('calendar').get()).data ?? []) as { _id: string; source: string; version: number }[];
const trail = async () => ((await s.db.collection('admin_log').get()).data ?? []) as { subject: string; summary: string }[];

describe('节假日安排', () => {
  it('a year nobody kept is shown from the law, marked 预估, with version 0', async () => {
    const { calendar } = await s.must(MANAGER)('admin.calendar', { year: 2027 });
    expect(calendar).toMatchObject({ year: 2027, source: 'estimate', confirmed: false, version: 0, mayEdit: true });
    expect(calendar.holidays.map((d) => d.date)).toEqual(expect.arrayContaining(['2027-01-01', '2027-02-05', '2027-02-10', '2027-10-01']));
    const seen = await s.must(SUPERVISOR)('admin.calendar', { year: 2026 });
    expect(seen.calendar).toMatchObject({ source: 'official', confirmed: true, mayEdit: false });
  });

  it('the sweep keeps this year and next year, once', async () => {
    const timer = () => s.post('sweep', { Type: 'Timer', TriggerName: 'everyMinute', Time: new Date().toISOString(), Message: '' });
    expect((await timer()).ok).toBe(true);
    expect((await timer()).ok).toBe(true);
    const years = (await kept()).map((d) => d._id).sort();
    expect(years).toEqual([String(thisYear), String(next)]);
  });

  it('bad edits get a clear message and change nothing', async () => {
    const before = { kept: await kept(), trail: await trail() };
    const { calendar } = await s.must(MANAGER)('admin.calendar', { year: next });
    const base = { year: next, holidays: calendar.holidays, workdays: calendar.workdays, version: calendar.version };
    const day = (md: string) => ({ date: `${next}-${md}`, name: '春节' });
    const cases: [object, string][] = [
      [{ ...base, holidays: [...calendar.holidays, calendar.holidays[0]!] }, '重复出现了两次'],
      [{ ...base, workdays: [{ date: firstWeekday(next), name: '春节' }] }, '本来就是工作日，不需要设为调休上班'],
      [{ ...base, year: thisYear + 5 }, `只能编辑${thisYear - 1}年至${thisYear + 2}年的节假日安排`],
      [{ ...base, holidays: [day('02-30')] }, '不是有效日期'],
      [{ ...base, version: calendar.version + 7 }, '节假日安排刚刚已被修改，请刷新后重试'],
    ];
    for (const [input, message] of cases) {
      const reply = await s.as(MANAGER)('admin.saveCalendar', input as never);
      expect(reply).toMatchObject({ ok: false });
      if (!reply.ok) expect(reply.message).toContain(message);
    }
    const refused = await s.as(SUPERVISOR)('admin.saveCalendar', { ...base, confirm: true });
    expect(refused).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN', message: '只有项目负责人可以修改节假日安排' });
    for (const who of [FRONT_DESK, OWNER]) expect(await s.as(who)('admin.calendar', { year: next })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect({ kept: await kept(), trail: await trail() }).toEqual(before);
  });

  it('the manager confirms a year: saved on its version, in the trail, and the home notice goes', async () => {
    const noticesOf = async (who: string) => (await s.must(who)('session.whoami', {})).notices.map((n) => n.text);
    const { calendar } = await s.must(MANAGER)('admin.calendar', { year: thisYear });
    const unconfirmed = [thisYear, next].filter((y) => y !== thisYear || !calendar.confirmed);
    expect(await noticesOf(SUPERVISOR)).toEqual(expect.arrayContaining(unconfirmed.filter((y) => y === thisYear).map((y) => `${y}年节假日安排尚未确认`)));

    for (const year of [thisYear, next]) {
      const shown = (await s.must(MANAGER)('admin.calendar', { year })).calendar;
      const extra = { date: firstWeekday(year, 11), name: '公司调整' };
      const { calendar: saved } = await s.must(MANAGER)('admin.saveCalendar', { year, holidays: [...shown.holidays, extra], workdays: shown.workdays, confirm: true, version: shown.version });
      expect(saved).toMatchObject({ source: 'manager', confirmed: true, version: shown.version + 1, updatedByName: '吴经理' });
      expect(saved.trail[0]!.summary).toContain(`新增放假 ${Number(extra.date.slice(5, 7))}月${Number(extra.date.slice(8, 10))}日`);
      // A second save on the old version is refused: someone changed it since.
      const stale = await s.as(MANAGER)('admin.saveCalendar', { year, holidays: shown.holidays, workdays: shown.workdays, version: shown.version });
      expect(stale).toMatchObject({ ok: false, code: 'CALENDAR.VERSION_CONFLICT' });
    }
    expect((await trail()).map((e) => e.subject).sort()).toEqual([`calendar.${thisYear}`, `calendar.${next}`]);
    expect(await noticesOf(SUPERVISOR)).toEqual([]);
    expect(await noticesOf(MANAGER)).toEqual([]);
  });
});

/** The first Monday–Friday of a month of a year (a day that is not a 调休 candidate). */
function firstWeekday(year: number, month = 3): string {
  for (let d = 1; ; d += 1) {
    const date = new Date(Date.UTC(year, month - 1, d));
    if (date.getUTCDay() >= 1 && date.getUTCDay() <= 5) return date.toISOString().slice(0, 10);
  }
}
