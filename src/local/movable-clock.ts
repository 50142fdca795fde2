// LOCAL ONLY: a clock a dev-only driver moves (the simulated month), shared by the stack's thread
// and every function instance through one SharedArrayBuffer. Installed, `Date.now()` and
// `new Date()` read it; while it is unset (0) they read the machine's clock. It never exists in
// a deployed function: only the local stack installs it, and only when asked (LOCAL_CLOCK=movable).

export interface MovableClock {
  /** The memory every thread reads the time from. */
  readonly shared: SharedArrayBuffer;
  /** Moves the clock to `at` (epoch ms); it stays there until moved again. */
  set(at: number): void;
  now(): number;
}

export const createMovableClock = (shared = new SharedArrayBuffer(8)): MovableClock => {
  const cell = new BigInt64Array(shared);
  return {
    shared,
    set(at) {
      if (!Number.isInteger(at) || at <= 0) throw new Error(`the clock can only be set to a time in whole ms, got ${at}`);
      Atomics.store(cell, 0, BigInt(at));
    },
    now: () => Number(Atomics.load(cell, 0)) || RealDate.now(),
  };
};

const RealDate = Date;
let installed = false;

/** Makes this thread's Date read the clock (once per thread). */
export const installMovableClock = (clock: MovableClock): void => {
  if (installed) return;
  installed = true;
  class ClockDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clock.now());
      else super(...(args as [number]));
    }
    static now(): number {
      return clock.now();
    }
  }
  globalThis.Date = ClockDate as DateConstructor;
};
