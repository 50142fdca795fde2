/**
 * Tallies merge: the tally of a month is the merge of its days' tallies, whatever the split and
 * order (fast-check over generated ticket facts).
 */
import fc from 'fast-check';
import { emptyTally, mergeTallies, tallyOf } from '@/core/kpi/tally';
import { factsArb } from './facts-arbitrary';

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
