/**
 * mulberry32: a small seeded stream of numbers in [0, 1), so a simulated run (the production
 * profile's latencies, the simulated month, a fuzz run) is the same run every time its seed is.
 */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed | 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
