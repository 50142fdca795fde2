/**
 * Property (fast-check) on the real stack: for any sequence of submissions, staff going on and off
 * duty, lost reminder credits, send failures (43101, 47003, the sender down) and sweeps, once the
 * sender is back and the sweep has run, every ticket has a notified assignee or someone asked to
 * step in (the lead or the supervisor, by the fallback ladder or a clock's escalation); no message
 * was sent twice; and nothing is left in any outbox.
 */
import fc from 'fast-check';
import { DEFAULT_POLICY, MINUTE } from '@/core/sla/policy';
import type { Ticket } from '@/core/tickets/model';
import { defaultDeps } from '@/server/deps';
import { sweep } from '@/server/usecases/sweep';
import { HUANG_UNIT, LIN_UNIT, OTHER_OWNER, OWNER, startTestStack, type TestStack } from './local-stack';

const PEOPLE = ['s-tech-wang', 's-tech-zhao', 's-tech-liu', 's-keeper-zhang', 's-keeper-li', 's-desk-chen', 's-lead-ma', 's-lead-sun'] as const;
const OPENIDS = ['demo-tech-wang', 'demo-tech-zhao', 'demo-keeper-zhang', 'demo-desk-chen', 'demo-lead-ma', 'demo-super-zhou'] as const;

type Command =
  | { type: 'submit'; kind: 'repair' | 'complaint' | 'card'; category: string; huang: boolean }
  | { type: 'duty'; staffId: string; active: boolean }
  | { type: 'noCredit'; staffId: string }
  | { type: 'fault'; touser: string | null; errcode: number; times: number | null }
  | { type: 'heal' }
  | { type: 'sweep'; minutes: number };

const command: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ type: fc.constant('submit' as const), kind: fc.constantFrom('repair' as const, 'complaint' as const, 'card' as const), category: fc.constantFrom('plumbing_electric', 'doors_windows', 'walls_floors', 'household_cleaning'), huang: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('duty' as const), staffId: fc.constantFrom(...PEOPLE), active: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('noCredit' as const), staffId: fc.constantFrom(...PEOPLE) }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('fault' as const), touser: fc.option(fc.constantFrom(...OPENIDS)), errcode: fc.constantFrom(43101, 47003, -1), times: fc.option(fc.integer({ min: 1, max: 3 })) }) },
  { weight: 1, arbitrary: fc.constant({ type: 'heal' as const }) },
  { weight: 2, arbitrary: fc.record({ type: fc.constant('sweep' as const), minutes: fc.integer({ min: 1, max: 20 }) }) },
);

const run = async (s: TestStack, commands: Command[]) => {
  let now = Date.now();
  const sweepAt = (at: number) => sweep({ ...defaultDeps(), now: () => at }, DEFAULT_POLICY);
  for (const c of commands) {
    switch (c.type) {
      case 'submit': {
        const [openid, unitId] = c.huang ? [OTHER_OWNER, HUANG_UNIT] : [OWNER, LIN_UNIT];
        const reply =
          c.kind === 'repair'
            ? await s.as(openid)('repair.submit', { unitId, category: c.category as 'plumbing_electric', description: '性质测试报修', grantedTemplates: ['order_accepted'] })
            : c.kind === 'complaint'
              ? await s.as(openid)('complaint.submit', { unitId, category: 'service', description: '性质测试投诉', replyBy: Date.now() + 24 * 60 * MINUTE })
              : await s.as(openid)('card.submit', { unitId, type: 'parking', action: 'open' });
        // Whatever the staff and the sender do, a valid submission is taken.
        if (!reply.ok) throw new Error(`${c.kind}.submit failed: ${reply.code} ${reply.message}`);
        break;
      }
      case 'duty':
        await s.db.collection('staff').doc(c.staffId).update({ active: c.active });
        break;
      case 'noCredit':
        await s.db.collection('staff').doc(c.staffId).update({ 'credits.task_assigned': 0, 'credits.dispatch_help': 0 });
        break;
      case 'fault':
        s.stack.emulator.injectFault({ ...(c.touser ? { touser: c.touser } : {}), errcode: c.errcode, ...(c.times ? { times: c.times } : {}) });
        break;
      case 'heal':
        s.stack.emulator.clearFaults();
        break;
      case 'sweep':
        now += c.minutes * MINUTE;
        await sweepAt(now);
        break;
    }
  }
  return { now, sweepAt };
};

/** Successful task pushes to a ticket's current holder, and whether someone was asked to step in. */
const reach = (s: TestStack, t: Ticket) => {
  const sent = s.stack.emulator.messages().filter((m) => m.errcode === 0);
  const notified = sent.some((m) => m.touser === t.assignee?.openid && m.page?.endsWith(`id=${t._id}`) && /task_assigned|task_reopened/.test(m.templateId));
  const asked = t.history.some((h) => (h.event === 'seek_help' || h.event === 'escalate') && !/已告知主管$|已请(组长|主管)协调$/.test(h.note));
  const pending = t.outbox.some((m) => m.recipient === 'assignee' && /task_assigned|task_reopened/.test(m.template));
  return { notified, asked, pending };
};

const tickets = async (s: TestStack): Promise<Ticket[]> => (await s.db.collection('tickets').limit(1000).get()).data as Ticket[];

describe('routing and push, whatever happens', () => {
  it('every ticket ends with a notified assignee or someone asked to step in; nothing sent twice; outboxes drain', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(command, { minLength: 1, maxLength: 10 }), async (commands) => {
        const s = await startTestStack();
        try {
          const { now, sweepAt } = await run(s, commands);
          // The sender comes back. Within minutes — long before a handler's on-site clock would
          // escalate — every task reached its holder, is still being sent, or someone was asked.
          s.stack.emulator.clearFaults();
          await sweepAt(now + 3 * MINUTE);
          for (const t of await tickets(s)) {
            const { notified, asked, pending } = reach(s, t);
            expect({ ticket: t.no, state: t.state, ok: notified || asked || pending }).toEqual({ ticket: t.no, state: t.state, ok: true });
          }
          // The sweep runs on for a few hours: every backoff and escalation has come due.
          for (const minutes of [15, 45, 120, 240]) await sweepAt(now + minutes * MINUTE);
          for (const t of await tickets(s)) {
            const { notified, asked } = reach(s, t);
            expect({ ticket: t.no, state: t.state, ok: notified || asked, outbox: t.outbox }).toEqual({ ticket: t.no, state: t.state, ok: true, outbox: [] });
          }
          const sent = s.stack.emulator.messages().filter((m) => m.errcode === 0);
          const payloads = sent.map((m) => JSON.stringify([m.touser, m.templateId, m.page, m.data]));
          expect(payloads.filter((p, i) => payloads.indexOf(p) !== i)).toEqual([]);
        } finally {
          await s.close();
        }
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 15) },
    );
  }, 240_000);
});
