// Timer triggers on the local stack: the 7-field cron of a function's config.json (second minute
// hour day month week year), read in China time (UTC+8) as CloudBase does, fired with the event a
// timer trigger passes. Development only; in the cloud the platform runs the triggers.
import type { TimerTrigger } from '../server/triggers';

const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
// Tencent Cloud's timer documentation: 0 is Sunday, 1 Monday, … 6 Saturday.
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];

interface Field {
  min: number;
  max: number;
  names?: string[];
  /** Value of the first name (months count from 1). */
  namesFrom?: number;
}

const FIELDS: Field[] = [
  { min: 0, max: 59 },
  { min: 0, max: 59 },
  { min: 0, max: 23 },
  { min: 1, max: 31 },
  { min: 1, max: 12, names: MONTHS, namesFrom: 1 },
  { min: 0, max: 6, names: WEEKDAYS, namesFrom: 0 },
  { min: 1970, max: 2099 },
];

export class CronError extends Error {}

const valueOf = (text: string, field: Field): number => {
  const named = field.names?.indexOf(text.toUpperCase()) ?? -1;
  const n = named >= 0 ? named + (field.namesFrom ?? 0) : /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isInteger(n) || n < field.min || n > field.max) throw new CronError(`"${text}" is out of range ${field.min}-${field.max}`);
  return n;
};

/**
 * The set of values one field allows: lists (,), ranges (-), all (*) and steps (/), the wildcards
 * CloudBase documents (https://docs.cloudbase.net/cli-v1/functions/trigger-create).
 */
const parseField = (text: string, field: Field): Set<number> => {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const [range, stepText] = item.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) throw new CronError(`bad step in "${item}"`);
    let from: number;
    let to: number;
    if (range === '*') [from, to] = [field.min, field.max];
    else if (range.includes('-')) {
      const [a, b] = range.split('-');
      [from, to] = [valueOf(a, field), valueOf(b, field)];
    } else {
      from = valueOf(range, field);
      to = stepText === undefined ? from : field.max;
    }
    if (from > to) throw new CronError(`empty range "${item}"`);
    for (let v = from; v <= to; v += step) values.add(v);
  }
  return values;
};

export type Cron = Set<number>[];

export const parseCron = (expression: string): Cron => {
  const parts = expression.trim().split(/\s+/);
  if (parts.length !== 7) throw new CronError(`"${expression}" needs 7 fields: second minute hour day month week year`);
  return parts.map((p, i) => parseField(p, FIELDS[i]));
};

/** The first instant strictly after `after` (whole seconds) that the cron allows, or null within ~10 years. */
export const nextFire = (cron: Cron, after: number): number | null => {
  const [seconds, minutes, hours, days, months, weekdays, years] = cron;
  let t = Math.floor(after / 1000) * 1000 + 1000;
  for (let guard = 0; guard < 200_000; guard++) {
    const local = new Date(t + OFFSET_MS);
    if (local.getUTCFullYear() > 2099) return null;
    const dayOk =
      years.has(local.getUTCFullYear()) &&
      months.has(local.getUTCMonth() + 1) &&
      days.has(local.getUTCDate()) &&
      weekdays.has(local.getUTCDay());
    if (!dayOk) {
      t = (Math.floor((t + OFFSET_MS) / DAY_MS) + 1) * DAY_MS - OFFSET_MS;
      continue;
    }
    if (!hours.has(local.getUTCHours())) {
      t = (Math.floor(t / 3_600_000) + 1) * 3_600_000;
      continue;
    }
    if (!minutes.has(local.getUTCMinutes())) {
      t = (Math.floor(t / 60_000) + 1) * 60_000;
      continue;
    }
    if (!seconds.has(local.getUTCSeconds())) {
      t += 1000;
      continue;
    }
    return t;
  }
  return null;
};

/** The event CloudBase passes to a function its timer trigger calls. */
export const timerEvent = (trigger: TimerTrigger, at: number) => ({
  Type: 'Timer',
  TriggerName: trigger.name,
  Time: new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  Message: '',
});

export type FireTimer = (functionName: string, trigger: TimerTrigger, at: number) => void;

/** Fires every trigger at its cron's instants until stopped. Timers do not keep the process alive. */
export const startTimers = (triggers: Readonly<Record<string, readonly TimerTrigger[]>>, fire: FireTimer): { stop(): void } => {
  const pending = new Set<NodeJS.Timeout>();
  let stopped = false;
  const schedule = (name: string, trigger: TimerTrigger, cron: Cron, after: number) => {
    const at = nextFire(cron, after);
    if (at === null || stopped) return;
    const handle = setTimeout(() => {
      pending.delete(handle);
      if (stopped) return;
      fire(name, trigger, at);
      schedule(name, trigger, cron, Math.max(at, Date.now()));
    }, Math.max(0, at - Date.now()));
    handle.unref();
    pending.add(handle);
  };
  for (const [name, list] of Object.entries(triggers)) {
    for (const trigger of list) {
      if (trigger.type === 'timer') schedule(name, trigger, parseCron(trigger.config), Date.now());
    }
  }
  return {
    stop() {
      stopped = true;
      for (const handle of pending) clearTimeout(handle);
      pending.clear();
    },
  };
};
