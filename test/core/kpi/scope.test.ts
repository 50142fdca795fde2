/** The dashboard's periods as business-zone days, the monthly report's month, and drill-down definitions. */
import { drillMatches, KPI_DRILLS, KPI_DRILL_LABELS } from '@/core/kpi/drill';
import { ticketFacts } from '@/core/kpi/facts';
import { figuresOf } from '@/core/kpi/figures';
import { daysSpanned, inScope, monthRange, previousMonth, rangeOf } from '@/core/kpi/scope';
import { tallyOf } from '@/core/kpi/tally';
import { DEFAULT_POLICY } from '@/core/sla/policy';
import { local } from '../fixtures';
import { TICKETS } from './dataset';

const OFFSET = DEFAULT_POLICY.utcOffsetMinutes;
// Sunday 2026-11-22, 00:30 in China: still Saturday 16:30 in UTC.
const NOW = local(2026, 11, 22, 0, 30);

describe('periods', () => {
  it('end today in the business zone, and start where the period does', () => {
    expect(rangeOf('thisWeek', NOW, OFFSET)).toEqual({ from: '2026-11-16', to: '2026-11-22', unit: 'week' });
    expect(rangeOf('thisMonth', NOW, OFFSET)).toEqual({ from: '2026-11-01', to: '2026-11-22', unit: 'week' });
    expect(rangeOf('lastMonth', NOW, OFFSET)).toEqual({ from: '2026-10-01', to: '2026-10-31', unit: 'week' });
    expect(rangeOf('last12Weeks', NOW, OFFSET)).toEqual({ from: '2026-08-31', to: '2026-11-22', unit: 'week' });
    expect(rangeOf('last6Months', NOW, OFFSET)).toEqual({ from: '2026-06-01', to: '2026-11-22', unit: 'month' });
    expect(daysSpanned('2026-08-31', '2026-11-22')).toBe(84);
  });

  it('take a custom range as given, by weeks up to about three months and by months beyond', () => {
    expect(rangeOf('custom', NOW, OFFSET, { from: '2026-09-01', to: '2026-11-30' })).toEqual({ from: '2026-09-01', to: '2026-11-30', unit: 'week' });
    expect(rangeOf('custom', NOW, OFFSET, { from: '2026-05-01', to: '2026-10-31' }).unit).toBe('month');
    expect(daysSpanned('2026-11-10', '2026-11-01')).toBe(0);
  });

  it('last month across a year, and February', () => {
    expect(rangeOf('lastMonth', local(2027, 1, 1, 1, 0), OFFSET)).toEqual({ from: '2026-12-01', to: '2026-12-31', unit: 'week' });
    expect(monthRange('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
  });

  it('the report of the 1st covers the month before, in China time', () => {
    // 2026-12-01 01:00 in China is still 30 November in UTC: the month before is still November.
    expect(previousMonth(local(2026, 12, 1, 1, 0), OFFSET)).toBe('2026-11');
    expect(previousMonth(local(2027, 1, 1, 1, 0), OFFSET)).toBe('2026-12');
  });
});

describe('drill-down', () => {
  const facts = Object.values(TICKETS).map((t) => ticketFacts(t, DEFAULT_POLICY));
  const figures = figuresOf(tallyOf(facts));
  const count = (d: (typeof KPI_DRILLS)[number]) => facts.filter(drillMatches(d)).length;

  it('lists exactly the tickets each figure counts, or counts against', () => {
    expect(count('volume')).toBe(figures.volume);
    expect(count('open')).toBe(figures.open);
    expect(count('cancelled')).toBe(figures.cancelled);
    expect(count('referred')).toBe(figures.referred);
    expect(count('notDone')).toBe(figures.completionRate.den - figures.completionRate.num);
    expect(count('noCallback')).toBe(figures.callbackRate.den - figures.callbackRate.num);
    expect(count('unsatisfied.handling')).toBe(figures.satisfaction.handling.den - figures.satisfaction.handling.num);
    expect(count('unsatisfied.staff')).toBe(figures.satisfaction.staff.den - figures.satisfaction.staff.num);
    expect(count('reopened')).toBe(figures.reopenRate.num);
    expect(count('aboutStaff')).toBe(figures.complaintsAboutStaff);
    for (const [clock, r] of Object.entries(figures.onTime)) expect([clock, count(`late.${clock}` as never)]).toEqual([clock, r.den - r.num]);
  });

  it('the data set has something behind most of them, so the counts above are not all zero', () => {
    expect(KPI_DRILLS.filter((d) => count(d) > 0).length).toBeGreaterThanOrEqual(10);
    expect(KPI_DRILL_LABELS['late.dispatch']).toBe('派单超时的工单');
  });

  it('a scope keeps one community, kind, team or handler', () => {
    const wangs = facts.filter(inScope({ staffId: 'staff-tech-wang' }));
    expect(wangs.length).toBeGreaterThan(0);
    expect(wangs.every((f) => f.handler?.staffId === 'staff-tech-wang')).toBe(true);
    expect(facts.filter(inScope({ kind: 'complaint', team: 'engineering' })).every((f) => f.kind === 'complaint' && f.team === 'engineering')).toBe(true);
    expect(facts.filter(inScope({}))).toHaveLength(facts.length);
  });
});
