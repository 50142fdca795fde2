/**
 * Tallies merge: the tally of a month is the merge of its days' tallies, whatever the split and
 * order (fast-check over generated ticket facts).
 */
import fc from 'fast-check';
import { KPI_CLOCKS } from '@/core/kpi/clock-outcomes';
import type { TicketFacts } from '@/core/kpi/facts';
import { emptyTally, mergeTallies, tallyOf } from '@/core/kpi/tally';

const ms = fc.option(fc.nat({ max: 10 * 24 * 3600_000 }), { nil: null });
const score = fc.integer({ min: 1, max: 5 });

const factsArb: fc.Arbitrary<TicketFacts> = fc.record({
  id: fc.string(),
  no: fc.string(),
  kind: fc.constantFrom('repair', 'complaint', 'card'),
  category: fc.constantFrom('plumbing_electric', 'service', 'access'),
  area: fc.constantFrom('home', 'public'),
  community: fc.constantFrom('阳光花园', '天利龙腾湾'),
  team: fc.constantFrom('engineering', 'customer_service', 'cleaning'),
  handler: fc.option(fc.record({ staffId: fc.constantFrom('s1', 's2'), name: fc.string() }), { nil: null }),
  subtask: fc.boolean(),
  createdAt: fc.nat(),
  day: fc.constantFrom('2026-11-01', '2026-11-02', '2026-11-15', '2026-11-30'),
  outcome: fc.constantFrom('open', 'closed', 'cancelled', 'referred'),
  endedAt: fc.option(fc.nat(), { nil: null }),
  closedAt: fc.option(fc.nat(), { nil: null }),
  returned: fc.boolean(),
  done: fc.boolean(),
  clocks: fc.dictionary(fc.constantFrom(...KPI_CLOCKS), fc.constantFrom('met', 'missed', 'running', 'void')),
  ms: fc.record({ dispatch: ms, arrive: ms, return: ms, close: ms }),
  cardTurnaroundMs: ms,
  callback: fc.constantFrom('owner', 'phone', 'auto', 'none'),
  callbackDue: fc.boolean(),
  rating: fc.option(fc.record({ handling: score, staff: score, handlingSatisfied: fc.boolean(), staffSatisfied: fc.boolean() }), { nil: null }),
  reopenCount: fc.nat({ max: 3 }),
  aboutStaff: fc.option(fc.record({ staffId: fc.option(fc.string(), { nil: null }), name: fc.option(fc.string(), { nil: null }), ticketId: fc.constant(null) }), { nil: null }),
}) as fc.Arbitrary<TicketFacts>;

describe('mergeable tallies', () => {
  it('merging the daily tallies equals tallying all the facts at once', () => {
    fc.assert(
      fc.property(fc.array(factsArb, { maxLength: 40 }), (facts) => {
        const days = [...new Set(facts.map((f) => f.day))];
        const daily = days.map((d) => tallyOf(facts.filter((f) => f.day === d)));
        expect(mergeTallies(daily)).toEqual(tallyOf(facts));
      }),
    );
  });

  it('merge is associative and commutative, with the empty tally as unit', () => {
    const tallyArb = fc.array(factsArb, { maxLength: 10 }).map(tallyOf);
    fc.assert(
      fc.property(tallyArb, tallyArb, tallyArb, (a, b, c) => {
        const left = mergeTallies([mergeTallies([a, b]), c]);
        expect(mergeTallies([a, mergeTallies([b, c])])).toEqual(left);
        expect(mergeTallies([c, b, a])).toEqual(left);
        expect(mergeTallies([a, emptyTally()])).toEqual(mergeTallies([a]));
      }),
    );
  });

  it('a tally survives JSON (what a rollup stores)', () => {
    fc.assert(
      fc.property(fc.array(factsArb, { maxLength: 20 }), (facts) => {
        const t = tallyOf(facts);
        expect(JSON.parse(JSON.stringify(t))).toEqual(t);
      }),
    );
  });
});
