/**
 * What the company's people do in the month: owners ask (about 150 requests a day, in the seeds'
 * mix), urge, agree quotes and rate; staff work when they are really at work (their roster, and
 * for day shifts the company's working days), look at their list now and then, and sooner when a
 * WeChat reminder reaches them; on their taps the app asks for reminders, which some allow.
 */
import { isOnDuty } from '../../src/core/routing/staff';
import { staffTemplatesFor, type TemplateKey } from '../../src/core/notify/templates';
import type { TicketSummary, TicketView } from '../../src/core/contract/views';
import type { SimOwner, SimStaff } from './company';
import type { Agenda, Driver } from './driver';
import { isWorkingDayAt } from './service-time';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const OFFSET = 8 * 60;
const RESULT_PHOTO = 'local://photos/result0001.jpg';
const OWNER_TEMPLATES = ['order_accepted', 'quote_pending', 'repair_done'] as const;

/** Share of the day's requests in each local hour (more by day, a few at night). */
const HOURLY = [0.4, 0.2, 0.2, 0.2, 0.2, 0.5, 1, 3, 8, 9, 9, 8, 5, 5, 7, 7, 7, 7, 6, 6, 5, 4, 2, 1];

export interface World {
  agenda: Agenda;
  driver: Driver;
  random: () => number;
  owners: readonly SimOwner[];
  staff: readonly SimStaff[];
  acknowledged: Set<string>;
  /** Staff who ticked 总是保持以上选择 (their asks are allowed without a prompt). */
  alwaysAllow: Set<string>;
  /** Tasks a staff member is already working on (arrive/finish planned). */
  inHand: Set<string>;
  /** Whose each ticket is. */
  ownerOf: Map<string, string>;
  perDay: number;
}

const pick = <T>(w: World, items: readonly T[]): T => items[Math.floor(w.random() * items.length)];
const between = (w: World, min: number, max: number) => min + w.random() * (max - min);

/** At work for real: on the roster, and day shifts rest on the company's days off. */
export const atWork = (s: SimStaff, at: number): boolean => {
  if (!isOnDuty(s, at, OFFSET)) return false;
  const roundTheClock = s.role === 'front_desk' || s.shifts.some((sh) => sh.end < sh.start);
  return roundTheClock || isWorkingDayAt(at);
};

/** The next moment from `at` this person is at work (searched in 15-minute steps, a week ahead). */
export const nextAtWork = (s: SimStaff, at: number): number | undefined => {
  for (let t = at; t < at + 8 * 24 * HOUR; t += 15 * MINUTE) if (atWork(s, t)) return t;
  return undefined;
};

// --- owners ---------------------------------------------------------------------------------

let requestSeq = 0;

/** The day's requests, planned at their minute. */
export const planOwnersDay = (w: World, dayStart: number): void => {
  const total = HOURLY.reduce((a, b) => a + b, 0);
  // Poisson-like: the day's count varies around perDay.
  const count = Math.max(0, Math.round(w.perDay * (0.8 + 0.4 * w.random())));
  for (let i = 0; i < count; i++) {
    let r = w.random() * total;
    let hour = 0;
    while (r > HOURLY[hour]) r -= HOURLY[hour++];
    const at = dayStart + hour * HOUR + Math.floor(w.random() * 60) * MINUTE;
    w.agenda.plan(at, () => ownerAsks(w, pick(w, w.owners), at));
  }
};

const ownerAsks = async (w: World, owner: SimOwner, at: number): Promise<void> => {
  const me = w.driver.as(owner._id);
  const unitId = owner.units[0].id;
  const requestId = `month-${String(++requestSeq).padStart(6, '0')}`;
  const roll = w.random();
  let reply: { ticket: TicketSummary } | null;
  if (roll < 0.62) {
    reply = await me('repair.submit', {
      unitId,
      category: pick(w, ['plumbing_electric', 'plumbing_electric', 'drain', 'doors_windows', 'walls_floors', 'appliances'] as const),
      description: pick(w, ['厨房水龙头漏水', '卫生间下水道堵塞', '客厅灯不亮', '入户门锁坏了', '墙面渗水起皮', '插座没电']),
      urgent: w.random() < 0.1,
      grantedTemplates: w.random() < 0.7 ? [...OWNER_TEMPLATES] : [],
      requestId,
    });
  } else if (roll < 0.7) {
    reply = await me('repair.submit', { unitId, area: 'public', category: 'public_facility', description: '楼道灯不亮', urgent: false, grantedTemplates: [], requestId });
  } else if (roll < 0.82) {
    reply = await me('complaint.submit', {
      unitId,
      category: pick(w, ['cleaning', 'noise', 'parking', 'service', 'security'] as const),
      description: pick(w, ['楼道垃圾未及时清理', '楼上装修噪音', '车位被占用', '前台态度不好']),
      replyBy: at + pick(w, [4, 8, 24]) * HOUR,
      grantedTemplates: ['order_accepted', 'repair_done'],
      requestId,
    });
  } else {
    reply = await me('card.submit', { unitId, type: pick(w, ['access', 'parking'] as const), action: w.random() < 0.7 ? 'open' : 'lost', requestId });
  }
  if (!reply) return;
  const id = reply.ticket.id;
  w.acknowledged.add(id);
  w.ownerOf.set(id, owner._id);
  // Some owners urge when nobody has taken the task after a while.
  if (w.random() < 0.35) w.agenda.plan(at + between(w, 30, 90) * MINUTE, () => ownerMayUrge(w, owner, id));
};

const ownerMayUrge = async (w: World, owner: SimOwner, id: string): Promise<void> => {
  const me = w.driver.as(owner._id);
  const got = await me('ticket.get', { ticketId: id });
  if (got && ['submitted', 'dispatched'].includes(got.ticket.state)) await me('ticket.urge', { ticketId: id });
};

/** The owner's answer to a quote, a few minutes to an hour later; mostly yes. */
const ownerAnswersQuote = (w: World, ownerId: string, id: string, at: number, agreed: (at: number) => void) => {
  const when = at + between(w, 5, 60) * MINUTE;
  w.agenda.plan(when, async () => {
    const accept = w.random() < 0.9;
    const answered = await w.driver.as(ownerId)('repair.confirmQuote', { ticketId: id, accept, reason: accept ? '' : '价格偏高' });
    if (answered && accept) agreed(when);
  });
};

/** Half the owners rate in the app within the day; the others wait for the desk's call. */
const ownerMayRate = (w: World, ownerId: string, id: string, at: number) => {
  if (w.random() >= 0.5) return;
  w.agenda.plan(at + between(w, 0.5, 12) * HOUR, async () => {
    const score = w.random() < 0.1 ? 2 : 5;
    await w.driver.as(ownerId)('callback.rate', { ticketId: id, handling: score, staff: score, comment: '' });
  });
};

// --- staff ----------------------------------------------------------------------------------

/** On a tap that changes a task, the app asks for the role's reminders; some allow. */
const askOnTap = async (w: World, s: SimStaff): Promise<void> => {
  const keys = staffTemplatesFor(s.role) as TemplateKey[];
  let allowed = w.alwaysAllow.has(s.openid);
  if (!allowed && w.random() < 0.6) {
    allowed = true;
    // About three in ten tick 总是保持以上选择 once, and are never asked again.
    if (w.random() < 0.3) w.alwaysAllow.add(s.openid);
  }
  // As the staff pages do (useAskReminders): the grant is the person's, not a ticket's.
  if (allowed) await w.driver.as(s.openid)('subscription.grant', { accepted: keys });
};

/** Looks at the list: takes what waits, then plans the work. */
const check = async (w: World, s: SimStaff, at: number): Promise<void> => {
  const me = w.driver.as(s.openid);
  if (s.role === 'supervisor' || s.role === 'manager') {
    await me('task.list', { tab: 'late' });
    return;
  }
  const tab = s.role === 'team_lead' ? 'pool' : 'todo';
  const list = await me('task.list', { tab });
  const tasks = ((list?.tasks ?? []) as TicketSummary[]).filter((t) => tab === 'pool' || t.assigneeName === s.name);
  const waiting = tasks.filter((t) => !w.inHand.has(t.id) && ['dispatched', 'reopened', 'submitted'].includes(t.state)).slice(0, 4);
  for (const t of waiting) w.inHand.add(t.id);
  // 接单 on each, the app's ask for reminders in the same tap.
  await Promise.all(
    waiting.map(async (t) => {
      const [, accepted] = await Promise.all([askOnTap(w, s), me('task.accept', { ticketId: t.id })]);
      if (accepted) planWork(w, s, accepted.ticket as TicketView, at);
      else w.inHand.delete(t.id);
    }),
  );
  if (s.role === 'front_desk') await deskCallbacks(w, s);
};

/** After 接单: on site, maybe a quote, then 返单; a complaint or a card is handled in a few hours. */
const planWork = (w: World, s: SimStaff, t: TicketView, at: number) => {
  const me = w.driver.as(s.openid);
  const done = async (when: number) => {
    await askOnTap(w, s);
    const finished = await me('task.finish', { ticketId: t.id, note: '已处理完毕', photos: t.kind === 'repair' ? [RESULT_PHOTO] : [] });
    w.inHand.delete(t.id);
    if (finished) ownerMayRate(w, w.ownerOf.get(t.id) ?? '', t.id, when);
  };
  if (t.kind !== 'repair') {
    // A card's identity check (the desk's accept) sends it on to engineering: nothing more here.
    if (t.kind === 'card' && t.state === 'submitted') return void w.inHand.delete(t.id);
    const when = at + between(w, 0.5, 4) * HOUR;
    return w.agenda.plan(when, () => done(when));
  }
  const arriveAt = at + between(w, 8, 30) * MINUTE;
  w.agenda.plan(arriveAt, async () => {
    const arrived = await me('task.arrive', { ticketId: t.id });
    if (!arrived) return void w.inHand.delete(t.id);
    const finishAt = arriveAt + between(w, 20, 90) * MINUTE;
    if (t.area === 'home' && w.random() < 0.25) {
      const quoted = await me('task.quote', { ticketId: t.id, items: [{ name: '更换配件', priceFen: 4000, quantity: 1 }], note: '' });
      // The work goes on once the owner agrees; a declined quote ends the visit.
      if (quoted) return ownerAnswersQuote(w, w.ownerOf.get(t.id) ?? '', t.id, arriveAt, (agreedAt) => w.agenda.plan(agreedAt + between(w, 20, 90) * MINUTE, () => done(agreedAt + HOUR)));
    }
    w.agenda.plan(finishAt, () => done(finishAt));
  });
};

/** The desk's callbacks: a few each look, recorded from the phone or not reached. */
const deskCallbacks = async (w: World, s: SimStaff) => {
  const me = w.driver.as(s.openid);
  const queue = await me('desk.callbacks', {});
  const items = (queue?.items ?? []) as { ticket: TicketSummary }[];
  // Each desk calls whom she picks from the queue; two desks at work rarely pick the same owner.
  for (const item of [...items].sort(() => w.random() - 0.5).slice(0, 3)) {
    if (w.random() < 0.8) await me('desk.recordCallback', { ticketId: item.ticket.id, handling: 5, staff: 5, words: '业主表示满意' });
    else await me('desk.callbackAttempt', { ticketId: item.ticket.id, note: '电话无人接听' });
  }
};

/** Every 45–90 minutes at work, and at the start of each stretch at work. */
export const planChecks = (w: World, s: SimStaff, from: number, until: number): void => {
  const next = nextAtWork(s, from);
  if (next === undefined || next >= until) return;
  const at = next + between(w, 0, 15) * MINUTE;
  w.agenda.plan(at, async () => {
    if (atWork(s, at)) await check(w, s, at);
    planChecks(w, s, at + between(w, 45, 90) * MINUTE, until);
  });
};

/** A reminder that reached someone: they look within minutes if at work, else when they start. */
export const reminded = (w: World, s: SimStaff, at: number, until: number): void => {
  const start = atWork(s, at) ? at : nextAtWork(s, at);
  if (start === undefined) return;
  const when = start + between(w, 2, 10) * MINUTE;
  if (when < until) w.agenda.plan(when, () => check(w, s, when));
};
