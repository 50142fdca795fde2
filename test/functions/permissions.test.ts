/**
 * Who may act on a task, on the real stack: every task action × every kind of person, for a repair,
 * a complaint and an IC card each waiting for its handler. The expectations are written out here
 * by hand (not derived from the code under test): an allowed cell succeeds, every other cell is
 * refused — AUTH.FORBIDDEN when the person may see the ticket, TICKET.NOT_FOUND when they may not
 * even know it exists — and leaves the ticket exactly as it was.
 */
import type { Ticket } from '@/core/tickets/model';
import { LIN_UNIT, OTHER_OWNER, OWNER, startTestStack, type TestStack } from './local-stack';

const PEOPLE = {
  owner: OWNER,
  'another owner': OTHER_OWNER,
  plumber: 'demo-tech-wang',
  carpenter: 'demo-tech-zhao',
  'engineering lead': 'demo-lead-ma',
  'cleaning lead': 'demo-lead-sun',
  'housekeeper A区': 'demo-keeper-zhang',
  'housekeeper B区': 'demo-keeper-li',
  'front desk': 'demo-desk-chen',
  supervisor: 'demo-super-zhou',
  'unbound user': 'demo-guest',
} as const;
type Person = keyof typeof PEOPLE;

/** Who may take each kind of task when it waits for its handler (dispatched to them). */
const MAY_ACCEPT: Record<'repair' | 'complaint' | 'card', Person[]> = {
  // The plumber it went to, or the engineering lead (who may take any of the team's work).
  repair: ['plumber', 'engineering lead'],
  // Only the housekeeper of the unit's zone (1栋 is in A区).
  complaint: ['housekeeper A区'],
  // The front desk, for the identity check.
  card: ['front desk'],
};
/** Who may decline it (拒单): only whom it went to. */
const MAY_DECLINE: Record<'repair' | 'complaint' | 'card', Person[]> = {
  repair: ['plumber'],
  complaint: ['housekeeper A区'],
  card: ['front desk'],
};
/** Who may not even see it: the answer is "not found", whatever they try (a housekeeper sees their own zone only). */
const MAY_NOT_SEE: Record<'repair' | 'complaint' | 'card', Person[]> = {
  repair: ['another owner', 'carpenter', 'cleaning lead', 'housekeeper B区', 'unbound user'],
  complaint: ['another owner', 'plumber', 'carpenter', 'engineering lead', 'cleaning lead', 'housekeeper B区', 'unbound user'],
  card: ['another owner', 'plumber', 'carpenter', 'engineering lead', 'cleaning lead', 'housekeeper B区', 'unbound user'],
};

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());
// Each case leaves a task open: give everyone room again so every case starts routed the same way.
beforeEach(() => s.db.collection('staff').where({ active: true }).update({ openTasks: 0 }));

const stored = async (id: string): Promise<Ticket> => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket;

const submitKind = async (kind: 'repair' | 'complaint' | 'card'): Promise<string> => {
  const me = s.must(OWNER);
  const { ticket } =
    kind === 'repair'
      ? await me('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description: '权限测试：水龙头漏水' })
      : kind === 'complaint'
        ? await me('complaint.submit', { unitId: LIN_UNIT, category: 'cleaning', description: '权限测试：楼道垃圾没人清', replyBy: Date.now() + 24 * 3600_000 })
        : await me('card.submit', { unitId: LIN_UNIT, type: 'parking', action: 'open' });
  return ticket.id;
};

const ACTIONS = {
  accept: (ticketId: string) => ['task.accept', { ticketId }] as const,
  decline: (ticketId: string) => ['task.decline', { ticketId, reason: '权限测试' }] as const,
  arrive: (ticketId: string) => ['task.arrive', { ticketId }] as const,
  finish: (ticketId: string) => ['task.finish', { ticketId, note: '权限测试' }] as const,
  pause: (ticketId: string) => ['task.pause', { ticketId, reason: '业主不在家' }] as const,
};

describe.each(['repair', 'complaint', 'card'] as const)('%s waiting for its handler', (kind) => {
  const cases = (Object.keys(PEOPLE) as Person[]).flatMap((person) =>
    (['accept', 'decline', 'arrive', 'finish'] as const).map((action) => ({ person, action })),
  );

  it.each(cases)('$action by $person', async ({ person, action }) => {
    const id = await submitKind(kind);
    const before = await stored(id);
    expect(before.state).toBe('dispatched');
    const [name, input] = ACTIONS[action](id);
    const reply = await s.as(PEOPLE[person])(name, input as never);

    const allowed = action === 'accept' ? MAY_ACCEPT[kind].includes(person) : action === 'decline' ? MAY_DECLINE[kind].includes(person) : false;
    if (allowed) {
      expect(reply).toMatchObject({ ok: true });
      return;
    }
    const hidden = MAY_NOT_SEE[kind].includes(person);
    expect(reply.ok).toBe(false);
    if (hidden) expect(reply).toMatchObject({ code: 'TICKET.NOT_FOUND' });
    else expect(['AUTH.FORBIDDEN', 'TICKET.ILLEGAL_TRANSITION', 'AUTH.NOT_BOUND']).toContain(reply.ok ? '' : reply.code);
    // Refused: nothing changed, and the answer carries nobody's personal data.
    const after = await stored(id);
    expect([after.version, after.state, after.assignee?.staffId]).toEqual([before.version, before.state, before.assignee?.staffId]);
    expect(JSON.stringify(reply)).not.toContain('13800000001');
  });
});

describe('pausing a handler’s clock (业主不在家)', () => {
  it.each([
    ['plumber', true],
    ['front desk', true],
    ['supervisor', true],
    ['carpenter', false],
    ['owner', false],
    ['another owner', false],
  ] as const)('%s: allowed %s', async (person, allowed) => {
    const id = await submitKind('repair');
    await s.must(PEOPLE.plumber)('task.accept', { ticketId: id });
    const before = await stored(id);
    const [name, input] = ACTIONS.pause(id);
    const reply = await s.as(PEOPLE[person])(name, input);
    expect(reply.ok).toBe(allowed);
    if (!allowed) expect((await stored(id)).version).toBe(before.version);
  });
});

describe('forged identities in the event change nothing', () => {
  it('an openid or staff id in the event is ignored: the platform’s identity decides', async () => {
    const id = await submitKind('repair');
    const before = await stored(id);
    const reply = await s.post('task', { action: 'task.accept', input: { ticketId: id }, openid: PEOPLE.plumber, userInfo: { openId: PEOPLE.plumber } }, PEOPLE.carpenter);
    expect(reply).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });
    expect((await stored(id)).version).toBe(before.version);
  });
});
