import { packFacts, type PackedFacts } from '../src/core/kpi/compact';
import { KPI_CLOCKS, type ClockOutcome, type KpiClock } from '../src/core/kpi/clock-outcomes';
import type { TicketFacts } from '../src/core/kpi/facts';
import { daysBetween, monthRange } from '../src/core/kpi/scope';
import { MINUTE } from '../src/core/sla/policy';
import type { Database } from '../src/server/cloudbase';
import { cloudbaseKpiStore } from '../src/server/adapters/kpi-store';
import { callAs } from './scenarios';
import type { RemoteStack } from './stack-process';
import { seededRandom as random } from '../src/core/seeded-random';

const SUPERVISOR = 'demo-super-zhou';
const STAFF = ['王师傅', '赵师傅', '刘师傅', '张管家', '李管家', '钱组长', '孙师傅', '周师傅'];
const COMMUNITIES = ['天利龙腾湾', '阳光花园', '锦绣家园'];


/**
 * The facts of an ordinary ticket of `day`, varied the way a month's tickets vary: mostly repairs,
 * mostly closed and rated, some late, some reopened, a few complaints about staff.
 */
const factsOf = (rnd: () => number, i: number, day: string): TicketFacts => {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const kind = rnd() < 0.8 ? 'repair' : rnd() < 0.5 ? 'complaint' : 'card';
  const createdAt = Date.parse(`${day}T08:00:00+08:00`) + Math.floor(rnd() * 10 * 60 * MINUTE);
  const closed = rnd() < 0.85;
  const clocks: Partial<Record<KpiClock, ClockOutcome>> = {};
  for (const c of KPI_CLOCKS.slice(0, 4)) clocks[c] = rnd() < 0.93 ? 'met' : 'missed';
  clocks.callback = closed ? 'met' : 'running';
  const rating = closed && rnd() < 0.9 ? { handling: 1 + Math.floor(rnd() * 5), staff: 2 + Math.floor(rnd() * 4) } : null;
  const staffNo = Math.floor(rnd() * STAFF.length);
  return {
    id: `k${i}`,
    no: `BX${day.replace(/-/g, '')}${String(i).padStart(6, '0')}`,
    kind,
    category: kind === 'repair' ? 'plumbing_electric' : kind === 'complaint' ? 'noise' : 'access',
    area: rnd() < 0.2 ? 'public' : 'home',
    community: pick(COMMUNITIES),
    team: kind === 'complaint' ? 'customer_service' : 'engineering',
    handler: { staffId: `s-bench-${staffNo}`, name: STAFF[staffNo] },
    subtask: false,
    createdAt,
    day,
    outcome: closed ? 'closed' : 'open',
    endedAt: closed ? createdAt + 6 * 60 * MINUTE : null,
    closedAt: closed ? createdAt + 6 * 60 * MINUTE : null,
    returned: closed,
    done: closed,
    clocks,
    ms: {
      dispatch: Math.floor(rnd() * 3 * MINUTE),
      arrive: Math.floor(rnd() * 20 * MINUTE),
      return: closed ? Math.floor(rnd() * 5 * 60 * MINUTE) : null,
      close: closed ? 6 * 60 * MINUTE : null,
    },
    cardTurnaroundMs: kind === 'card' ? Math.floor(rnd() * 12 * MINUTE) : null,
    callback: rating ? 'owner' : closed ? 'phone' : 'none',
    callbackDue: closed,
    rating: rating ? { ...rating, handlingSatisfied: rating.handling > 2, staffSatisfied: rating.staff > 2 } : null,
    reopenCount: rnd() < 0.03 ? 1 : 0,
    aboutStaff: kind === 'complaint' && rnd() < 0.1 ? { staffId: `s-bench-${staffNo}`, name: STAFF[staffNo], ticketId: null } : null,
  };
};

/** Writes a month's rollup: one document per day, `tickets` spread evenly (as the saves would leave it). */
const seedMonth = async (db: Database, month: string, tickets: number) => {
  const { from, to } = monthRange(month);
  const days = daysBetween(from, to);
  const rnd = random(tickets);
  let i = 0;
  for (const [n, day] of days.entries()) {
    const count = Math.floor((tickets * (n + 1)) / days.length) - Math.floor((tickets * n) / days.length);
    const f: Record<string, PackedFacts> = {};
    const v: Record<string, number> = {};
    for (let k = 0; k < count; k++, i++) {
      f[`k${i}`] = packFacts(factsOf(rnd, i, day));
      v[`k${i}`] = 7;
    }
    await db.collection('kpi_days').add({ _id: day, f, v });
  }
  return days;
};

/**
 * The dashboard of a whole month of `tickets` tickets through the real `kpi` function: the wall
 * time of the call (median of `rounds`, after a warm call) and the documents the emulator read.
 * Also the cost of one save's rollup write into a day of that month (median of 20).
 */
export const measureKpi = async (stack: RemoteStack, db: Database, { sizes, rounds = 3 }: { sizes: { month: string; tickets: number }[]; rounds?: number }) => {
  const supervisor = callAs(stack, SUPERVISOR);
  const out: { tickets: number; monthMs: number; docsRead: number; recordMs: number; volume: number }[] = [];
  for (const { month, tickets } of sizes) {
    const days = await seedMonth(db, month, tickets);
    const { from, to } = monthRange(month);
    const input = { period: 'custom', from, to } as const;
    await supervisor('kpi.dashboard', input);
    const runs: { ms: number; docsRead: number; volume: number }[] = [];
    for (let r = 0; r < rounds; r++) {
      await stack.resetStats();
      const started = performance.now();
      const view = await supervisor('kpi.dashboard', input);
      runs.push({ ms: Math.round(performance.now() - started), docsRead: (await stack.stats()).docsRead, volume: view.figures.volume });
    }
    runs.sort((a, b) => a.ms - b.ms);
    const kpi = cloudbaseKpiStore(db);
    const writes: number[] = [];
    const sample = packFacts(factsOf(random(1), 0, days[10]));
    for (let w = 0; w < 20; w++) {
      const started = performance.now();
      await kpi.record(days[10], `bench-write-${w}`, 1, sample);
      writes.push(performance.now() - started);
    }
    writes.sort((a, b) => a - b);
    const mid = runs[Math.floor(runs.length / 2)];
    out.push({ tickets, monthMs: mid.ms, docsRead: mid.docsRead, recordMs: Math.round(writes[10] * 10) / 10, volume: mid.volume });
  }
  return out;
};
