/**
 * `npm run bench:month`: the simulated month. The real functions on the local stack under the
 * production profile, on a clock this driver moves, run a company from 2026-12-14 to 2027-02-21
 * (across 元旦 and 春节 2027): two communities, 39 staff on real rosters starting with no reminder
 * credits, owners asking about 150 times a day. Its figures are merged into bench/out/latest.json.
 *
 * Time moves in windows (MONTH_WINDOW_MINUTES, default 10): what people do within a window starts
 * at its start; the SLA sweep runs whenever something is due, as its every-minute timer would
 * find it. MONTH_START, MONTH_END (YYYY-MM-DD, end exclusive), MONTH_REQUESTS_PER_DAY and
 * MONTH_SEED vary it; a shorter stretch starts from an empty company all the same.
 */
import tcb from '@cloudbase/node-sdk';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from '../../src/core/seeded-random';
import type { Ticket } from '../../src/core/tickets/model';
import type { SubscribeMessageRecord } from '../../src/local/emulator/wx-api';
import { startStackProcess } from '../stack-process';
import { companyLayouts, companyOwners, companyStaff } from './company';
import { Agenda, driverOf } from './driver';
import { monthFigures } from './figures';
import { planChecks, planOwnersDay, reminded, type World } from './people';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const localDay = (date: string) => Date.parse(`${date}T00:00:00+08:00`);

const START = localDay(process.env.MONTH_START ?? '2026-12-14');
const END = localDay(process.env.MONTH_END ?? '2027-02-22');
const WINDOW = Number(process.env.MONTH_WINDOW_MINUTES ?? 10) * MINUTE;
const SEED = Number(process.env.MONTH_SEED ?? 20261214);
const PER_DAY = Number(process.env.MONTH_REQUESTS_PER_DAY ?? 150);
const IN_FLIGHT = Number(process.env.MONTH_IN_FLIGHT ?? 32);
/** How many windows a chain of taps may run on behind the clock. */
const LAG_WINDOWS = 2;

const root = path.resolve(__dirname, '..', '..');

const readAllTickets = async (db: ReturnType<ReturnType<typeof tcb.init>['database']>): Promise<Ticket[]> => {
  const _ = db.command;
  const all: Ticket[] = [];
  let after = '';
  for (;;) {
    const page = await db.collection('tickets').where({ _id: _.gt(after) }).orderBy('_id', 'asc').limit(1000).get();
    const list = (page.data ?? []) as Ticket[];
    all.push(...list);
    if (list.length < 1000) return all;
    after = list[list.length - 1]._id;
  }
};

const main = async () => {
  const wallStarted = Date.now();
  console.log(`simulated month: ${new Date(START).toISOString()} → ${new Date(END).toISOString()}, ${PER_DAY} requests a day, seed ${SEED}, windows of ${WINDOW / MINUTE} min`);
  const stack = await startStackProcess({ profile: 'production', movableClock: true, demo: false });
  try {
    process.env.TENCENTCLOUD_SECRETID ??= 'bench';
    process.env.TENCENTCLOUD_SECRETKEY ??= 'bench';
    const db = tcb.init({ env: 'month', serviceUrl: stack.serviceUrl }).database();
    const driver = driverOf(stack);
    await driver.setClock(START);

    const staff = companyStaff();
    const owners = companyOwners();
    // The company, written as db:setup and the admin screens would (20 at a time).
    const addAll = async (collection: string, docs: readonly object[]) => {
      for (let i = 0; i < docs.length; i += 20) await Promise.all(docs.slice(i, i + 20).map((d) => db.collection(collection).add(d)));
    };
    await addAll('communities', companyLayouts());
    await addAll('staff', staff);
    await addAll('owners', owners.map(({ community: _community, ...owner }) => owner));

    const world: World = {
      agenda: new Agenda(),
      driver,
      random: seededRandom(SEED),
      owners,
      staff,
      acknowledged: new Set(),
      alwaysAllow: new Set(),
      inHand: new Set(),
      ownerOf: new Map(),
      perDay: PER_DAY,
    };
    for (let day = START; day < END; day += DAY) planOwnersDay(world, day);
    for (const s of staff) planChecks(world, s, START, END);
    const byOpenid = new Map(staff.map((s) => [s.openid, s]));
    const messages: SubscribeMessageRecord[] = [];
    const _ = db.command;

    // Time moves a window at a time without waiting for everything people started: a chain of
    // taps may run on into the next two windows (as it would for a person), never further, so the
    // month is bounded by the stack's throughput more than by its slowest chain.
    const inFlight = new Map<Promise<void>, number>();
    const launch = (work: () => Promise<void>, label: string, window: number) => {
      const p: Promise<void> = work()
        .catch((e) => console.error(`${label} at ${new Date(Date.now()).toISOString()}:`, e))
        .finally(() => inFlight.delete(p));
      inFlight.set(p, window);
    };
    const settledBefore = async (window: number) => {
      for (;;) {
        const late = [...inFlight.entries()].filter(([, w]) => w < window).map(([p]) => p);
        if (late.length === 0 && inFlight.size < IN_FLIGHT) return;
        await Promise.race(late.length ? late : [...inFlight.keys()]);
      }
    };
    let sweeping = false;
    let lastDay = '';
    for (let at = START, window = 0; at < END; window++) {
      await settledBefore(window - LAG_WINDOWS);
      await driver.setClock(at);
      for (const d of world.agenda.takeBefore(at + WINDOW)) launch(d.run, 'step', window);
      // The sweep's every-minute timer, one run at a time (a run takes longer than a window's wall time).
      if (!sweeping) {
        sweeping = true;
        launch(async () => {
          const due = await db.collection('tickets').where({ nextDueAt: _.lte(at + WINDOW) }).limit(1).get();
          if ((due.data ?? []).length) await driver.timer('sweep', 'everyMinute', at);
          sweeping = false;
          // Not waited for: the platform's timer fires every minute however long the last run took.
        }, 'sweep', Number.POSITIVE_INFINITY);
      }
      // The morning digest at 08:30.
      const local = new Date(at + 8 * 60 * MINUTE);
      if (local.getUTCHours() === 8 && local.getUTCMinutes() >= 30 && local.getUTCMinutes() < 30 + WINDOW / MINUTE) launch(() => driver.timer('digest', 'workingMorning', at).then(() => undefined), 'digest', Number.POSITIVE_INFINITY);
      for (const m of await driver.newMessages()) {
        messages.push(m);
        const member = byOpenid.get(m.touser);
        if (member && m.errcode === 0) reminded(world, member, Date.parse(m.at), END);
      }
      const today = local.toISOString().slice(0, 10);
      if (today !== lastDay) {
        console.log(`  ${today}: ${world.acknowledged.size} tickets, ${driver.calls.length} calls, ${Math.round((Date.now() - wallStarted) / 1000)} s`);
        lastDay = today;
      }
      at += WINDOW;
    }
    await Promise.all(inFlight.keys());
    await driver.setClock(END);

    const tickets = await readAllTickets(db);
    const figures = monthFigures({
      end: END,
      tickets,
      acknowledged: world.acknowledged,
      messages,
      staffOpenids: new Set(staff.map((s) => s.openid)),
      staffCommunity: new Map(staff.map((s) => [s.openid, s.community])),
      calls: driver.calls,
    });
    figures['month.days'] = Math.round((END - START) / DAY);
    figures['month.startDay'] = Number(new Date(START + 8 * 60 * MINUTE).toISOString().slice(0, 10).replace(/-/g, ''));
    figures['month.wallSeconds'] = Math.round((Date.now() - wallStarted) / 1000);
    console.table(Object.entries(figures).map(([figure, value]) => ({ figure, value })));
    const top = Object.entries(driver.refusals).sort((a, b) => b[1] - a[1]).slice(0, 15);
    console.log('refusals (action code: count):', Object.fromEntries(top));

    const out = path.join(root, 'bench', 'out', 'latest.json');
    mkdirSync(path.dirname(out), { recursive: true });
    const latest = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { figures: Record<string, number> }) : { figures: {} };
    for (const key of Object.keys(latest.figures)) if (key.startsWith('month.')) delete latest.figures[key];
    writeFileSync(out, JSON.stringify({ ...latest, monthAt: new Date().toISOString(), monthSeed: SEED, figures: { ...latest.figures, ...figures } }, null, 2) + '\n');
    console.log('merged into bench/out/latest.json');
  } finally {
    await stack.stop();
  }
};

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
