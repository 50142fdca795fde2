/**
 * Fuzzing the real stack: random events posted over HTTP to each of the cloud functions, as an
 * owner and as staff — random JSON, Mongo operators, pollution keys, 1 MB strings, arrays where
 * objects belong, wrong action names, a valid action with garbage input. Every event here is one
 * the contract refuses (checked first, locally), so the answer must be that refusal: HTTP 200,
 * exactly { ok: false, code, message } in Chinese, never SYSTEM.ERROR or a stack trace; and the
 * database does not change (no write at all, same counts, same tickets).
 */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { ACTION_NAMES, actionsOf, type ActionName } from '@/core/contract/actions';
import { parseRequest } from '@/core/contract/envelope';
import { LOCAL_FUNCTIONS } from '@/local/functions';
import { HUGE_ASCII, HUGE_CHINESE, HOSTILE_CONSTANTS, POLLUTION_KEYS, hostileEntry, hostileValue, ownKeyed, withKeyEverywhere } from '../core/contract/hostile';
import { VALID_INPUTS } from '../core/contract/valid-inputs';
import { ALL_OWNER_TEMPLATES, LIN_UNIT, OWNER, startTestStack, type TestStack } from './local-stack';

jest.setTimeout(120_000);

const FUNCTIONS = Object.keys(LOCAL_FUNCTIONS);
/** Run by their timers only: a user's call is refused whatever it says. */
const TIMER_FUNCTIONS = ['sweep', 'digest', 'report'];
const PEOPLE = [OWNER, 'demo-super-zhou', 'demo-tech-wang', 'demo-desk-chen'];
const COLLECTIONS = ['tickets', 'owners', 'staff', 'bindings', 'communities', 'handovers', 'kpi_days', 'kpi_reports', 'pii_access'];
const CHINESE = /[\u4e00-\u9fa5]/;
const STACK_TRACE = /\bat [\w.<>]+ \(|Error:|\.[jt]s:\d+|node_modules/;

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
  // Some tickets to guard: the hash below must cover real documents.
  const must = s.must(OWNER);
  await must('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description: '厨房水龙头漏水', grantedTemplates: [...ALL_OWNER_TEMPLATES] });
  await must('complaint.submit', { unitId: LIN_UNIT, category: 'cleaning', description: '楼道垃圾没人清理', replyBy: Date.now() + 4 * 3_600_000 });
});
afterAll(() => s?.close());

/** Counts of every collection and a hash of every ticket as stored. */
const snapshot = async () => {
  const counts: Record<string, number> = {};
  for (const name of COLLECTIONS) counts[name] = (await s.db.collection(name).count()).total ?? 0;
  const tickets = ((await s.db.collection('tickets').limit(1000).get()).data ?? []) as { _id: string }[];
  const sorted = [...tickets].sort((a, b) => a._id.localeCompare(b._id));
  return { counts, tickets: sorted.length, ticketsHash: createHash('sha256').update(JSON.stringify(sorted)).digest('hex') };
};

/** Posts exactly what a client could send, and reads the HTTP status too. */
const postRaw = async (fn: string, body: string | undefined, openid: string) => {
  const res = await fetch(`${s.stack.url}/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
    body,
  });
  return { status: res.status, text: await res.text() };
};

/** What the contract answers to the event as it arrives (after the JSON trip), or null when it accepts it. */
const expectedRefusal = (fn: string, body: string | undefined): { code: string; message?: string } | null => {
  const wire: unknown = body === undefined ? {} : JSON.parse(body);
  if (TIMER_FUNCTIONS.includes(fn)) return { code: 'AUTH.FORBIDDEN' };
  const r = parseRequest(wire, actionsOf(fn) as ActionName[]);
  if (r.ok) return null;
  if (r.reply.ok) throw new Error('a refusal carries a failure reply');
  return { code: r.reply.code, message: r.reply.message };
};

const actionOf = (fn: string, pick: number): ActionName => {
  const own = actionsOf(fn) as ActionName[];
  return own.length ? own[pick % own.length] : ACTION_NAMES[pick % ACTION_NAMES.length];
};

/** The event kinds, each made for the function it is posted to. */
type MakeEvent = (fn: string) => unknown;
const eventArb: fc.Arbitrary<MakeEvent> = fc.oneof(
  // random JSON, and hostile trees (operators and pollution keys at any level), as the whole event
  fc.jsonValue().map((v): MakeEvent => () => v),
  hostileValue.map((v): MakeEvent => () => v),
  fc.constantFrom(...HOSTILE_CONSTANTS).map((v): MakeEvent => () => v),
  // arrays where objects belong: the event, or the input
  fc.nat().map((n): MakeEvent => (fn) => [{ action: actionOf(fn, n), input: VALID_INPUTS[actionOf(fn, n)] }]),
  fc.nat().map((n): MakeEvent => (fn) => ({ action: actionOf(fn, n), input: [VALID_INPUTS[actionOf(fn, n)]] })),
  // wrong action names: another function's, made-up ones, prototype names, operators
  fc
    .tuple(fc.oneof(fc.constantFrom(...ACTION_NAMES), fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'repair.submit\u0000', '$where')), fc.nat())
    .map(([action, n]): MakeEvent => (fn) => ({ action, input: VALID_INPUTS[actionOf(fn, n)] })),
  fc.constantFrom(...HOSTILE_CONSTANTS).map((action): MakeEvent => () => ({ action, input: {} })),
  // a valid action with garbage input: all of it, or one field
  fc.tuple(fc.nat(), hostileValue).map(([n, input]): MakeEvent => (fn) => ({ action: actionOf(fn, n), input })),
  fc.tuple(fc.nat(), fc.nat(), fc.constantFrom(...HOSTILE_CONSTANTS, HUGE_ASCII, HUGE_CHINESE)).map(([n, f, value]): MakeEvent => (fn) => {
    const action = actionOf(fn, n);
    const fields = Object.keys(VALID_INPUTS[action]);
    return { action, input: fields.length ? { ...VALID_INPUTS[action], [fields[f % fields.length]]: value } : value };
  }),
  // a pollution or operator key beside a valid action and an input the contract refuses
  fc.tuple(fc.nat(), hostileEntry).map(([n, entry]): MakeEvent => (fn) => ownKeyed([['action', actionOf(fn, n)], ['input', HUGE_CHINESE], entry])),
);

describe('random events to every function, as an owner and as staff (property)', () => {
  it('each is refused with a clean Chinese answer and nothing in the database changes', async () => {
    const before = await snapshot();
    expect(before.tickets).toBeGreaterThanOrEqual(2);
    const seen = new Map<string, number>();
    let sent = 0;

    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...FUNCTIONS), fc.constantFrom(...PEOPLE), eventArb, async (fn, openid, make) => {
        const body = JSON.stringify(make(fn));
        const expected = expectedRefusal(fn, body);
        // Events the contract accepts (a pollution key it simply drops) run for real: not this test's business.
        fc.pre(expected !== null);
        const writes = s.stack.emulator.stats().writes;
        const { status, text } = await postRaw(fn, body, openid);
        sent += 1;

        expect(status).toBe(200);
        expect(text).not.toMatch(STACK_TRACE);
        const reply = JSON.parse(text) as { ok: boolean; code: string; message: string };
        expect(Object.keys(reply).sort()).toEqual(['code', 'message', 'ok']);
        expect(reply).toMatchObject({ ok: false, code: expected!.code });
        expect(reply.code).not.toMatch(/^(SYSTEM|INTERNAL)/);
        expect(reply.message).toMatch(CHINESE);
        if (expected!.message) expect(reply.message).toBe(expected!.message);
        expect(s.stack.emulator.stats().writes).toBe(writes);
        seen.set(fn, (seen.get(fn) ?? 0) + 1);
      }),
      { numRuns: 300 },
    );

    expect(sent).toBeGreaterThanOrEqual(300);
    expect(seen.size).toBe(FUNCTIONS.length);
    expect(await snapshot()).toEqual(before);
  });
});

describe('keys the contract drops never reach the database', () => {
  /** Paths in a stored document of a key that starts with $ or names a prototype. */
  const taintedKeys = (value: unknown, path = '$'): string[] => {
    if (!value || typeof value !== 'object') return [];
    return Object.entries(value).flatMap(([k, v]) =>
      k.startsWith('$') || (POLLUTION_KEYS as readonly string[]).includes(k) ? [`${path}.${k}`] : taintedKeys(v, `${path}.${k}`),
    );
  };

  it.each([
    ['__proto__', { polluted: 'yes' }],
    ['constructor', { prototype: { polluted: 'yes' } }],
    ['$where', 'sleep(5000) || true'],
    ['$set', { state: 'closed' }],
  ])('a repair sent with %j at every level is stored without it', async (key, value) => {
    const input = { unitId: LIN_UNIT, category: 'plumbing_electric', description: '卫生间漏水', appointment: null, grantedTemplates: ['order_accepted'] };
    const reply = await s.post('repair', withKeyEverywhere({ action: 'repair.submit', input }, key, value), OWNER);
    if (!reply.ok) throw new Error(`${reply.code} ${reply.message}`);
    const stored = (await s.db.collection('tickets').doc(reply.data.ticket.id).get()).data?.[0];
    expect(stored).toMatchObject({ description: '卫生间漏水', owner: { name: '林先生' } });
    expect(taintedKeys(stored)).toEqual([]);
    expect((({}) as Record<string, unknown>).polluted).toBeUndefined();
  });
});
