/**
 * Every figure of the data set (dataset.ts), computed by hand: the whole set, November and
 * December. Letters name the tickets counted; times are minutes.
 */
import { ticketFacts } from '@/core/kpi/facts';
import { figuresOf, percentile, type Rate } from '@/core/kpi/figures';
import { inRange } from '@/core/kpi/group';
import { emptyTally, tallyOf } from '@/core/kpi/tally';
import { DEFAULT_POLICY, MINUTE } from '../fixtures';
import { TICKETS } from './dataset';

const ALL = Object.values(TICKETS).map((t) => ticketFacts(t, DEFAULT_POLICY));
const r = (num: number, den: number, target: number | null = null): Rate => ({ value: den ? num / den : null, num, den, target });
const min = (m: number) => Math.round(m * MINUTE);

describe('figures of the whole data set (12 tickets)', () => {
  const f = figuresOf(tallyOf(ALL));

  it('volume and outcomes', () => {
    // 12 tickets; I is a sub-task → 11 owner requests
    expect([f.volume, f.requests, f.subtasks]).toEqual([12, 11, 1]);
    // closed A B E F G H J; cancelled C; open D I K L
    expect([f.closed, f.cancelled, f.referred, f.open]).toEqual([7, 1, 0, 4]);
    // done: the 7 closed + D, I (returned) = 9, of 12 − 1 cancelled
    expect(f.completionRate).toEqual(r(9, 11));
  });

  it('on-time rate per clock (target 100 %)', () => {
    expect(f.onTime).toEqual({
      dispatch: r(9, 10, 1), // met A D E F G I J K L; missed B; C void
      verify: r(1, 1, 1), // H
      onSite: r(7, 7, 1), // met A B D E F I J; K L running
      return: r(5, 6, 1), // met A B D F L; missed E
      repairSmall: r(1, 1, 1), // I
      repairMedium: r(1, 1, 1), // J
      repairMajor: r(0, 0, 1), // none → null
      report: r(0, 0, 1), // I J void (fixed, nothing to report)
      progress: r(1, 1, 1), // G
      reply: r(1, 1, 1), // G
      issue: r(0, 1, 1), // H late
      callback: r(6, 9, 1), // met A B G H J L; missed D E F; I (sub-task) left out
    });
    expect(f.onTime.repairMajor.value).toBeNull();
  });

  it('callbacks, satisfaction, reopens, complaints', () => {
    // owed: A B D E F G H J L (returned owners' requests; D past its deadline) = 9
    // real: owner A E G H J L = 6, phone B = 1 → 7; F auto
    expect(f.callbackRate).toEqual(r(7, 9, 1));
    expect(f.callbacks).toEqual({ owner: 6, phone: 1, auto: 1, due: 9 });
    // rated 7: handling 5 4 5 5 5 3 4 all > 2; staff 5 5 3 5 5 3 2 → L's 2 not satisfied
    expect(f.satisfaction).toEqual({ handling: r(7, 7), staff: r(6, 7) });
    // reopened B L of 9 returned owners' requests
    expect(f.reopenRate).toEqual(r(2, 9));
    expect(f.reopens).toBe(2);
    expect([f.complaints, f.complaintsAboutStaff]).toEqual([1, 1]);
  });

  it('average and 90th percentile (nearest rank) times', () => {
    // dispatch: 1 1 1 1 1 1 1 2 2 5 5 (A D E F H K L, G I, B J): sum 21 / 11; rank ⌈9.9⌉ = 10 → 5
    expect(f.time.dispatch).toEqual({ count: 11, avgMs: min(21 / 11), p90Ms: min(5), targetMs: null });
    // arrive: 10 10 10 12 15 15 30 40 (A E L, F, I J, B, D): sum 142 / 8 = 17.75; rank ⌈7.2⌉ = 8 → 40
    expect(f.time.arrive).toEqual({ count: 8, avgMs: min(17.75), p90Ms: min(40), targetMs: null });
    // return: 12 30 30 40 40 50 60 60 60 3000 (H, F L, A I, E, B D G, J): sum 3382 / 10; rank 9 → 60
    expect(f.time.return).toEqual({ count: 10, avgMs: min(338.2), p90Ms: min(60), targetMs: null });
    // close: 60 120 120 240 960 1470 3120 (H, A G, B, E, F, J): sum 6090 / 7 = 870; rank ⌈6.3⌉ = 7 → 3120
    expect(f.time.close).toEqual({ count: 7, avgMs: min(870), p90Ms: min(3120), targetMs: null });
    // IC card: H 12 minutes; target 2 + 8 = 10 minutes (003 #11)
    expect(f.cardTurnaround).toEqual({ count: 1, avgMs: min(12), p90Ms: min(12), targetMs: min(10) });
  });
});

describe('a ticket counts in the month it was created', () => {
  it('November: everything but K (E, closed on 1 December, is here)', () => {
    const f = figuresOf(tallyOf(inRange(ALL, '2026-11-01', '2026-11-30')));
    expect([f.volume, f.closed, f.open]).toEqual([11, 7, 3]);
    expect(f.completionRate).toEqual(r(9, 10)); // 9 done of 11 − 1 cancelled
    expect(f.onTime.dispatch).toEqual(r(8, 9, 1)); // without K
    expect(f.onTime.onSite).toEqual(r(7, 7, 1)); // L still running
    expect(f.callbackRate).toEqual(r(7, 9, 1));
    // dispatch: 1×6 2×2 5×2 = 20 / 10 = 2; rank 9 → 5
    expect(f.time.dispatch).toEqual({ count: 10, avgMs: min(2), p90Ms: min(5), targetMs: null });
    expect(f.time.close.count).toBe(7);
  });

  it('December: K only; rates with nothing to count are null, never NaN', () => {
    const f = figuresOf(tallyOf(inRange(ALL, '2026-12-01', '2026-12-31')));
    expect([f.volume, f.open]).toEqual([1, 1]);
    expect(f.completionRate).toEqual(r(0, 1)); // K not done
    expect(f.onTime.dispatch).toEqual(r(1, 1, 1));
    expect(f.onTime.onSite).toEqual(r(0, 0, 1)); // running
    expect(f.callbackRate.value).toBeNull();
    expect(f.satisfaction.handling.value).toBeNull();
    expect(f.time.arrive).toEqual({ count: 0, avgMs: null, p90Ms: null, targetMs: null });
  });
});

describe('definitions', () => {
  it('nearest-rank percentile: rank ⌈p·n⌉', () => {
    expect(percentile([], 0.9)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });

  it('an empty tally has no NaN anywhere', () => {
    expect(JSON.stringify(figuresOf(emptyTally()))).not.toMatch(/NaN/);
  });

  it('targets come from the policy', () => {
    const kpi = { targets: { ...DEFAULT_POLICY.kpi.targets, callbackRate: 0.95, completionRate: 0.9 } };
    const f = figuresOf(tallyOf(ALL), kpi);
    expect([f.callbackRate.target, f.completionRate.target, f.onTime.dispatch.target]).toEqual([0.95, 0.9, 1]);
  });
});
