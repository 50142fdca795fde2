/**
 * The authorization matrix (issue 9): every action of the contract × every kind of person × a
 * forged identity in the event, on the real stack. The expectations are a hand-written table
 * (authz/expectations.ts): every allowed cell works; every other cell is refused with the code
 * the product should answer, writes nothing and sends nothing; no answer carries a resident or a
 * ticket the person may not know (authz/people.ts). Each cell is called twice: as is, and with
 * `openid`, `userInfo.openId`, `OPENID`… naming another person at the top of the event and in its
 * input — the platform's identity decides, so both calls must come out the same.
 */
import { ACTIONS, functionOf, type ActionName } from '@/core/contract/actions';
import type { Reply } from '@/core/contract/envelope';
import { startTestStack, type TestStack } from './local-stack';
import { EXPECTATIONS, type Context, type Spec } from './authz/expectations';
import { makeFixtures, type Fixture } from './authz/fixtures';
import { ALL_ROLES, RESIDENTS, ROLES, TENANT_RECORD, secretsFor, type Role, type TicketFacts } from './authz/people';

jest.setTimeout(60_000);

/** Every way an event might claim to be someone: none of them may count. */
const claimsOf = (victim: string) => ({
  openid: victim,
  openId: victim,
  OPENID: victim,
  _openid: victim,
  FROM_OPENID: victim,
  WX_OPENID: victim,
  'x-dev-openid': victim,
  userInfo: { openId: victim, appId: 'wx-local-dev' },
  environment: JSON.stringify({ WX_OPENID: victim }),
});

let s: TestStack;
let fixture: ReturnType<typeof makeFixtures>;
let ctx: Context;

beforeAll(async () => {
  s = await startTestStack();
  fixture = makeFixtures(s);
  await s.db.collection('owners').add(TENANT_RECORD);
  // Others' tickets beside 林先生's: 黄女士's repair and complaint in B区, the tenant's repair.
  await s.must(ROLES.huang.openid)('repair.submit', { unitId: 'u-3-2-502', category: 'plumbing_electric', description: '权限矩阵：阳台漏水' });
  await s.must(ROLES.huang.openid)('complaint.submit', { unitId: 'u-3-2-502', category: 'noise', description: '权限矩阵：夜间噪音', replyBy: Date.now() + 24 * 3600_000 });
  await s.must(ROLES.tenant.openid)('repair.submit', { unitId: 'u-1-1-1201', category: 'plumbing_electric', description: '权限矩阵：租户报修' });
  const { residents } = await s.must(ROLES.desk.openid)('desk.findByRoom', { communityId: 'c-tianli', building: '1栋', unit: '1单元', room: '1201' });
  const report = await s.post('report', { Type: 'Timer', TriggerName: 'monthlyFirst', Time: new Date().toISOString() });
  if (!report.ok) throw new Error(`report timer: ${report.code}`);
  let room = 0;
  const rooms = [1, 2, 3, 5, 6, 7, 8, 9, 10, 11].flatMap((floor) => [1, 2, 3].map((n) => `${floor}0${n}`));
  ctx = {
    linResident: residents.find((r) => r.name === RESIDENTS.lin.name)!.residentId,
    today: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10),
    reportMonth: (report.data as { month: string }).month,
    freshRoom: () => rooms[room++],
  };
});
afterAll(() => s?.close());

/** What every ticket is, read again after anything may have changed it. */
let facts: TicketFacts[] = [];
let stale = true;
const currentFacts = async (): Promise<TicketFacts[]> => {
  if (!stale) return facts;
  const { data } = await s.db
    .collection('tickets')
    .field({ no: true, owner: true, team: true, trade: true, unit: true, assignee: true, parent: true })
    .limit(1000)
    .get();
  facts = (data as any[]).map((t) => ({
    id: t._id,
    no: t.no,
    ownerOpenid: t.owner.openid,
    team: t.team,
    trade: t.trade ?? null,
    zone: t.unit.zone,
    assigneeOpenid: t.assignee?.openid ?? null,
    subtask: !!t.parent,
  }));
  stale = false;
  return facts;
};
const newFixture = async (spec: Spec): Promise<Fixture> => {
  stale = true;
  return fixture(spec.fixture);
};
/** A fixture for each call an allowed cell makes, made together (the stack mostly waits on I/O). */
const fixturesFor = async (spec: Spec): Promise<Fixture[]> =>
  spec.mutates && spec.fixture !== 'none' ? Promise.all(spec.allowed.flatMap(() => [newFixture(spec), newFixture(spec)])) : [];

const call = (role: Role, action: ActionName, input: object, victim?: Role): Promise<Reply<any>> => {
  const claims = victim ? claimsOf(ROLES[victim].openid) : {};
  return s.post(functionOf(action), { action, input: { ...input, ...claims }, ...claims }, ROLES[role].openid);
};

/** Whom a forged event names: someone the answer would differ for. */
const victimOf = (spec: Spec, role: Role): Role => {
  const candidates = spec.allowed.includes(role) ? ALL_ROLES.filter((r) => !spec.allowed.includes(r)) : [...spec.allowed];
  return candidates.find((r) => r !== role) ?? (role === 'lin' ? 'huang' : 'lin');
};

/** Nothing the person may not know: residents' names and phones, tickets' ids and numbers. */
const expectNoLeak = (role: Role, reply: Reply<unknown>, known: readonly TicketFacts[]) => {
  const text = JSON.stringify(reply);
  // A refusal names nobody and no ticket at all.
  const secrets = reply.ok
    ? secretsFor(role, known)
    : [...Object.values(RESIDENTS).flatMap((r) => [r.name, r.phone]), ...known.map((t) => t.no)];
  expect(secrets.filter((secret) => text.includes(secret))).toEqual([]);
};

/** Signed photo URLs differ on every view; the rest of an answer must not. */
const comparable = (reply: Reply<unknown>) => JSON.parse(JSON.stringify(reply).replace(/(\/_local\/storage\/[^"?]*)\?[^"]*/g, '$1'));

const storedTicket = async (id: string) => (id ? (await s.db.collection('tickets').doc(id).get()).data[0] : null);

/** The latest step a person (not the platform) wrote into the ticket's history. */
const lastActor = async (id: string): Promise<string | undefined> => {
  const t = (await storedTicket(id)) as { history: { actor: { kind: string; name: string } }[] };
  return [...t.history].reverse().find((h) => h.actor.kind !== 'system')?.actor.name;
};

const allowedCell = async (role: Role, action: ActionName, spec: Spec, shared: Fixture, pool: Fixture[]) => {
  if (!spec.mutates) {
    const known = await currentFacts();
    const plain = await call(role, action, spec.input(shared, ctx));
    const forged = await call(role, action, spec.input(shared, ctx), victimOf(spec, role));
    expect(plain).toMatchObject({ ok: true });
    expect(comparable(forged)).toEqual(comparable(plain));
    expectNoLeak(role, plain, known);
    return;
  }
  for (const victim of [undefined, victimOf(spec, role)]) {
    const f = spec.fixture === 'none' ? shared : pool.pop()!;
    const known = await currentFacts();
    const reply = await call(role, action, spec.input(f, ctx), victim);
    stale = true;
    expect(reply).toMatchObject({ ok: true });
    expectNoLeak(role, reply, known);
    if (spec.inHistory) expect(await lastActor(f.ticketId)).toBe(ROLES[role].name);
  }
};

const refusedCell = async (role: Role, action: ActionName, spec: Spec, shared: Fixture) => {
  const known = await currentFacts();
  const before = await storedTicket(shared.ticketId);
  const writes = s.stack.emulator.stats().writes;
  const messages = s.stack.emulator.messages().length;
  const code = spec.refusal(role);
  for (const victim of [undefined, victimOf(spec, role)]) {
    const reply = await call(role, action, spec.input(shared, ctx), victim);
    expect(reply).toMatchObject({ ok: false, code });
    expectNoLeak(role, reply, known);
  }
  // Nothing changed: no write anywhere, no message sent, the ticket as it was.
  if (!spec.refusedByUpdate) expect(s.stack.emulator.stats().writes).toBe(writes);
  expect(s.stack.emulator.messages().length).toBe(messages);
  expect(await storedTicket(shared.ticketId)).toEqual(before);
};

it('has an expectation for every action of the contract', () => {
  expect(Object.keys(ACTIONS).filter((a) => !(a in EXPECTATIONS))).toEqual([]);
  expect(Object.keys(ACTIONS)).toHaveLength(57);
});

describe.each(Object.keys(ACTIONS) as ActionName[])('%s', (action) => {
  const specs = ([] as Spec[]).concat(EXPECTATIONS[action] ?? []);
  describe.each(specs.map((spec) => [spec.name ?? 'as set up', spec] as const))('%s', (_name, spec) => {
    let shared: Fixture;
    let pool: Fixture[];
    beforeAll(async () => {
      [shared, pool] = await Promise.all([newFixture(spec), fixturesFor(spec)]);
    });
    it.each(ALL_ROLES.map((role) => [ROLES[role].label, role] as const))('%s', async (_label, role) => {
      if (spec.allowed.includes(role)) await allowedCell(role, action, spec, shared, pool);
      else await refusedCell(role, action, spec, shared);
    });
  });
});
