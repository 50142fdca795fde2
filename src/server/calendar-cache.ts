import { officialYears, unconfirmedYearNotice, unconfirmedYears, workCalendarOf, type WorkCalendar } from '../core/sla/holidays';
import type { Policy } from '../core/sla/policy';
import { formatLocal } from '../core/sla/time';
import type { Deps, StoredCalendarYear } from './ports';

/**
 * The working calendar a warm instance runs with: the years kept in `calendar` over the years the
 * bundle knows from chinese-days. Read once per instance and again after `CALENDAR_TTL_MS`, so a
 * manager's change reaches every function within minutes at one read per instance, not per call.
 */
export const CALENDAR_TTL_MS = 5 * 60_000;
/** After a failed read the bundled years serve, and the read is tried again this much later. */
const RETRY_AFTER_FAILURE_MS = 30_000;

interface Entry {
  /** The instance's calendar generation it was read in (see forgetCalendar). */
  generation: number;
  readAt: number;
  ttl: number;
  kept: StoredCalendarYear[];
  calendar: WorkCalendar;
}

const entries = new WeakMap<Deps, Entry>();
/**
 * Moved on by forgetCalendar: an entry read before is stale for every deps of the instance, not
 * only the one that changed the calendar (each function wires deps of its own, and a local stack
 * runs every function in one process).
 */
let generation = 0;
const BUNDLED = officialYears();
/** Years already warned about by this instance: the log says it once, not on every call. */
const warned = new Set<number>();

const load = async (deps: Deps, now: number): Promise<Entry> => {
  try {
    const kept = await deps.calendar.list();
    return { generation, readAt: now, ttl: CALENDAR_TTL_MS, kept, calendar: workCalendarOf([...BUNDLED, ...kept]) };
  } catch (e) {
    console.error('[calendar] 读取节假日安排失败，暂按内置日历计算', e);
    return { generation, readAt: now, ttl: RETRY_AFTER_FAILURE_MS, kept: [], calendar: workCalendarOf(BUNDLED) };
  }
};

const fresh = (entry: Entry | undefined, now: number): entry is Entry =>
  !!entry && entry.generation === generation && now >= entry.readAt && now - entry.readAt < entry.ttl;

/** The kept years and the calendar built from them, as this instance knows them now. */
export const currentCalendar = async (deps: Deps, policy: Pick<Policy, 'utcOffsetMinutes'>): Promise<Entry> => {
  const now = deps.now();
  let entry = entries.get(deps);
  if (!fresh(entry, now)) {
    entry = await load(deps, now);
    entries.set(deps, entry);
  }
  for (const year of unconfirmedYears(entry.calendar, formatLocal(now, policy.utcOffsetMinutes, 'YYYY-MM-DD'))) {
    if (warned.has(year)) continue;
    warned.add(year);
    const source = entry.calendar.years[year]?.source;
    console.warn(`[calendar] ${unconfirmedYearNotice(year)}：${source === 'estimate' ? '按法定节假日预估计算' : '暂只按周末计算'}，请项目负责人在「节假日安排」中确认`);
  }
  return entry;
};

/** The policy of one call: the deployment's, with the company's working calendar. */
export const withCalendar = async (deps: Deps, policy: Policy): Promise<Policy> => ({
  ...policy,
  calendar: (await currentCalendar(deps, policy)).calendar,
});

/** After this instance changed the calendar: its next call reads it again, in every function it runs. */
export const forgetCalendar = (deps: Deps): void => {
  entries.delete(deps);
  generation += 1;
};
