import { DEMO_STAFF } from '@/local/demo-data';
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
