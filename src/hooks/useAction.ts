import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '@/core/contract/actions';
import { call, RpcError } from '@/services/rpc';

export interface Loaded<T> {
  data: T | null;
  error: string | null;
  loading: boolean;
  reload: () => Promise<void>;
}

/**
 * Loads an action's result when the page shows and whenever `key` changes; while `enabled` is
 * false (the input is not complete yet) nothing is asked.
 */
export function useQuery<A extends ActionName>(action: A, input: ActionInput<A>, key = '', enabled = true): Loaded<ActionOutput<A>> {
  const [data, setData] = useState<ActionOutput<A> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const inputRef = useRef(input);
  inputRef.current = input;

  const reload = useCallback(async () => {
    if (!enabled) {
      setLoading(false);
      return;
    }
    setLoading(true);
    try {
      setData(await call(action, inputRef.current));
      setError(null);
    } catch (e) {
      setError(e instanceof RpcError ? e.message : '加载失败，请稍后再试');
    } finally {
      setLoading(false);
    }
  }, [action, key, enabled]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, loading, reload };
}

/** Runs an action on a tap; `busy` guards against double taps, `error` holds the message. */
export function useMutation<A extends ActionName>(action: A) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(
    async (input: ActionInput<A>): Promise<ActionOutput<A> | null> => {
      setBusy(true);
      setError(null);
      try {
        return await call(action, input);
      } catch (e) {
        setError(e instanceof RpcError ? e.message : '操作失败，请稍后再试');
        return null;
      } finally {
        setBusy(false);
      }
    },
    [action],
  );
  return { run, busy, error, setError };
}
