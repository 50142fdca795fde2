/**
 * Timer triggers of the cloud functions a timer calls instead of a user. scripts/build-functions.ts
 * writes them into each function's config.json; the local stack (`npm start`) fires them too.
 * `config` is CloudBase's 7-field cron: second minute hour day month week year (UTC+8).
 */
export interface TimerTrigger {
  /** Letters, digits, - and _, starting with a letter; unique within the function. */
  name: string;
  type: 'timer';
  config: string;
}

export const FUNCTION_TRIGGERS: Readonly<Record<string, readonly TimerTrigger[]>> = {
  // The SLA sweep: reminders, escalations and message retries, at second 0 of every minute.
  sweep: [{ name: 'everyMinute', type: 'timer', config: '0 * * * * * *' }],
  // The morning digests at 08:30; the function itself skips days that are not working days.
  digest: [{ name: 'workingMorning', type: 'timer', config: '0 30 8 * * * *' }],
  // 月度统计 of the month before, at 01:00 on the 1st (the standards want it by the 5th).
  report: [{ name: 'monthlyFirst', type: 'timer', config: '0 0 1 1 * * *' }],
};

/**
 * Seconds a function may run where CloudBase's default, 3 s, is short: a sweep of 100 due tickets
 * at a few round trips each, a month's reconciliation, and a 统计报表 view of half a year of a
 * large company (one rollup document per day; `npm run bench`: a month of 100k tickets ≈ 3.5 s).
 */
export const FUNCTION_TIMEOUTS: Readonly<Record<string, number>> = {
  sweep: 20,
  // Reconciles a month's rollup (ids and versions of every ticket) before computing the report.
  report: 60,
  kpi: 20,
};

/** Seconds a function called by a user may run: WeChat's default, which the push timeout (2 s) is set under. */
export const DEFAULT_TIMEOUT_SECONDS = 3;

/** The limit cloudbaserc.json deploys a function with; the local function host cuts a call at it too. */
export const functionTimeoutMs = (name: string): number => (FUNCTION_TIMEOUTS[name] ?? DEFAULT_TIMEOUT_SECONDS) * 1000;
