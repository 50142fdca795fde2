/**
 * Figures per community, kind, team and staff member, and the trend buckets (ISO week, month in
 * China time), on the data set of dataset.ts; counts by hand.
 */
import { ticketFacts } from '@/core/kpi/facts';
import { bucketOf, bucketsBetween, figuresBy, trend } from '@/core/kpi/group';
import { DEFAULT_POLICY } from '../fixtures';
import { TICKETS } from './dataset';

const ALL = Object.values(TICKETS).map((t) => ticketFacts(t, DEFAULT_POLICY));
const byKey = (dim: Parameters<typeof figuresBy>[1]) => Object.fromEntries(figuresBy(ALL, dim).map((g) => [g.key, g]));

describe('breakdowns', () => {
  it('per staff member: the handler’s tickets; a complaint about someone counts against them, not its housekeeper', () => {
    const s = byKey('staff');
    // C was never dispatched: in no one's figures
    expect(Object.keys(s).sort()).toEqual(['staff-keeper-zhang', 'staff-lead-qian', 'staff-tech-liu', 'staff-tech-wang', 'staff-tech-zhao']);
    // 王师傅: A B E H K; closed A B E H, K open; callbacks owed A B E H, all real; G is about him
    expect(s['staff-tech-wang']).toMatchObject({ label: '王师傅', figures: { volume: 5, closed: 4, open: 1, complaintsAboutStaff: 1 } });
    expect(s['staff-tech-wang'].figures.completionRate).toMatchObject({ num: 4, den: 5 });
    expect(s['staff-tech-wang'].figures.callbackRate).toMatchObject({ num: 4, den: 4, value: 1 });
    // 赵师傅: D F L; done D F; owed D F L, real L only; reopened L
    expect(s['staff-tech-zhao'].figures).toMatchObject({ volume: 3, complaintsAboutStaff: 0 });
    expect(s['staff-tech-zhao'].figures.completionRate).toMatchObject({ num: 2, den: 3 });
    expect(s['staff-tech-zhao'].figures.callbackRate).toMatchObject({ num: 1, den: 3 });
    expect(s['staff-tech-zhao'].figures.reopenRate).toMatchObject({ num: 1, den: 3 });
    // 张管家 handled G, which is not about her
    expect(s['staff-keeper-zhang'].figures).toMatchObject({ volume: 1, complaints: 1, complaintsAboutStaff: 0 });
    // 钱组长: the sub-task I — work, not an owner's request
    expect(s['staff-lead-qian'].figures).toMatchObject({ volume: 1, requests: 0, subtasks: 1 });
    expect(s['staff-lead-qian'].figures.callbackRate.value).toBeNull();
    // Largest first
    expect(figuresBy(ALL, 'staff').slice(0, 2).map((g) => g.label)).toEqual(['王师傅', '赵师傅']);
  });

  it('per team, kind and community', () => {
    const teams = byKey('team');
    // engineering: A B C D E F H J K L (the IC card ends with engineering); done A B D E F H J of 10 − C
    expect(teams.engineering).toMatchObject({ label: '工程部', figures: { volume: 10 } });
    expect(teams.engineering.figures.completionRate).toMatchObject({ num: 7, den: 9 });
    expect(teams.customer_service).toMatchObject({ label: '客服中心', figures: { volume: 1 } });
    expect(teams.cleaning).toMatchObject({ label: '清洁部', figures: { volume: 1, subtasks: 1 } });
    const kinds = byKey('kind');
    expect([kinds.repair.figures.volume, kinds.complaint.figures.volume, kinds.card.figures.volume]).toEqual([10, 1, 1]);
    expect(kinds.card.label).toBe('IC卡');
    const places = byKey('community');
    // 天利龙腾湾: E F J; the rest (with the sub-task I, at G's unit) 阳光花园
    expect([places['阳光花园'].figures.volume, places['天利龙腾湾'].figures.volume]).toEqual([9, 3]);
  });
});

describe('trend buckets', () => {
  it('ISO weeks start on Monday and belong to the ISO week-year; months are calendar months', () => {
    expect(bucketOf('2026-11-23', 'week')).toBe('2026-W48'); // a Monday
    expect(bucketOf('2026-11-29', 'week')).toBe('2026-W48'); // Sunday, same week
    expect(bucketOf('2026-11-30', 'week')).toBe('2026-W49');
    expect(bucketOf('2027-01-01', 'week')).toBe('2026-W53'); // 2026 starts on a Thursday: 53 weeks
    expect(bucketOf('2027-01-04', 'week')).toBe('2027-W01');
    expect(bucketOf('2026-11-30', 'month')).toBe('2026-11');
    expect(bucketsBetween('2026-11-20', '2026-12-07', 'week')).toEqual(['2026-W47', '2026-W48', '2026-W49', '2026-W50']);
    expect(bucketsBetween('2026-11-15', '2027-01-02', 'month')).toEqual(['2026-11', '2026-12', '2027-01']);
  });

  it('the day is the China day: 23:30 on 30 November in China is still November (15:30 UTC)', () => {
    const late = ticketFacts({ ...TICKETS.K, createdAt: Date.UTC(2026, 10, 30, 15, 30) }, DEFAULT_POLICY);
    expect(late.day).toBe('2026-11-30');
    const early = ticketFacts({ ...TICKETS.K, createdAt: Date.UTC(2026, 10, 30, 16, 30) }, DEFAULT_POLICY);
    expect(early.day).toBe('2026-12-01');
  });

  it('trend by week and by month, empty buckets included', () => {
    // W48 (23–29 Nov): A B C D F G H I J L = 10; W49: E (30 Nov) and K (2 Dec); W50 empty
    expect(trend(ALL, '2026-11-23', '2026-12-13', 'week').map((b) => [b.bucket, b.figures.volume])).toEqual([
      ['2026-W48', 10],
      ['2026-W49', 2],
      ['2026-W50', 0],
    ]);
    expect(trend(ALL, '2026-11-01', '2026-12-31', 'month').map((b) => [b.bucket, b.figures.volume])).toEqual([
      ['2026-11', 11],
      ['2026-12', 1],
    ]);
    // A range cut at 29 November leaves E (30 Nov) out
    expect(trend(ALL, '2026-11-01', '2026-11-29', 'month').map((b) => b.figures.volume)).toEqual([10]);
  });

  it('each point counts the tickets created in its own days, and the points add up to the range', () => {
    const inNovDec = ALL.filter((f) => f.day >= '2026-11-01' && f.day <= '2026-12-31');
    const points = trend(ALL, '2026-11-01', '2026-12-31', 'week');
    for (const p of points) expect([p.bucket, p.figures.volume]).toEqual([p.bucket, inNovDec.filter((f) => bucketOf(f.day, 'week') === p.bucket).length]);
    expect(points.reduce((n, p) => n + p.figures.volume, 0)).toBe(inNovDec.length);
  });

  it('labels weeks by their first day in the range and months by name, with the year when the range spans years', () => {
    expect(trend(ALL, '2026-11-01', '2026-11-20', 'week').map((p) => p.label)).toEqual(['11/1', '11/2', '11/9', '11/16']);
    expect(trend(ALL, '2026-10-15', '2026-12-03', 'month').map((p) => p.label)).toEqual(['10月', '11月', '12月']);
    expect(trend([], '2026-12-15', '2027-02-01', 'month').map((p) => p.label)).toEqual(['12月', '2027年1月', '2月']);
  });
});
