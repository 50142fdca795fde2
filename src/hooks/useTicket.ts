import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput } from '@/core/contract/actions';
import type { TicketView } from '@/core/contract/views';
import { call, RpcError } from '@/services/rpc';
import { useQuery } from './useAction';

/** Actions that answer with the ticket as it is after the step. */
export type TicketCommand = {
  [A in ActionName]: ActionOutput<A> extends { ticket: TicketView } ? (A extends 'ticket.get' ? never : A) : never;
}[ActionName];

export interface TicketState {
  ticket: TicketView | null;
  loading: boolean;
  /** Loading error (shown instead of the page). */
  loadError: string | null;
  /** Error of the last command (shown inline, above the buttons). */
  error: string | null;
  /** The command now running, if any. */
  busy: TicketCommand | null;
  reload: () => Promise<void>;
  /** Runs a command once (double taps are ignored); true when it succeeded. `done`: the success toast. */
  run: <A extends TicketCommand>(action: A, input: ActionInput<A>, done?: string) => Promise<boolean>;
}

/**
 * One ticket and the commands on it. Every command returns the new ticket, which replaces the
 * shown one; a failed command shows its message and reloads, since the ticket may have moved on.
 */
export function useTicket(id: string): TicketState {
  const query = useQuery('ticket.get', { ticketId: id }, id);
  const [ticket, setTicket] = useState<TicketView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<TicketCommand | null>(null);
  const running = useRef(false);
  const { reload } = query;

  useEffect(() => {
    if (query.data) setTicket(query.data.ticket);
  }, [query.data]);

  const run = useCallback(
    async <A extends TicketCommand>(action: A, input: ActionInput<A>, done = '操作成功'): Promise<boolean> => {
      if (running.current) return false;
      running.current = true;
      setBusy(action);
      setError(null);
      try {
        const out = (await call(action, input)) as { ticket: TicketView };
        setTicket(out.ticket);
        Taro.showToast({ title: done, icon: done.length > 7 ? 'none' : 'success' });
        return true;
      } catch (e) {
        const message = e instanceof RpcError ? e.message : '操作失败，请稍后再试';
        setError(message);
        Taro.showToast({ title: message, icon: 'none' });
        await reload();
        return false;
      } finally {
        running.current = false;
        setBusy(null);
      }
    },
    [reload],
  );

  return {
    ticket,
    loading: query.loading && !ticket,
    loadError: ticket ? null : query.error,
    error,
    busy,
    reload,
    run,
  };
}
