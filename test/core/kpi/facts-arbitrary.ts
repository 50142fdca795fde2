/** Generated ticket facts (fast-check) for the KPI property tests. */
import fc from 'fast-check';
import { KPI_CLOCKS } from '@/core/kpi/clock-outcomes';
import type { TicketFacts } from '@/core/kpi/facts';

const ms = fc.option(fc.nat({ max: 10 * 24 * 3600_000 }), { nil: null });
const score = fc.integer({ min: 1, max: 5 });

export const factsArb: fc.Arbitrary<TicketFacts> = fc.record({
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

