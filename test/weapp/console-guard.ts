// What the bundle writes to the console while a test runs. A page that renders "fine" but logs
// an error (a failed render React caught, a rejected promise the simulator logged, a jsdom
// "Uncaught" from a timer) did not render fine. The local stack shares this process: what its
// functions log (e.g. the calendar's notice about next year) is the server's, not the bundle's.
const SERVER_FRAMES = /[\\/](src[\\/](server|local)|cloudfunctions|node_modules[\\/]@cloudbase)[\\/]/;

export interface ConsoleGuard {
  /** error and warn lines the bundle (or the simulator running it) wrote, since the last take. */
  take(): string[];
  restore(): void;
}

/** `echo: false` keeps what it takes off the output (the guard's own test). */
export function guardConsole({ echo = true } = {}): ConsoleGuard {
  let lines: string[] = [];
  const spies = (['error', 'warn'] as const).map((level) => {
    const original = console[level].bind(console);
    return jest.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      const stack = new Error().stack ?? '';
      if (SERVER_FRAMES.test(stack)) return;
      const text = args.map((a) => (a instanceof Error ? (a.stack ?? a.message) : typeof a === 'string' ? a : JSON.stringify(a))).join(' ');
      lines.push(`console.${level}: ${text}`);
      if (echo) original(...args);
    });
  });
  return {
    take: () => {
      const out = lines;
      lines = [];
      return out;
    },
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
}
