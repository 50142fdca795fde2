import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/**
 * Reloads when the user comes back to the page (e.g. after acting on a ticket elsewhere).
 * The first show is skipped: the query already loads on mount.
 */
export function useReloadOnShow(reload: () => Promise<void>): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
}
