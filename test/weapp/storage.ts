// wx storage as the phone keeps it: per mini-program, in memory here, values stored as copies
// (the simulator's own storage forgets everything: getStorageSync always answers '').
type Callbacks = { success?: (res: unknown) => void; fail?: (err: { errMsg: string }) => void; complete?: (res: unknown) => void };

/** An async wx API over a sync implementation: callbacks when given, else a Promise (as wx does). */
const asyncApi =
  <O extends object>(name: string, run: (o: O) => Record<string, unknown>) =>
  (options: O & Callbacks = {} as O & Callbacks) => {
    const result = new Promise<Record<string, unknown>>((resolve, reject) => {
      setTimeout(() => {
        try {
          const res = { ...run(options), errMsg: `${name}:ok` };
          options.success?.(res);
          options.complete?.(res);
          resolve(res);
        } catch (e) {
          const err = { errMsg: `${name}:fail ${(e as Error).message}` };
          options.fail?.(err);
          options.complete?.(err);
          reject(err);
        }
      }, 0);
    });
    if (options.success || options.fail || options.complete) {
      result.catch(() => {});
      return undefined;
    }
    return result;
  };

export function createStorage() {
  const items = new Map<string, unknown>();
  const copy = <T>(v: T): T => (v === undefined ? v : structuredClone(v));
  const get = (key: string) => {
    if (!items.has(key)) throw new Error('data not found');
    return copy(items.get(key));
  };
  const info = () => ({ keys: [...items.keys()], currentSize: Math.ceil(JSON.stringify([...items]).length / 1024), limitSize: 10240 });
  return {
    items,
    api: {
      setStorageSync: (key: string, data: unknown) => void items.set(key, copy(data)),
      getStorageSync: (key: string) => (items.has(key) ? copy(items.get(key)) : ''),
      removeStorageSync: (key: string) => void items.delete(key),
      clearStorageSync: () => items.clear(),
      getStorageInfoSync: info,
      setStorage: asyncApi('setStorage', (o: { key: string; data: unknown }) => (items.set(o.key, copy(o.data)), {})),
      getStorage: asyncApi('getStorage', (o: { key: string }) => ({ data: get(o.key) })),
      removeStorage: asyncApi('removeStorage', (o: { key: string }) => (items.delete(o.key), {})),
      clearStorage: asyncApi('clearStorage', (_o: object) => (items.clear(), {})),
      getStorageInfo: asyncApi('getStorageInfo', (_o: object) => info()),
    },
  };
}

