/**
 * Sustained mixed load on the local stack (issue 9 "Load"): owners submitting and rating, staff
 * working their tasks, the front desk calling back, the supervisor's dashboard now and then, and
 * the SLA sweep's timer every few seconds, all at once for LOAD_SECONDS (default 60).
 *
 * Every call's latency is recorded by action. A non-ok reply is either an expected refusal (the
 * answer to a race a real user can lose: someone else took the task, the callback was recorded
 * meanwhile) or an error. At the end every acknowledged submission is looked up in the database.
 *
 * `npm run bench` runs it (bench/run.ts); on its own: `LOAD_SECONDS=10 npx tsx bench/load.ts`.
 */
import tcb from '@cloudbase/node-sdk';
import type { ActionInput, ActionName } from '../src/core/contract/actions';
import type { Reply } from '../src/core/contract/envelope';
import { functionOf } from '../src/core/contract/names';
import type { TicketSummary } from '../src/core/contract/views';
import { DEMO_OWNERS } from '../src/local/demo-data';
import { startStackProcess, type RemoteStack } from './stack-process';

type Db = ReturnType<ReturnType<typeof tcb.init>['database']>;

export interface LoadOptions {
  seconds: number;
  /** Virtual users working at once (owners, staff, desk, supervisor); the sweep's timer comes on top. */
  users: number;
  /** Between two timer runs of the SLA sweep. */
  sweepEveryMs?: number;
  /** Load before the measured run, not recorded (its errors and submissions still count). */
  warmupSeconds?: number;
}

export interface LoadResult {
  figures: Record<string, number>;
  /** Unexpected failures by action and code (what `load.errors` counts). */
  errorCodes: Record<string, number>;
  /** Expected refusals by action and code. */
  refusalCodes: Record<string, number>;
}

/** Answers to a race a real user can lose; anything else that is not ok counts as an error. */
const EXPECTED_REFUSALS = new Set(['TICKET.ALREADY_TAKEN', 'TICKET.ILLEGAL_TRANSITION', 'DESK.NOT_AWAITING_CALLBACK']);
const RESULT_PHOTO = 'local://photos/result0001.jpg';
const OWNER_TEMPLATES = ['order_accepted', 'quote_pending', 'repair_done'] as const;

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : 0);
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Think time of a person between two taps. */
const think = () => sleep(50 + Math.random() * 150);

interface Recorder {
  latencies: Map<string, number[]>;
  errors: Record<string, number>;
  refusals: Record<string, number>;
}

const newRecorder = (): Recorder => ({ latencies: new Map(), errors: {}, refusals: {} });
const count = (into: Record<string, number>, what: string) => (into[what] = (into[what] ?? 0) + 1);

const caller = (stack: RemoteStack, rec: Recorder) => {
  const record = (name: string, ms: number) => {
    const list = rec.latencies.get(name) ?? [];
    list.push(ms);
    rec.latencies.set(name, list);
  };
  const post = async (fn: string, name: string, event: unknown, openid?: string): Promise<Reply<any> | null> => {
    const started = performance.now();
    try {
      const res = await fetch(`${stack.url}/functions/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
        body: JSON.stringify(event),
      });
      const reply = (await res.json()) as Reply<any>;
      record(name, performance.now() - started);
      if (!reply.ok) {
        count(EXPECTED_REFUSALS.has(reply.code) ? rec.refusals : rec.errors, `${name} ${reply.code}`);
      }
      return reply;
    } catch (e) {
      record(name, performance.now() - started);
      count(rec.errors, `${name} ${(e as Error).message}`);
      return null;
    }
  };
  const as =
    (openid: string) =>
    <A extends ActionName>(action: A, input: ActionInput<A>): Promise<Reply<any> | null> =>
      post(functionOf(action), action, { action, input }, openid);
  const timer = () => post('sweep', 'sweep(timer)', { Type: 'Timer', TriggerName: 'everyMinute', Time: new Date().toISOString(), Message: '' });
  return { as, timer };
};

type Call = ReturnType<typeof caller>;

let requestSeq = 0;
const requestId = (who: string) => `load-${who.replace(/[^A-Za-z0-9]/g, '')}-${++requestSeq}-${Math.random().toString(36).slice(2, 8)}`;

/** An owner: submits repairs, complaints and card requests (a few sent twice, as a retry does), looks at them, rates the returned ones. */
const ownerLoop = async (call: Call, openid: string, acknowledged: Set<string>, until: number, rec: Recorder) => {
  const me = call.as(openid);
  const units = DEMO_OWNERS.find((o) => o._id === openid)!.units.map((u) => u.id);
  let mine: TicketSummary[] = [];
  const submit = async <A extends 'repair.submit' | 'complaint.submit' | 'card.submit'>(action: A, input: ActionInput<A>) => {
    // One in ten is sent twice at once with the same request id, as a retry over a weak network does.
    const tries = Math.random() < 0.1 ? 2 : 1;
    const replies = await Promise.all(Array.from({ length: tries }, () => me(action, input)));
    const ids = new Set(replies.flatMap((r) => (r?.ok ? [r.data.ticket.id as string] : [])));
    for (const id of ids) acknowledged.add(id);
    if (ids.size > 1) count(rec.errors, `${action} two tickets for one request id`);
  };
  while (Date.now() < until) {
    const roll = Math.random();
    const unitId = pick(units);
    if (roll < 0.3) {
      await submit('repair.submit', {
        unitId,
        category: pick(['plumbing_electric', 'drain', 'doors_windows', 'walls_floors'] as const),
        description: '压测报修：厨房水龙头漏水',
        urgent: Math.random() < 0.2,
        grantedTemplates: [...OWNER_TEMPLATES],
        requestId: requestId(openid),
      });
    } else if (roll < 0.4) {
      await submit('complaint.submit', {
        unitId,
        category: pick(['cleaning', 'service'] as const),
        description: '压测投诉：楼道垃圾未及时清理',
        replyBy: Date.now() + 4 * 3600_000,
        requestId: requestId(openid),
      });
    } else if (roll < 0.45) {
      await submit('card.submit', { unitId, type: pick(['access', 'parking'] as const), action: 'open', requestId: requestId(openid) });
    } else if (roll < 0.7) {
      const r = await me('ticket.list', { status: 'open' });
      if (r?.ok) mine = r.data.tickets;
    } else if (roll < 0.85 && mine.length) {
      await me('ticket.get', { ticketId: pick(mine).id });
    } else {
      const waiting = mine.filter((t) => t.state === 'callback_pending' || t.state === 'returned');
      if (waiting.length) {
        const t = waiting.shift()!;
        mine = mine.filter((m) => m.id !== t.id);
        // Mostly satisfied; one in five not (≤ 2 stars: 返修, back to the handler).
        const score = Math.random() < 0.2 ? 2 : 5;
        await me('callback.rate', { ticketId: t.id, handling: score, staff: score, comment: '' });
      }
    }
    await think();
  }
};

/** The next step on a task of one's own, by its kind and state; null when there is none. */
const nextStep = (t: TicketSummary): { action: 'task.accept' | 'task.arrive' | 'task.finish'; note?: string } | null => {
  if (t.state === 'dispatched' || t.state === 'reopened') return { action: 'task.accept' };
  if (t.kind === 'repair') {
    if (t.state === 'accepted') return { action: 'task.arrive' };
    if (t.state === 'on_site' || t.state === 'in_progress') return { action: 'task.finish', note: '已处理完毕' };
    return null;
  }
  return t.state === 'accepted' ? { action: 'task.finish', note: t.kind === 'complaint' ? '已安排保洁清理' : '' } : null;
};

/**
 * A staff member working their list: the next step of the first task that has one. The desk roles
 * see the whole tab, so they act only on what is assigned to them by name.
 */
const staffLoop = async (call: Call, openid: string, name: string, until: number) => {
  const me = call.as(openid);
  while (Date.now() < until) {
    let worked = false;
    for (const tab of ['todo', 'active'] as const) {
      const r = await me('task.list', { tab });
      if (!r?.ok) continue;
      const tasks = (r.data.tasks as TicketSummary[]).filter((t) => t.assigneeName === name);
      const task = tasks.find((t) => nextStep(t));
      if (!task) continue;
      const step = nextStep(task)!;
      if (step.action === 'task.finish') {
        await me('task.finish', { ticketId: task.id, note: step.note ?? '', photos: task.kind === 'repair' ? [RESULT_PHOTO] : [] });
      } else {
        await me(step.action, { ticketId: task.id });
      }
      worked = true;
      break;
    }
    await (worked ? think() : sleep(300));
  }
};

/** The engineering lead: the waiting pool (待协调), taking what is there. */
const leadLoop = async (call: Call, openid: string, until: number) => {
  const me = call.as(openid);
  while (Date.now() < until) {
    const r = await me('task.list', { tab: 'pool' });
    const waiting = r?.ok ? (r.data.tasks as TicketSummary[]) : [];
    if (waiting.length) await me('task.accept', { ticketId: waiting[0].id });
    await me('task.list', { tab: 'late' });
    await sleep(500);
  }
};

/** The front desk: the callback queue (recorded by phone, or a call that did not get through), the day's register. */
const deskLoop = async (call: Call, openid: string, until: number) => {
  const me = call.as(openid);
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  while (Date.now() < until) {
    const r = await me('desk.callbacks', {});
    const items = r?.ok ? (r.data.items as { ticket: TicketSummary }[]) : [];
    if (items.length) {
      const { ticket } = pick(items);
      if (Math.random() < 0.8) await me('desk.recordCallback', { ticketId: ticket.id, handling: 5, staff: 5, words: '业主表示满意' });
      else await me('desk.callbackAttempt', { ticketId: ticket.id, note: '电话无人接听' });
    }
    if (Math.random() < 0.2) await me('desk.daily', { date: today() });
    await sleep(200 + Math.random() * 300);
  }
};

/** The supervisor: the dashboard (统计报表) now and then, the late list in between. */
const supervisorLoop = async (call: Call, openid: string, until: number) => {
  const me = call.as(openid);
  while (Date.now() < until) {
    await me('kpi.dashboard', {});
    await me('task.list', { tab: 'late' });
    await sleep(2000 + Math.random() * 2000);
  }
};

/** Acknowledged submissions the database does not have. */
const lostOf = async (db: Db, ids: readonly string[]): Promise<number> => {
  const _ = db.command;
  let found = 0;
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    const res = await db.collection('tickets').where({ _id: _.in(chunk) }).field({ _id: true }).limit(100).get();
    found += (res.data ?? []).length;
  }
  return ids.length - found;
};

/** Who works, by virtual-user slot (cycled when `users` is larger; the first `users` when smaller). */
const CAST: ((call: Call, until: number, acknowledged: Set<string>, rec: Recorder) => Promise<void>)[] = [
  (c, u, a, r) => ownerLoop(c, 'demo-owner-lin', a, u, r),
  (c, u) => staffLoop(c, 'demo-tech-wang', '王师傅', u),
  (c, u, a, r) => ownerLoop(c, 'demo-owner-huang', a, u, r),
  (c, u) => deskLoop(c, 'demo-desk-chen', u),
  (c, u) => staffLoop(c, 'demo-keeper-zhang', '张管家', u),
  (c, u) => staffLoop(c, 'demo-tech-zhao', '赵师傅', u),
  (c, u, a, r) => ownerLoop(c, 'demo-owner-lin', a, u, r),
  (c, u) => staffLoop(c, 'demo-keeper-li', '李管家', u),
  (c, u) => supervisorLoop(c, 'demo-super-zhou', u),
  (c, u) => staffLoop(c, 'demo-tech-liu', '刘师傅', u),
  (c, u, a, r) => ownerLoop(c, 'demo-owner-huang', a, u, r),
  (c, u) => leadLoop(c, 'demo-lead-ma', u),
  // Card identity checks are the desk's; 陈前台 handles the ones given to her.
  (c, u) => staffLoop(c, 'demo-desk-chen', '陈前台', u),
  (c, u, a, r) => ownerLoop(c, 'demo-owner-lin', a, u, r),
];

export const measureLoad = async (stack: RemoteStack, db: Db, { seconds, users, sweepEveryMs = 5000, warmupSeconds = 3 }: LoadOptions): Promise<LoadResult> => {
  // Staff can always be pushed and never hit the open-task cap: the run is about the stack, not
  // about a team running out of WeChat credits. One front desk, so card checks land on a worker.
  await db.collection('staff').where({ active: true }).update({
    credits: Object.fromEntries(['task_assigned', 'task_reopened', 'ticket_cancelled', 'task_urged', 'sla_reminder', 'sla_escalation', 'dispatch_help', 'daily_digest'].map((t) => [t, 1_000_000])),
    cap: 1_000_000,
  });
  await db.collection('staff').where({ openid: 'demo-desk-he' }).update({ active: false });

  const acknowledged = new Set<string>();
  /** Everyone at work for `ms`, with the sweep's timer every `sweepEveryMs`. */
  const run = async (ms: number, rec: Recorder) => {
    const call = caller(stack, rec);
    const until = Date.now() + ms;
    const sweeps = (async () => {
      while (Date.now() < until) {
        await sleep(Math.min(sweepEveryMs, Math.max(0, until - Date.now())));
        if (Date.now() < until) await call.timer();
      }
    })();
    await Promise.all([...Array.from({ length: users }, (_, i) => CAST[i % CAST.length](call, until, acknowledged, rec)), sweeps]);
  };
  // Warm-up, not measured: the first calls load each function's modules (a deployed function
  // serves from a warm instance; cold starts are bench/functions.ts's figures). Its failures count.
  const warm = newRecorder();
  await run(warmupSeconds * 1000, warm);
  const rec = newRecorder();
  Object.assign(rec.errors, warm.errors);
  const started = Date.now();
  await run(seconds * 1000, rec);
  const elapsed = (Date.now() - started) / 1000;

  const all = [...rec.latencies.values()].flat().sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  const figures: Record<string, number> = {
    'load.seconds': round(elapsed),
    'load.users': users,
    'load.actions': all.length,
    'load.actionsPerSec': round(all.length / elapsed),
    'load.p50Ms': round(percentile(all, 50)),
    'load.p99Ms': round(percentile(all, 99)),
    'load.errors': Object.values(rec.errors).reduce((n, k) => n + k, 0),
    'load.expectedRefusals': Object.values(rec.refusals).reduce((n, k) => n + k, 0),
    'load.submitted': acknowledged.size,
    'load.lost': await lostOf(db, [...acknowledged]),
  };
  for (const [name, list] of [...rec.latencies.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    list.sort((a, b) => a - b);
    figures[`load.p99ByAction.${name}`] = round(percentile(list, 99));
  }
  return { figures, errorCodes: rec.errors, refusalCodes: rec.refusals };
};

/** On its own: a fresh stack process, the load, a table. Nothing is written to bench/out. */
if (require.main === module) {
  (async () => {
    const seconds = Number(process.env.LOAD_SECONDS ?? 60);
    const users = Number(process.env.LOAD_USERS ?? 12);
    const stack = await startStackProcess();
    try {
      process.env.TENCENTCLOUD_SECRETID ??= 'bench';
      process.env.TENCENTCLOUD_SECRETKEY ??= 'bench';
      const db = tcb.init({ env: 'bench', serviceUrl: stack.serviceUrl }).database();
      const { figures, errorCodes, refusalCodes } = await measureLoad(stack, db, { seconds, users });
      console.table(Object.entries(figures).map(([figure, value]) => ({ figure, value })));
      console.log('expected refusals:', refusalCodes);
      console.log('errors:', errorCodes);
    } finally {
      await stack.stop();
    }
  })().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}
