import type { ActionOutput, ParsedInput } from '../../core/contract/actions';
import type { CalendarYearView } from '../../core/contract/admin-actions';
import { DomainError } from '../../core/errors';
import { calendarChange, checkCalendarEdit, describeCalendarChange, editableYears, normalizedDays } from '../../core/sla/calendar-edit';
import type { CalendarYear } from '../../core/sla/holidays';
import type { Policy } from '../../core/sla/policy';
import { formatLocal } from '../../core/sla/time';
import type { StaffMember } from '../../core/routing/staff';
import { forgetCalendar } from '../calendar-cache';
import type { Deps, StoredCalendarYear } from '../ports';
import { unkeptYear } from './calendar-seed';
import { requireOverseer } from './overseer';

/** How many changes of a year the screen lists. */
const TRAIL_SHOWN = 20;

const subjectOf = (year: number) => `calendar.${year}`;
const thisYearOf = (deps: Deps, policy: Policy) => Number(formatLocal(deps.now(), policy.utcOffsetMinutes, 'YYYY'));

/** Only the manager (项目负责人) changes the calendar; the supervisor reads it. */
const mayEdit = (me: StaffMember) => me.role === 'manager';

const viewOf = async (deps: Deps, policy: Policy, me: StaffMember, year: number, kept: StoredCalendarYear | null): Promise<CalendarYearView> => {
  const shown: CalendarYear = kept ?? unkeptYear(year);
  const { from, to } = editableYears(thisYearOf(deps, policy));
  const trail = await deps.adminTrail.list(subjectOf(year), TRAIL_SHOWN);
  return {
    year,
    holidays: shown.holidays,
    workdays: shown.workdays,
    source: shown.source,
    confirmed: shown.confirmed,
    version: kept?.version ?? 0,
    updatedAt: kept?.updatedBy ? kept.updatedAt : null,
    updatedByName: kept?.updatedBy?.name ?? null,
    mayEdit: mayEdit(me),
    editableFrom: from,
    editableTo: to,
    trail: trail.map((e) => ({ at: e.at, byName: e.by.name, summary: e.summary })),
  };
};

/** 节假日安排: a year as kept, or as it would be (chinese-days' data, or the estimate) when nobody kept it yet. */
export const calendarYear = async (deps: Deps, policy: Policy, openid: string, year: number): Promise<ActionOutput<'admin.calendar'>> => {
  const me = await requireOverseer(deps, openid, '查看节假日安排');
  return { calendar: await viewOf(deps, policy, me, year, await deps.calendarEdits.get(year)) };
};

/**
 * The manager saves a year's arrangement (tapped days or a pasted notice), optionally confirming
 * it. Checked first (nothing is written for a bad edit), saved on the version the manager saw,
 * then recorded in the admin trail; this instance reads the calendar again on its next call and
 * every other instance within `CALENDAR_TTL_MS`.
 */
export const saveCalendarYear = async (deps: Deps, policy: Policy, openid: string, input: ParsedInput<'admin.saveCalendar'>): Promise<ActionOutput<'admin.saveCalendar'>> => {
  const me = await requireOverseer(deps, openid, '查看节假日安排');
  if (!mayEdit(me)) throw new DomainError('AUTH.FORBIDDEN', '只有项目负责人可以修改节假日安排');
  const problem = checkCalendarEdit(input, thisYearOf(deps, policy));
  if (problem) throw new DomainError('INPUT.INVALID', problem);

  const kept = await deps.calendarEdits.get(input.year);
  if ((kept?.version ?? 0) !== input.version) throw new DomainError('CALENDAR.VERSION_CONFLICT');
  const before = kept ?? unkeptYear(input.year);
  const now = deps.now();
  const confirmed = input.confirm || before.confirmed;
  const next: StoredCalendarYear = {
    year: input.year,
    holidays: normalizedDays(input.holidays),
    workdays: normalizedDays(input.workdays),
    source: 'manager',
    confirmed,
    version: input.version + 1,
    updatedAt: now,
    updatedBy: { staffId: me._id, name: me.name },
  };
  const saved = kept ? await deps.calendarEdits.replace(next, kept.version) : await deps.calendarEdits.insert(next);
  if (!saved) throw new DomainError('CALENDAR.VERSION_CONFLICT');

  const change = calendarChange(before, next, input.confirm);
  await deps.adminTrail.append({
    at: now,
    by: { staffId: me._id, name: me.name, role: me.role },
    subject: subjectOf(input.year),
    action: 'admin.saveCalendar',
    summary: describeCalendarChange(input.year, change),
    detail: { ...change, fromSource: before.source, version: next.version },
  });
  forgetCalendar(deps);
  return { calendar: await viewOf(deps, policy, me, input.year, next) };
};
