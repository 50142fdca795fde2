/**
 * The working calendar as data: a year chinese-days does not know (2027) is estimated from the
 * law, clocks count its holidays, the manager confirms or corrects it, and the edit rules refuse
 * what cannot be right. Instants from `local()` (China wall-clock time).
 */
import { addWorkingDays, isWorkingDay } from '@/core/sla/calendar';
import { calendarChange, checkCalendarEdit, describeCalendarChange } from '@/core/sla/calendar-edit';
import { publicRepairDue } from '@/core/sla/clocks';
import { estimateYear } from '@/core/sla/holiday-estimate';
import { parseHolidayNotice } from '@/core/sla/holiday-notice';
import { CHINESE_DAYS_CALENDAR, officialYears, unconfirmedYearNotice, unconfirmedYears, workCalendarOf, type CalendarYear } from '@/core/sla/holidays';
import { DEFAULT_POLICY } from '@/core/sla/policy';
import { formatLocal } from '@/core/sla/time';
import { local } from '../fixtures';

const CN = 8 * 60;
const at = (ms: number) => formatLocal(ms, CN, 'YYYY-MM-DD HH:mm');
const estimated2027 = workCalendarOf([...officialYears(), estimateYear(2027)]);

describe('2027: estimated until the notice is in', () => {
  it('a public medium repair classified 2026-12-31 16:52 is due 2027-01-06 17:30 with the estimated 元旦', () => {
    const classified = local(2026, 12, 31, 16, 52);
    expect(at(publicRepairDue('medium', classified, { ...DEFAULT_POLICY, calendar: estimated2027 }))).toBe('2027-01-06 17:30');
    // Without the estimate 1 January would count as a working day.
    expect(at(publicRepairDue('medium', classified, { ...DEFAULT_POLICY, calendar: CHINESE_DAYS_CALENDAR }))).toBe('2027-01-05 17:30');
  });

  it('Spring Festival 2027 is estimated from the law (除夕 to 初三, and 补假 for the weekend), then confirmed from the notice', () => {
    const spring = estimateYear(2027).holidays.filter((d) => d.name === '春节').map((d) => d.date);
    expect(spring).toEqual(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08', '2027-02-09', '2027-02-10']);
    expect(isWorkingDay(local(2027, 2, 11, 10), CN, estimated2027)).toBe(true);

    // The manager pastes the notice (as the State Council might word it): 8 days, two Saturdays worked.
    const notice = parseHolidayNotice('二、春节：2月5日（农历除夕、周五）至12日（农历正月初七、周五）放假调休，共8天。2月20日（周六）上班。', 2027);
    if (!notice.ok) throw new Error(notice.message);
    const confirmed: CalendarYear = { ...estimateYear(2027), holidays: notice.holidays, workdays: notice.workdays, source: 'manager', confirmed: true };
    const days = workCalendarOf([...officialYears(), confirmed]);
    expect(isWorkingDay(local(2027, 2, 11, 10), CN, days)).toBe(false);
    expect(isWorkingDay(local(2027, 2, 20, 10), CN, days)).toBe(true); // Saturday 调休上班
    // A 3-working-day clock started the day before the holiday runs past it (Mon 15, Tue 16, Wed 17),
    // and one started on Wednesday 17 counts the worked Saturday (Thu 18, Fri 19, Sat 20).
    expect(at(addWorkingDays(local(2027, 2, 4, 10), 3, DEFAULT_POLICY.workingHours, CN, days))).toBe('2027-02-17 17:30');
    expect(at(addWorkingDays(local(2027, 2, 17, 10), 3, DEFAULT_POLICY.workingHours, CN, days))).toBe('2027-02-20 17:30');
    expect(unconfirmedYears(days, '2026-12-07')).toEqual([]);
  });

  it('asks for next year from 1 December, and for this year whenever it is not confirmed', () => {
    expect(unconfirmedYears(estimated2027, '2026-11-30')).toEqual([]);
    expect(unconfirmedYears(estimated2027, '2026-12-01')).toEqual([2027]);
    expect(unconfirmedYears(estimated2027, '2027-03-01')).toEqual([2027]);
    expect(unconfirmedYearNotice(2027)).toBe('2027年节假日安排尚未确认');
  });
});

describe('the manager’s edits', () => {
  const edit = (holidays: { date: string; name: string }[], workdays: { date: string; name: string }[] = [], year = 2027) => checkCalendarEdit({ year, holidays, workdays }, 2026);

  it('accepts a sound year', () => {
    expect(edit([{ date: '2027-01-01', name: '元旦' }], [{ date: '2027-02-20', name: '春节' }])).toBeNull();
  });

  it.each([
    ['a date twice', edit([{ date: '2027-01-01', name: '元旦' }, { date: '2027-01-01', name: '元旦' }]), '1月1日重复出现了两次'],
    ['off and worked', edit([{ date: '2027-02-20', name: '春节' }], [{ date: '2027-02-20', name: '春节' }]), '2月20日不能既放假又调休上班'],
    ['a 调休 day that is a weekday already', edit([], [{ date: '2027-02-17', name: '春节' }]), '2月17日（周三）本来就是工作日，不需要设为调休上班'],
    ['a year out of range', edit([], [], 2030), '只能编辑2025年至2028年的节假日安排'],
    ['a date of another year', edit([{ date: '2028-01-01', name: '元旦' }]), '2028-01-01 不在2027年内'],
    ['a date that does not exist', edit([{ date: '2027-02-30', name: '春节' }]), '2027-02-30 不是有效日期'],
  ])('refuses %s with a clear message', (_what, problem, message) => {
    expect(problem).toBe(message);
  });

  it('describes a change for the admin trail', () => {
    const before = estimateYear(2027);
    const after = { year: 2027, holidays: [...before.holidays, { date: '2027-02-11', name: '春节' }], workdays: [{ date: '2027-02-20', name: '春节' }] };
    expect(describeCalendarChange(2027, calendarChange(before, after, true))).toBe('确认2027年节假日安排；新增放假 2月11日；新增调休上班 2月20日');
  });
});
