/**
 * The fixed data set of the KPI tests: twelve tickets walked through the real workflow under a
 * fake clock (China wall-clock times), November–December 2026. Every expected figure in the
 * tests is computed by hand from the timeline written next to each ticket here.
 *
 *   A  repair  阳光花园   王师傅  Mon 11-23 10:00  dispatch 1m, on site 10m, returned 40m, owner 5/5 at 12:00
 *   B  repair  阳光花园   王师傅  Tue 11-24 09:00  dispatch 5m (late), on site 30m, returned 60m, owner 1/4 → reopened;
 *                                              again on site 11:10 (in time), returned 11:40, phone callback 4/5 at 13:00
 *   C  repair  阳光花园   —       Wed 11-25 10:00  cancelled by the owner at 10:01, before dispatch
 *   D  repair  阳光花园   赵师傅  Thu 11-26 10:00  on-site clock paused 10:05–10:35, arrived 10:40 (in time only thanks to
 *                                              the pause), returned 11:00; no callback by 19:00: callback escalated
 *   E  repair  天利龙腾湾 王师傅  Mon 11-30 17:00  returned 17:50 (after the 17:30 closing: return late);
 *                                              owner 5/3 on Tue 12-01 09:00 (callback late): spans two months
 *   F  repair  天利龙腾湾 赵师傅  Fri 11-27 09:00  returned 09:30; closed by the platform on 11-28 09:30 without a callback
 *   G  complaint 阳光花园 张管家  Fri 11-27 10:00  about 王师傅 (ticket A); handled 11:00; owner 5/5 at 12:00; raised sub-task I
 *   H  IC card 阳光花园   王师傅  Fri 11-27 14:00  identity checked 14:01 by 陈前台 (in time); card done 14:12 (8-minute clock
 *                                              from 14:01: late); owner 5/5 at 15:00
 *   I  sub-task 阳光花园  钱组长  Fri 11-27 10:10  public cleaning from G: dispatched 10:12, on site 10:25, done 10:50 (small: in time)
 *   J  repair  天利龙腾湾 刘师傅  Mon 11-23 14:00  public area, sized 中修 (3 working days); done Wed 11-25 16:00; owner 3/3 at 18:00
 *   K  repair  阳光花园   王师傅  Wed 12-02 10:00  dispatched 10:01, not yet accepted (on-site clock running)
 *   L  repair  阳光花园   赵师傅  Thu 11-26 14:00  returned 14:30; owner 4/2 at 15:00 → reopened, back with 赵师傅
 */
import { createCardTicket, createComplaintTicket } from '@/core/tickets/create';
import type { TicketEvent } from '@/core/tickets/events';
import type { Ticket } from '@/core/tickets/model';
import { createSubtask } from '@/core/tickets/subtask';
import { enterState } from '@/core/tickets/transition';
import { DEFAULT_POLICY, ev, frontDesk, local, newTicket, owner, staffActor, step, system, teammate, technician, type StaffActor } from '../fixtures';

export const wang = technician; // 王师傅, staff-tech-wang
export const zhao = teammate; // 赵师傅, staff-tech-zhao
export const liu = staffActor({ openid: 'openid-tech-liu', staffId: 'staff-tech-liu', name: '刘师傅', trades: ['masonry'] });
export const keeper = staffActor({
  openid: 'openid-keeper-zhang', staffId: 'staff-keeper-zhang', name: '张管家', role: 'housekeeper', team: 'customer_service', trades: [], zones: ['north'],
});
export const cleaner = staffActor({ openid: 'openid-lead-qian', staffId: 'staff-lead-qian', name: '钱组长', role: 'team_lead', team: 'cleaning', trades: [] });
const supervisor = { staffId: 'staff-super-zhou', openid: 'openid-super-zhou', name: '周主任', role: 'supervisor' as const };

const SUNNY = { id: 'unit-3-2-1801', community: '阳光花园', building: '3栋', unit: '2单元', room: '1801', zone: 'north' };
const TIANLI = { id: 'unit-1-1-1201', community: '天利龙腾湾', building: '1栋', unit: '1单元', room: '1201', zone: 'north' };

/** November 2026, day d, hh:mm China time. */
export const nov = (d: number, h: number, m = 0) => local(2026, 11, d, h, m);
export const dec = (d: number, h: number, m = 0) => local(2026, 12, d, h, m);

type Step = [TicketEvent, Parameters<typeof step>[2], number];
const walk = (t: Ticket, steps: Step[]): Ticket => steps.reduce((acc, [e, actor, at]) => step(acc, e, actor, at).ticket, t);

/** The usual in-home path up to 返单: dispatched, accepted a minute later, on site, returned. */
const toReturned = (who: StaffActor, dispatchAt: number, arriveAt: number, finishAt: number): Step[] => [
  [ev.dispatch(who), system, dispatchAt],
  [ev.accept(), who, dispatchAt + 60_000],
  [ev.arrive(), who, arriveAt],
  [ev.finish(), who, finishAt],
];

const A = walk(newTicket({ id: 'tkt_A' }, nov(23, 10)), [
  ...toReturned(wang, nov(23, 10, 1), nov(23, 10, 10), nov(23, 10, 40)),
  [ev.requestCallback(), system, nov(23, 10, 41)],
  [ev.rate(5, 5), owner, nov(23, 12)],
]);

const B = walk(newTicket({ id: 'tkt_B' }, nov(24, 9)), [
  ...toReturned(wang, nov(24, 9, 5), nov(24, 9, 30), nov(24, 10)),
  [ev.requestCallback(), system, nov(24, 10, 1)],
  [ev.rate(1, 4, '还是漏水'), owner, nov(24, 11)],
  [ev.accept(), wang, nov(24, 11, 5)],
  [ev.arrive(), wang, nov(24, 11, 10)],
  [ev.finish(), wang, nov(24, 11, 40)],
  [ev.rate(4, 5, '这次好了'), frontDesk, nov(24, 13)],
]);

const C = walk(newTicket({ id: 'tkt_C' }, nov(25, 10)), [[ev.cancel(), owner, nov(25, 10, 1)]]);

/** D's path; `paused` false: the same ticket without the owner-not-home pause. */
export const ticketD = (paused = true): Ticket =>
  walk(newTicket({ id: 'tkt_D' }, nov(26, 10)), [
    [ev.dispatch(zhao), system, nov(26, 10, 1)],
    [ev.accept(), zhao, nov(26, 10, 2)],
    ...(paused
      ? ([
          [{ type: 'pause', reason: '业主不在家' }, zhao, nov(26, 10, 5)],
          [{ type: 'resume' }, zhao, nov(26, 10, 35)],
        ] as Step[])
      : []),
    [ev.arrive(), zhao, nov(26, 10, 40)],
    [ev.finish(), zhao, nov(26, 11)],
    [{ type: 'escalate', clock: 'callback', step: 0, to: [supervisor] }, system, nov(26, 19)],
  ]);
const D = ticketD();

const E = walk(newTicket({ id: 'tkt_E', unit: TIANLI }, nov(30, 17)), [
  ...toReturned(wang, nov(30, 17, 1), nov(30, 17, 10), nov(30, 17, 50)),
  [ev.requestCallback(), system, nov(30, 17, 51)],
  [ev.rate(5, 3), owner, dec(1, 9)],
]);

/**
 * The workflow has no automatic close yet; older tickets and a future timer may close one
 * without a callback. This is such a close, through the real state entry (every clock stopped).
 */
const autoClose = (t: Ticket, at: number): Ticket =>
  enterState(t, t, t.state, 'escalate', 'closed', [], '超过回访时限，系统结单', { actor: system, now: at, policy: DEFAULT_POLICY }).ticket;

const F = autoClose(
  walk(newTicket({ id: 'tkt_F', unit: TIANLI }, nov(27, 9)), [
    ...toReturned(zhao, nov(27, 9, 1), nov(27, 9, 12), nov(27, 9, 30)),
    [ev.requestCallback(), system, nov(27, 9, 31)],
  ]),
  nov(28, 9, 30),
);

const ctx = (now: number) => ({ actor: owner, now, policy: DEFAULT_POLICY });

const gAccepted = walk(
  createComplaintTicket(
    {
      id: 'cmp_G',
      owner: { openid: owner.openid, name: owner.name, phone: '13900000000' },
      unit: SUNNY,
      description: '王师傅上门态度不好',
      photos: [],
      grantedTemplates: [],
      category: 'service',
      aboutStaff: '王师傅',
      aboutStaffId: wang.staffId,
      replyBy: nov(27, 18),
      linkedTicket: { id: A._id, no: A.no },
    },
    ctx(nov(27, 10)),
  ).ticket,
  [
    [ev.dispatch(keeper), system, nov(27, 10, 2)],
    [ev.accept(), keeper, nov(27, 10, 3)],
  ],
);

const sub = createSubtask(gAccepted, { id: 'sub_I', category: 'household_cleaning', area: 'public', description: '楼道清理' }, { ...ctx(nov(27, 10, 10)), actor: keeper });

const G = walk(gAccepted, [
  [{ type: 'subtask', subtask: sub.ref }, keeper, nov(27, 10, 10)],
  [ev.finish('已向业主致歉并约谈王师傅', []), keeper, nov(27, 11)],
  [ev.requestCallback(), system, nov(27, 11, 1)],
  [ev.rate(5, 5), owner, nov(27, 12)],
]);

const I = walk(sub.ticket, [
  [ev.dispatch(cleaner), system, nov(27, 10, 12)],
  [ev.accept(), cleaner, nov(27, 10, 13)],
  [ev.arrive(), cleaner, nov(27, 10, 25)],
  [ev.finish('已清理'), cleaner, nov(27, 10, 50)],
]);

const H = walk(
  createCardTicket(
    {
      id: 'card_H',
      owner: { openid: owner.openid, name: owner.name, phone: '13900000000' },
      unit: SUNNY,
      description: '',
      photos: [],
      grantedTemplates: [],
      type: 'access',
      action: 'open',
      cardNo: '',
      custody: false,
      lossTicket: null,
    },
    ctx(nov(27, 14)),
  ).ticket,
  [
    [ev.dispatch(frontDesk), system, nov(27, 14)],
    [ev.accept(), frontDesk, nov(27, 14, 1)],
    [ev.dispatch(wang), system, nov(27, 14, 1)],
    [ev.accept(), wang, nov(27, 14, 2)],
    [ev.finish('已开通', []), wang, nov(27, 14, 12)],
    [ev.requestCallback(), system, nov(27, 14, 13)],
    [ev.rate(5, 5), owner, nov(27, 15)],
  ],
);

const J = walk(newTicket({ id: 'tkt_J', unit: TIANLI, area: 'public', category: 'public_facility' }, nov(23, 14)), [
  [ev.dispatch(liu), system, nov(23, 14, 5)],
  [ev.accept(), liu, nov(23, 14, 6)],
  [{ type: 'classify', size: 'medium' }, liu, nov(23, 14, 10)],
  [ev.arrive(), liu, nov(23, 14, 15)],
  [ev.finish(), liu, nov(25, 16)],
  [ev.requestCallback(), system, nov(25, 16, 1)],
  [ev.rate(3, 3), owner, nov(25, 18)],
]);

const K = walk(newTicket({ id: 'tkt_K' }, dec(2, 10)), [[ev.dispatch(wang), system, dec(2, 10, 1)]]);

const L = walk(newTicket({ id: 'tkt_L' }, nov(26, 14)), [
  ...toReturned(zhao, nov(26, 14, 1), nov(26, 14, 10), nov(26, 14, 30)),
  [ev.requestCallback(), system, nov(26, 14, 31)],
  [ev.rate(4, 2, '师傅不耐烦'), owner, nov(26, 15)],
]);

export const TICKETS = { A, B, C, D, E, F, G, H, I, J, K, L };
export type TicketName = keyof typeof TICKETS;
