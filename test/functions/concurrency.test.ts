import { DEFAULT_POLICY } from '@/core/sla/policy';
import { createRepairTicket } from '@/core/tickets/create';
import { transition } from '@/core/tickets/transition';
import { DEMO_STAFF } from '@/local/demo-data';
import { defaultDeps } from '@/server/deps';
import { deliver } from '@/server/usecases/deliver';
import { routeWaiting } from '@/server/usecases/route-ticket';
import { LIN_UNIT, OWNER, PLUMBER, startTestStack, type TestStack } from './local-stack';

let s: TestStack;
const SECOND_PLUMBER = 'demo-tech-sun';

beforeAll(async () => {
  s = await startTestStack();
  // A second on-duty plumber: now two people may take the same task.
  const wang = DEMO_STAFF.find((m) => m.openid === PLUMBER)!;
  await s.db.collection('staff').add({ ...wang, _id: 's-tech-sun', openid: SECOND_PLUMBER, name: '孙师傅', phone: '13900000009' });
});
afterAll(() => s.close());

describe('two staff can never both take a task', () => {
  it.each(Array.from({ length: 8 }, (_, i) => i))('round %i: of two concurrent accepts exactly one wins', async () => {
    const { ticket } = await s.must(OWNER)('repair.submit', {
      unitId: LIN_UNIT,
      category: 'drain',
      description: '卫生间下水道堵塞',
      urgent: true,
    });
    const [a, b] = await Promise.all([
      s.as(PLUMBER)('task.accept', { ticketId: ticket.id }),
      s.as(SECOND_PLUMBER)('task.accept', { ticketId: ticket.id }),
    ]);
    const winners = [a, b].filter((r) => r.ok);
    const losers = [a, b].filter((r) => !r.ok);
    expect(winners).toHaveLength(1);
    expect(losers).toEqual([{ ok: false, code: 'TICKET.ALREADY_TAKEN', message: '该任务已被其他同事接单' }]);

    // The stored ticket agrees with the winner: accepted once, one audit entry for it.
    const stored = await s.must(OWNER)('ticket.get', { ticketId: ticket.id });
    expect(stored.ticket.state).toBe('accepted');
    expect(stored.ticket.timeline.filter((e) => e.event === 'accept')).toHaveLength(1);
    const winner = winners[0];
    expect(winner.ok && stored.ticket.assignee?.name).toBe(winner.ok && winner.data.ticket.assignee?.name);
  });
});

describe('a message is never sent twice, even when a step read the ticket before its delivery', () => {
  it('a step saved over an outbox delivered since it was read is refused and tried again on the fresh ticket', async () => {
    const deps = defaultDeps();
    // A routed ticket whose new-task message is still waiting in the outbox, as right after its save.
    const owner = await deps.owners.byOpenid(OWNER);
    const team = await deps.staff.team('engineering');
    const unit = owner!.units.find((u) => u.id === LIN_UNIT)!;
    const now = deps.now();
    const created = createRepairTicket(
      { id: deps.newId(), owner: { openid: OWNER, name: owner!.name, phone: owner!.phone }, unit, area: 'home', category: 'drain', description: '阳台地漏返水', photos: [], appointment: null, urgent: false, grantedTemplates: [] },
      { actor: { kind: 'owner', openid: OWNER, name: owner!.name }, now, policy: DEFAULT_POLICY },
    ).ticket;
    const { ticket: routed } = await routeWaiting(created, { team, supervisors: async () => [] }, now, DEFAULT_POLICY);
    await deps.tickets.insert(routed);
    s.stack.emulator.clearMessages();

    const stale = (await deps.tickets.get(routed._id))!;
    expect(stale.outbox.map((m) => m.template)).toEqual(['task_assigned']);
    // Delivery sends it and saves the outbox (no state change: the version stays).
    await deliver(deps, stale, DEFAULT_POLICY);
    expect(s.stack.emulator.messages().filter((m) => m.errcode === 0)).toHaveLength(1);

    // A step computed from the stale read would write the sent message back: refused.
    const handler = routed.assignee!;
    const accepted = transition(stale, { type: 'accept' }, { actor: { kind: 'staff', ...handler, team: 'engineering', trades: ['plumbing_electric'], zones: [] }, now, policy: DEFAULT_POLICY });
    if (!accepted.ok) throw new Error(accepted.code);
    expect(await deps.tickets.replace(accepted.ticket, stale.version)).toBe(false);

    // Through the use case the step is tried again on the fresh ticket, and nothing is resent.
    await s.must(handler.openid)('task.accept', { ticketId: routed._id });
    const t = (await deps.tickets.get(routed._id))!;
    expect([t.state, t.outbox]).toEqual(['accepted', []]);
    expect(s.stack.emulator.messages().filter((m) => m.errcode === 0 && m.templateId === 'local-task_assigned')).toHaveLength(1);
  });
});
