import dayjs from 'dayjs';
import isoWeek from 'dayjs/plugin/isoWeek';
import utc from 'dayjs/plugin/utc';
import { DEFAULT_POLICY, type KpiPolicy } from '../sla/policy';
import { TEAM_NAMES } from '../tickets/actor';
import { KIND_NAMES } from '../tickets/kinds';
import type { TicketFacts } from './facts';
import { daysBetween } from './scope';
import { figuresOf, type Figures } from './figures';
import { emptyTally, tallyOf, type Tally } from './tally';

dayjs.extend(utc);
dayjs.extend(isoWeek);

export type Dimension = 'community' | 'kind' | 'team' | 'staff';
export type BucketUnit = 'week' | 'month';

export interface Group {
  key: string;
  label: string;
  figures: Figures;
}

/** The group a ticket counts in; null: in none (nobody handled it, for the staff breakdown). */
const keyOf = (f: TicketFacts, dim: Dimension): { key: string; label: string } | null => {
  switch (dim) {
    case 'community':
      return { key: f.community, label: f.community };
    case 'kind':
      return { key: f.kind, label: KIND_NAMES[f.kind] };
    case 'team':
      return { key: f.team, label: TEAM_NAMES[f.team] };
    case 'staff':
      return f.handler ? { key: f.handler.staffId, label: f.handler.name } : null;
  }
};

/**
 * Tallies per group of a dimension. Per staff member, a ticket counts for its handler, but a
 * complaint about a staff member counts against the person it names (by staff id), not against
 * the housekeeper who handles it; a complaint naming nobody by id is only in the totals.
 */
export const tallyBy = (facts: readonly TicketFacts[], dim: Dimension): Map<string, { label: string; tally: Tally }> => {
  const members = new Map<string, { label: string; facts: TicketFacts[] }>();
  for (const f of facts) {
    const k = keyOf(f, dim);
    if (!k) continue;
    const m = members.get(k.key) ?? { label: k.label, facts: [] };
    m.facts.push(f);
    members.set(k.key, m);
  }
  const out = new Map<string, { label: string; tally: Tally }>();
  for (const [key, m] of members) out.set(key, { label: m.label, tally: tallyOf(m.facts) });
  if (dim !== 'staff') return out;
  for (const g of out.values()) g.tally.complaintsAboutStaff = 0;
  for (const f of facts) {
    const about = f.kind === 'complaint' ? f.aboutStaff : null;
    if (!about?.staffId) continue;
    const g = out.get(about.staffId) ?? { label: about.name ?? about.staffId, tally: emptyTally() };
    g.tally.complaintsAboutStaff += 1;
    out.set(about.staffId, g);
  }
  return out;
};

/** Figures per group, largest volume first (then by label). */
export const figuresBy = (facts: readonly TicketFacts[], dim: Dimension, kpi: KpiPolicy = DEFAULT_POLICY.kpi): Group[] =>
  [...tallyBy(facts, dim)]
    .map(([key, g]) => ({ key, label: g.label, figures: figuresOf(g.tally, kpi) }))
    .sort((a, b) => b.figures.volume - a.figures.volume || a.label.localeCompare(b.label, 'zh'));

/**
 * The trend bucket of a business-zone day (YYYY-MM-DD): its ISO week 'YYYY-Www' (weeks start on
 * Monday; the ISO week-year, so 2026-12-31 is in 2026-W53 and 2027-01-01 too) or its month 'YYYY-MM'.
 */
export const bucketOf = (day: string, unit: BucketUnit): string => {
  const d = dayjs.utc(day);
  if (unit === 'month') return d.format('YYYY-MM');
  return `${d.isoWeekYear()}-W${String(d.isoWeek()).padStart(2, '0')}`;
};

/** Every bucket touching [from, to] (days, inclusive), in order: a trend shows empty weeks too. */
export const bucketsBetween = (from: string, to: string, unit: BucketUnit): string[] => [
  ...new Set(daysBetween(from, to).map((day) => bucketOf(day, unit))),
];

/** The facts of tickets created from `from` to `to` (business-zone days, inclusive). */
export const inRange = (facts: readonly TicketFacts[], from: string, to: string): TicketFacts[] =>
  facts.filter((f) => f.day >= from && f.day <= to);

/**
 * The trend of a date range by ISO week or month: a ticket counts in the bucket of the day it was
 * created. Each point is labelled by its first day in the range: '11/23' for a week, '11月' for a
 * month ('2027年1月' when the range spans years).
 */
export const trend = (facts: readonly TicketFacts[], from: string, to: string, unit: BucketUnit, kpi: KpiPolicy = DEFAULT_POLICY.kpi) => {
  const buckets = new Map<string, { first: string; facts: TicketFacts[] }>();
  // Each day's bucket is worked out once, not once per ticket (tickets share a few days).
  const bucketOfDay = new Map<string, string>();
  for (const day of daysBetween(from, to)) {
    const b = bucketOf(day, unit);
    bucketOfDay.set(day, b);
    if (!buckets.has(b)) buckets.set(b, { first: day, facts: [] });
  }
  for (const f of facts) {
    const b = bucketOfDay.get(f.day);
    if (b !== undefined) buckets.get(b)!.facts.push(f);
  }
  const spansYears = from.slice(0, 4) !== to.slice(0, 4);
  const label = (first: string) => {
    const d = dayjs.utc(first);
    if (unit === 'week') return d.format('M/D');
    return spansYears && d.month() === 0 ? d.format('YYYY年M月') : d.format('M月');
  };
  return [...buckets].map(([bucket, b]) => ({ bucket, label: label(b.first), figures: figuresOf(tallyOf(b.facts), kpi) }));
};
