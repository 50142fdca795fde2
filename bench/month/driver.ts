/**
 * The month's moving parts: a clock the driver sets on the stack, a queue of what people will do
 * and when, and the calls they make (timed, and checked for SCF's timeout).
 */
import type { ActionInput, ActionName } from '../../src/core/contract/actions';
import type { Reply } from '../../src/core/contract/envelope';
import { functionOf } from '../../src/core/contract/names';
import type { SubscribeMessageRecord } from '../../src/local/emulator/wx-api';
import type { RemoteStack } from '../stack-process';
import type { CallRecord } from './figures';

interface Scheduled {
  at: number;
  seq: number;
  run: () => Promise<void>;
}

/** What people will do, earliest first (a binary heap; ties in the order they were planned). */
export class Agenda {
  private readonly heap: Scheduled[] = [];
  private seq = 0;

  plan(at: number, run: () => Promise<void>): void {
    this.heap.push({ at, seq: this.seq++, run });
    let i = this.heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(this.heap[i], this.heap[parent])) break;
      [this.heap[i], this.heap[parent]] = [this.heap[parent], this.heap[i]];
      i = parent;
    }
  }

  nextAt(): number | undefined {
    return this.heap[0]?.at;
  }

  /** Everything planned before `until`, taken off the agenda. */
  takeBefore(until: number): Scheduled[] {
    const taken: Scheduled[] = [];
    while (this.heap.length && this.heap[0].at < until) taken.push(this.pop());
    return taken;
  }

  private pop(): Scheduled {
    const top = this.heap[0];
    const last = this.heap.pop()!;
    if (this.heap.length) {
      this.heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < this.heap.length && this.before(this.heap[l], this.heap[m])) m = l;
        if (r < this.heap.length && this.before(this.heap[r], this.heap[m])) m = r;
        if (m === i) break;
        [this.heap[i], this.heap[m]] = [this.heap[m], this.heap[i]];
        i = m;
      }
    }
    return top;
  }

  private before(a: Scheduled, b: Scheduled): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
}

/** Calls on the stack as the app and the platform make them, each one recorded. */
export const driverOf = (stack: RemoteStack) => {
  const calls: CallRecord[] = [];
  const refusals: Record<string, number> = {};
  const post = async (fn: string, event: unknown, openid?: string): Promise<Reply<any> | null> => {
    const started = performance.now();
    const res = await fetch(`${stack.url}/functions/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: JSON.stringify(event),
    });
    const ms = performance.now() - started;
    const timedOut = res.status === 433;
    calls.push({ fn, ms, timedOut });
    if (timedOut) return null;
    return (await res.json()) as Reply<any>;
  };
  const as =
    (openid: string) =>
    async <A extends ActionName>(action: A, input: ActionInput<A>): Promise<any | null> => {
      const reply = await post(functionOf(action), { action, input }, openid);
      if (reply && !reply.ok) {
        const key = `${action} ${reply.code}${reply.code === 'INPUT.INVALID' ? ` ${reply.message}` : ''}`;
        refusals[key] = (refusals[key] ?? 0) + 1;
      }
      return reply?.ok ? reply.data : null;
    };
  const timer = (fn: 'sweep' | 'digest', trigger: string, at: number) =>
    post(fn, { Type: 'Timer', TriggerName: trigger, Time: new Date(at).toISOString(), Message: '' });
  const setClock = async (at: number) => {
    const res = await fetch(`${stack.url}/_local/clock`, { method: 'POST', body: JSON.stringify({ at }) });
    if (!res.ok) throw new Error(`the stack refused the clock: ${await res.text()}`);
  };
  /** The messages WeChat received since the last read. */
  let read = 0;
  const newMessages = async (): Promise<SubscribeMessageRecord[]> => {
    const list = (await (await fetch(`${stack.url}/_local/messages?from=${read}`)).json()) as SubscribeMessageRecord[];
    read += list.length;
    return list;
  };
  return { as, timer, setClock, newMessages, calls, refusals };
};

export type Driver = ReturnType<typeof driverOf>;
