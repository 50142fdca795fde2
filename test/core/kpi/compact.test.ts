/** The packed form of ticket facts kept in the daily rollup: nothing is lost in the round trip, and it is small. */
import fc from 'fast-check';
import { packFacts, unpackDay, unpackFacts, PACKED_FACTS_VERSION } from '@/core/kpi/compact';
import { ticketFacts } from '@/core/kpi/facts';
import { DEFAULT_POLICY } from '@/core/sla/policy';
import { TICKETS } from './dataset';
import { factsArb } from './facts-arbitrary';

describe('packed facts', () => {
  it('unpack(pack(facts)) gives the facts back, for any facts', () => {
    fc.assert(
      fc.property(factsArb, (f) => {
        expect(unpackFacts(f.id, f.day, packFacts(f))).toEqual(f);
      }),
    );
  });

  it('round-trips the facts of real tickets, at well under half their JSON size', () => {
    for (const t of Object.values(TICKETS)) {
      const f = ticketFacts(t, DEFAULT_POLICY);
      const packed = packFacts(f);
      expect(unpackFacts(f.id, f.day, packed)).toEqual(f);
      expect(packed.length).toBeLessThan(JSON.stringify(f).length / 2.5);
    }
  });

  it('reads nothing from a layout it does not know (a later codec version, or garbage)', () => {
    const f = ticketFacts(TICKETS.A, DEFAULT_POLICY);
    const packed = JSON.parse(packFacts(f)) as unknown[];
    packed[0] = PACKED_FACTS_VERSION + 1;
    expect(unpackFacts(f.id, f.day, JSON.stringify(packed))).toBeNull();
    expect(unpackFacts(f.id, f.day, '{"no":1}')).toBeNull();
    expect(unpackFacts(f.id, f.day, 'not json')).toBeNull();
    expect(unpackFacts(f.id, f.day, [1, 2] as never)).toBeNull();
  });

  it('a whole day unpacks at once, and one malformed entry does not lose the others', () => {
    const facts = Object.values(TICKETS).map((t) => ticketFacts(t, DEFAULT_POLICY));
    const entries = Object.fromEntries(facts.map((f) => [f.id, packFacts(f)]));
    expect(unpackDay('2026-11-23', entries)).toEqual(facts.map((f) => ({ ...f, day: '2026-11-23' })));
    const broken = { ...entries, bad: '[1,"BX' };
    expect(unpackDay('2026-11-23', broken)).toHaveLength(facts.length);
    expect(unpackDay('2026-11-23', {})).toEqual([]);
  });
});
