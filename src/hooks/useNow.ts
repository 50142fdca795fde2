import { useEffect, useState } from 'react';

/**
 * The current time, with the component rendered again every `intervalMs` while `live` holds
 * (e.g. while some deadline is counting), so countdowns stay current without a reload.
 */
export function useNow(intervalMs: number, live = true): number {
  const [, setTick] = useState(0);
  useEffect(() => {
    if (!live) return undefined;
    const id = setInterval(() => setTick((t) => t + 1), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs, live]);
  return Date.now();
}
