import { findCategory } from '../catalog/categories';
import type { ErrorCode } from '../errors';
import { teamFor } from '../routing/rules';
import type { Policy } from '../sla/policy';
import { TEAM_NAMES, type Actor } from './actor';
import type { TicketEvent } from './events';
import type { HandOn, Ticket } from './model';
import type { TicketState } from './states';
import type { Notification, TransitionRule } from './workflow';

/**
 * A task changing hands: 改派 (the supervisor or manager gives it to someone else) and 转派 (the
 * holder hands it on). Like the clock events, one layer for every kind: the states a kind lacks
 * are simply never reached. The standards' clocks measure the owner's wait, so they run on.
 */
export type HandOnEvent = Extract<TicketEvent, { type: 'reassign' | 'transfer' }>;

/** 改派: any open task before its work is done; not while a quote waits for the owner's answer. */
export const REASSIGN_STATES: readonly TicketState[] = ['dispatched', 'accepted', 'on_site', 'in_progress', 'reopened'];

/** 转派: only before the work starts (on site is where a wrong category usually shows). */
export const TRANSFER_STATES: readonly TicketState[] = ['dispatched', 'accepted', 'on_site'];

const toTeam = (e: TicketEvent): boolean => e.type === 'transfer' && 'category' in e.to;

export const HAND_ON_RULES: Partial<Record<TicketEvent['type'], TransitionRule>> = {
  // The state stays: the new person carries on where the work is (and is told by task_assigned);
  // the previous holder is told too (handOnNotices).
  reassign: {
    by: ['supervisor'],
    when: (t) => REASSIGN_STATES.includes(t.state),
    notify: [{ template: 'task_assigned', to: 'assignee' }],
  },
  // To a colleague: dispatched to them, who accepts it as any task. To another category: back to
  // 待派单, routed at once by the caller. No state entry runs: no clock starts over.
  transfer: {
    to: (_t, e) => (toTeam(e) ? 'submitted' : 'dispatched'),
    by: ['assignee'],
    when: (t) => TRANSFER_STATES.includes(t.state),
    skipEntry: true,
    notify: [{ template: 'task_assigned', to: 'assignee' }],
  },
};

export const isHandOn = (e: TicketEvent): e is HandOnEvent => e.type === 'reassign' || e.type === 'transfer';

/** What is wrong with a hand-on's own data for this ticket, if anything. */
export const handOnRefusal = (t: Ticket, e: TicketEvent): ErrorCode | null => {
  if (!isHandOn(e)) return null;
  if (!e.reason.trim()) return 'INPUT.INVALID';
  if (e.type === 'reassign') {
    // Built from the ticket as read: who held it is who it is taken from.
    if ((e.from?.staffId ?? null) !== (t.assignee?.staffId ?? null)) return 'INPUT.INVALID';
    return e.assignee.staffId === t.assignee?.staffId ? 'INPUT.INVALID' : null;
  }
  if ('assignee' in e.to) return e.to.assignee.staffId === t.assignee?.staffId ? 'INPUT.INVALID' : null;
  // Another category's people: repairs only, and a category that is really another one.
  return t.kind !== 'repair' || !findCategory(e.to.category) || e.to.category === t.category ? 'INPUT.INVALID' : null;
};

const categoryLabel = (category: string, policy: Policy): string =>
  `${findCategory(category)?.name ?? category}（${TEAM_NAMES[teamFor(policy.routing, 'repair', category)]}）`;

/** The ticket after the hand-on: who holds it now, and the record of the change. */
export const applyHandOn = (t: Ticket, e: HandOnEvent, actor: Actor, now: number, policy: Policy): Ticket => {
  const handedOn = (to: string): HandOn => ({
    event: e.type,
    from: t.assignee?.name ?? null,
    to,
    by: actor.kind === 'staff' ? actor.name : '系统',
    reason: e.reason,
    at: now,
  });
  if (e.type === 'reassign') return { ...t, assignee: e.assignee, help: null, handedOn: handedOn(e.assignee.name) };
  // Who handed it on said they cannot do it: as after a decline, routing never hands it back to
  // them, nor do they take it back behind the colleague's back.
  const declinedBy = [...(t.declinedBy ?? []), ...(t.assignee ? [t.assignee.staffId] : [])];
  if ('assignee' in e.to) return { ...t, assignee: e.to.assignee, help: null, declinedBy, handedOn: handedOn(e.to.assignee.name) };
  // To another category: the dispatch clock runs on from the request; the visit clocks were the holder's.
  const category = findCategory(e.to.category)!;
  const { stoppedAt: _stopped, ...dispatch } = t.clocks.dispatch ?? { startedAt: now, dueAt: now };
  const clocks = { ...t.clocks, dispatch };
  delete clocks.onSite;
  delete clocks.return;
  return {
    ...t,
    category: category.id,
    trade: category.trade,
    team: teamFor(policy.routing, 'repair', category.id),
    assignee: null,
    help: null,
    clocks,
    declinedBy,
    handedOn: handedOn(categoryLabel(category.id, policy)),
  };
};

/** The audit entry's note: from whom to whom and why (who did it is the entry's actor). */
export const handOnNote = (e: HandOnEvent, policy: Policy): string => {
  if (e.type === 'reassign') return `由${e.from?.name ?? '待派单'}改派给${e.assignee.name}：${e.reason}`;
  if ('assignee' in e.to) return `转派给${e.to.assignee.name}：${e.reason}`;
  return `改为${categoryLabel(e.to.category, policy)}重新派单：${e.reason}`;
};

/** Who is told besides the new holder: whoever a supervisor took the task from. */
export const handOnNotices = (e: TicketEvent): Notification[] =>
  e.type === 'reassign' && e.from ? [{ template: 'ticket_cancelled', to: 'staff', staff: e.from }] : [];

/** What the owner's timeline says of a change of hands (names and reasons are the staff's business). */
export const HAND_ON_OWNER_NOTE = '已更换处理人员';
