import Taro from '@tarojs/taro';

/**
 * The unit an owner with several homes is acting for now (当前房屋). Kept on the device, not on
 * the server: it is a viewing preference, and forms use it as their default unit.
 */
const KEY = 'current-unit';

export const readCurrentUnitId = (): string | null => (Taro.getStorageSync(KEY) as string) || null;

export const saveCurrentUnitId = (unitId: string): void => Taro.setStorageSync(KEY, unitId);

/**
 * The current unit among `units`: the one kept on this device while it is still bound to the
 * user (another demo identity, or a unit no longer bound, falls back), else the first.
 */
export const currentUnitOf = <U extends { id: string }>(units: readonly U[], storedId: string | null): U | null =>
  units.find((u) => u.id === storedId) ?? units[0] ?? null;
