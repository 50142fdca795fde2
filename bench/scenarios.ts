import type { ActionInput, ActionName, ActionOutput } from '../src/core/contract/actions';
import type { Reply } from '../src/core/contract/envelope';
import { functionOf } from '../src/core/contract/names';
import type { RemoteStack } from './stack-process';

const callAs =
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
  const { ticket } = await owner('repair.submit', repair('厨房水龙头漏水'));
  await tech('task.accept', { ticketId: ticket.id });
  await tech('task.arrive', { ticketId: ticket.id });
  await tech('task.finish', { ticketId: ticket.id, note: '' });
  const closed = await owner('callback.rate', { ticketId: ticket.id, handling: 5, staff: 5, comment: '' });
  if (closed.ticket.state !== 'closed') throw new Error(`lifecycle ended in ${closed.ticket.state}`);
  const { reads, writes } = await stack.stats();
  return { reads, writes };
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
  // Enough credits that every dispatch is pushed: the figure is about speed, not the ledger.
  await db.collection('staff').where({ team: 'engineering' }).update({ credits: { task_assigned: submissions * 2 } });
  const owner = callAs(stack, OWNER);
  // The first burst on a fresh process (cold: modules load, JIT warms) is reported on its own…
  const coldStarted = Date.now();
  await Promise.all(Array.from({ length: concurrency }, (_, i) => owner('repair.submit', repair(`冷启动${i}`))));
  const coldBurstMs = Date.now() - coldStarted;
  // …then warm-up, not measured: a deployed function serves from a warm instance.
  for (let i = 0; i < 4; i++) await Promise.all(Array.from({ length: concurrency }, (_, j) => owner('repair.submit', repair(`预热${i}-${j}`))));
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
  for (const { id, started } of submitted) {
    const at = sentAt.get(id);
    if (at === undefined) throw new Error(`no task message for ${id}`);
    latencies.push(at - started);
  }
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1], coldBurstMs };
};
