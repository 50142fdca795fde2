import type { ActionInput, ActionName, ActionOutput } from '../src/core/contract/actions';
import type { Reply } from '../src/core/contract/envelope';
import { functionOf } from '../src/core/contract/names';
import type { RunningStack } from '../src/local/stack';

const callAs =
  (stack: RunningStack, openid: string) =>
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
export const measureLifecycle = async (stack: RunningStack) => {
  const owner = callAs(stack, OWNER);
  const tech = callAs(stack, PLUMBER);
  stack.emulator.resetStats();
  const { ticket } = await owner('repair.submit', repair('厨房水龙头漏水'));
  await tech('task.accept', { ticketId: ticket.id });
  await tech('task.arrive', { ticketId: ticket.id });
  await tech('task.finish', { ticketId: ticket.id, note: '' });
  const closed = await owner('callback.rate', { ticketId: ticket.id, handling: 5, staff: 5, comment: '' });
  if (closed.ticket.state !== 'closed') throw new Error(`lifecycle ended in ${closed.ticket.state}`);
  const { reads, writes } = stack.emulator.stats();
  return { reads, writes };
};

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * From the submit call until the technician's "new task" message is recorded, for
 * `submissions` repairs sent `concurrency` at a time.
 */
export const measureDispatch = async (
  stack: RunningStack,
  db: { collection(name: string): { where(q: object): { update(d: object): Promise<unknown> } } },
  { submissions, concurrency }: { submissions: number; concurrency: number },
) => {
  // Enough credits that every dispatch is pushed: the figure is about speed, not the ledger.
  await db.collection('staff').where({ team: 'engineering' }).update({ credits: { task_assigned: submissions * 2 } });
  const owner = callAs(stack, OWNER);
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < submissions) {
      const i = next++;
      const started = Date.now();
      const { ticket } = await owner('repair.submit', repair(`第${i}号报修：插座没电`));
      const pushed = stack.emulator.messages().find((m) => m.page?.endsWith(`id=${ticket.id}`) && m.errcode === 0);
      if (!pushed) throw new Error(`no task message for ${ticket.id}`);
      latencies.push(Date.parse(pushed.at) - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] };
};
