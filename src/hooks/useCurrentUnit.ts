import { useCallback, useState } from 'react';
import { useDidShow } from '@tarojs/taro';
import type { Identity, UnitView } from '@/core/contract/views';
import { currentUnitOf, readCurrentUnitId, saveCurrentUnitId } from '@/services/current-unit';

/** The units of a signed-in owner; none for guests and staff. */
export const unitsOf = (identity: Identity | null | undefined): UnitView[] => (identity?.kind === 'owner' ? identity.units : []);

export interface CurrentUnit<U> {
  /** The unit the user acts for now; null when they have none. */
  current: U | null;
  /** Makes `unitId` the current unit on this device. */
  select: (unitId: string) => void;
}

/**
 * The current unit among the user's units (pass `unitsOf(identity)` or the units of
 * binding.mine). Read again whenever the page shows, so a switch made on 我的房屋 is seen on
 * the page the user returns to.
 */
export function useCurrentUnit<U extends { id: string }>(units: readonly U[]): CurrentUnit<U> {
  const [storedId, setStoredId] = useState<string | null>(readCurrentUnitId);
  useDidShow(() => setStoredId(readCurrentUnitId()));
  const select = useCallback((unitId: string) => {
    saveCurrentUnitId(unitId);
    setStoredId(unitId);
  }, []);
  return { current: currentUnitOf(units, storedId), select };
}
