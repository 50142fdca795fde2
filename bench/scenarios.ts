import type { ActionInput, ActionName, ActionOutput } from '../src/core/contract/actions';
import { toAssignee } from '../src/core/routing/staff';
import { nextDueAt } from '../src/core/sla/clocks';
import { DEFAULT_POLICY } from '../src/core/sla/policy';
import { SYSTEM } from '../src/core/tickets/actor';
import { createRepairTicket } from '../src/core/tickets/create';
import type { Ticket } from '../src/core/tickets/model';
import { transition } from '../src/core/tickets/transition';
import { DEMO_OWNERS, DEMO_STAFF } from '../src/local/demo-data';
import type { Reply } from '../src/core/contract/envelope';
import { functionOf } from '../src/core/contract/names';
import type { Database } from '../src/server/cloudbase';
import type { RemoteStack } from './stack-process';

export const callAs =
  (stack: RemoteStack, openid: string) =>
  async <A extends ActionName>(action: A, input: ActionInput<A>): Promise<ActionOutput<A>> => {
    const res = await fetch(`${stack.url}/functions/${functionOf(action)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
      body: JSON.stringify({ action, input }),
    });
    const reply = (await res.json()) as Reply<ActionOutput<A>>;
    if (!reply.ok) throw new Error(`${action}: ${reply.code} ${reply.message}`);
    return reply.data;
  };

const OWNER = 'demo-owner-lin';
const PLUMBER = 'demo-tech-wang';
const repair = (description: string): ActionInput<'repair.submit'> => ({
  unitId: 'u-1-1-1201',
  category: 'plumbing_electric',
  description,
  urgent: false,
  grantedTemplates: ['order_accepted', 'quote_pending', 'repair_done'],
});

/** Database reads and writes of one full lifecycle, submit → closed, as the emulator counts them. */
export const measureLifecycle = async (stack: RemoteStack) => {
  const owner = callAs(stack, OWNER);
  const tech = callAs(stack, PLUMBER);
  await stack.resetStats();
  const sentBefore = (await stack.messages()).length;
  const started = Date.now();
  const { ticket } = await owner('repair.submit', repair('厨房水龙头漏水'));
  await tech('task.accept', { ticketId: ticket.id });
  await tech('task.arrive', { ticketId: ticket.id });
  // A repair is returned with a photo of the result (a reference; nothing reads the bytes here).
  await tech('task.finish', { ticketId: ticket.id, note: '', photos: ['local://photos/result0001.jpg'] });
  const closed = await owner('callback.rate', { ticketId: ticket.id, handling: 5, staff: 5, comment: '' });
  if (closed.ticket.state !== 'closed') throw new Error(`lifecycle ended in ${closed.ticket.state}`);
  const ms = Date.now() - started;
  const { reads, writes } = await stack.stats();
  return { reads, writes, ms, wechatCalls: (await stack.messages()).length - sentBefore };
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * From the submit call until the technician's "new task" message is recorded, for
 * `submissions` repairs sent `concurrency` at a time on a warm stack; plus how long the very
 * first burst took on the fresh process.
 */
export const measureDispatch = async (
  stack: RemoteStack,
  db: { collection(name: string): { where(q: object): { update(d: object): Promise<unknown> } } },
  { submissions, concurrency }: { submissions: number; concurrency: number },
) => {
  // Enough credits and room that every dispatch is pushed: the figure is about speed, not the
  // ledger or the cap of open tasks.
  await db.collection('staff').where({ team: 'engineering' }).update({ credits: { task_assigned: submissions * 2 }, cap: submissions * 2 });
  const owner = callAs(stack, OWNER);
  // The first burst on a fresh process (cold: modules load, JIT warms) is reported on its own…
  const coldStarted = Date.now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => owner('repair.submit', repair(`冷启动${i}`))));
  const coldBurstMs = Date.now() - coldStarted;
  // …then warm-up, not measured: a deployed function serves from a warm instance.
  for (let i = 0; i < 4; i++) await Promise.all(Array.from({ length: concurrency }, (_, j) => owner('repair.submit', repair(`预热${i}-${j}`))));
  await stack.resetStats();
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < submissions) {
      const i = next++;
      const started = Date.now();
      const { ticket } = await owner('repair.submit', repair(`第${i}号报修：插座没电`));
      submitted.push({ id: ticket.id, started });
    }
  };
  const submitted: { id: string; started: number }[] = [];
  await Promise.all(Array.from({ length: concurrency }, worker));
  // Both processes share this machine's clock: the send time recorded by the emulator is comparable.
  const sentAt = new Map<string, number>();
  for (const m of await stack.messages()) {
    const id = /id=([^&]+)/.exec(m.page ?? '')?.[1];
    if (id && m.errcode === 0) sentAt.set(id, Date.parse(m.at));
  }
  // The database requests of the measured submissions (nothing else runs: no timers).
  const { reads, writes } = await stack.stats();
  // A send WeChat failed (the production profile's transient failures) waits for the sweep's
  // retry, which is not running here: counted, not timed.
  let undelivered = 0;
  for (const { id, started } of submitted) {
    const at = sentAt.get(id);
    if (at === undefined) undelivered += 1;
    else latencies.push(at - started);
  }
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1],
    coldBurstMs,
    undelivered,
    dbRequestsPerSubmit: (reads + writes) / submissions,
  };
};

type BenchDb = Database;

/**
 * A dispatched repair of 林先生 held by 王师傅, submitted at `at`, its push already sent (empty
 * outbox): what an ordinary open ticket looks like in the database.
 */
const openRepair = (id: string, at: number): Ticket => {
  const owner = DEMO_OWNERS[0];
  const { relation: _relation, ...unit } = owner.units[0];
  const ctx = { actor: { kind: 'owner', openid: owner._id, name: owner.name } as const, now: at, policy: DEFAULT_POLICY };
  const created = createRepairTicket(
    {
      id,
      owner: { openid: owner._id, name: owner.name, phone: owner.phone },
      unit,
      area: 'home',
      category: 'plumbing_electric',
      description: '厨房水龙头漏水，关不紧',
      photos: [],
      appointment: null,
      urgent: false,
      grantedTemplates: ['order_accepted', 'quote_pending', 'repair_done'],
    },
    ctx,
  ).ticket;
  const wang = DEMO_STAFF.find((m) => m._id === 's-tech-wang')!;
  const r = transition(created, { type: 'dispatch', assignee: toAssignee(wang) }, { ...ctx, actor: SYSTEM });
  if (!r.ok) throw new Error(r.code);
  const sent = { ...r.ticket, outbox: [] };
  return { ...sent, nextDueAt: nextDueAt(sent, DEFAULT_POLICY) };
};

const invokeSweep = async (stack: RemoteStack) => {
  const res = await fetch(`${stack.url}/functions/sweep`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ Type: 'Timer', TriggerName: 'everyMinute', Time: new Date().toISOString(), Message: '' }),
  });
  const reply = (await res.json()) as Reply<{ looked: number; escalated: number; reminded: number; docsRead: number; failed: number }>;
  if (!reply.ok) throw new Error(`sweep: ${reply.code} ${reply.message}`);
  return reply.data;
};

/**
 * Timer runs of the sweep over `sizes` open tickets (cumulative: the database grows from one size
 * to the next) of which `due` have just breached their on-site clock: the documents the emulator
 * returned during a run, and the wall time of the call (median of `rounds` runs, each with `due`
 * fresh breaches). Tickets are inserted through the SDK in batches of 1,000 (one write each).
 */
export const measureSweep = async (stack: RemoteStack, db: BenchDb, { sizes, due, rounds = 3 }: { sizes: number[]; due: number; rounds?: number }) => {
  // The supervisor and manager can be pushed: the run pays for its sends like a real one.
  await db.collection('staff').where({ role: db.command.in(['supervisor', 'manager', 'technician']) }).update({ credits: { sla_reminder: 1000, sla_escalation: 1000 } });
  await invokeSweep(stack); // warm: the function instance starts, nothing is due yet
  const results: { size: number; docsRead: number; ms: number; seedMs: number }[] = [];
  const template = openRepair('bench-template', Date.now());
  let open = 0;
  for (const size of sizes) {
    const seedStarted = Date.now();
    const BATCH = 1000;
    while (open < size - due) {
      const n = Math.min(BATCH, size - due - open);
      await db.collection('tickets').add(Array.from({ length: n }, (_, i) => ({ ...template, _id: `bench-open-${open + i}`, no: `BX-BENCH-${open + i}` })));
      open += n;
    }
    const seedMs = Date.now() - seedStarted;
    const runs: { ms: number; docsRead: number }[] = [];
    for (let round = 0; round < rounds; round++) {
      // Submitted 16 minutes ago: the 15-minute on-site clock has just run out (the supervisor is told).
      const breached = Array.from({ length: due }, (_, i) => openRepair(`bench-due-${size}-${round}-${i}`, Date.now() - 16 * 60_000));
      await db.collection('tickets').add(breached);
      await stack.resetStats();
      const started = performance.now();
      const report = await invokeSweep(stack);
      const ms = Math.round(performance.now() - started);
      if (report.looked !== due || report.escalated !== due || report.failed) throw new Error(`sweep at ${size}: ${JSON.stringify(report)}`);
      runs.push({ ms, docsRead: (await stack.stats()).docsRead });
    }
    runs.sort((a, b) => a.ms - b.ms);
    // The size counts the open tickets the run saw: the earlier rounds' breaches are still open.
    results.push({ size, docsRead: Math.max(...runs.map((r) => r.docsRead)), ms: runs[Math.floor(runs.length / 2)].ms, seedMs });
  }
  return results;
};
