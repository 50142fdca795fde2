import { findCategory, type RepairCategoryId } from '../catalog/categories';
import type { SubtaskView } from '../contract/views';
import { TEAM_NAMES } from './actor';
import { createRepairTicket } from './create';
import type { SubtaskRef, Ticket } from './model';
import { stateLabel, type TicketState } from './states';
import type { TransitionContext } from './transition';
import { MAX_SUBTASKS } from './workflow';

/**
 * 协办 (004 二: the housekeeper involves the departments concerned). A complaint's handler asks
 * another team for work — an engineering repair of a trade, household cleaning, greening — as a
 * sub-task: a repair ticket of its own for the complaint's owner and unit, routed like any
 * request. The complaint keeps references only; a sub-task's state is read when it is shown.
 */

export { MAX_SUBTASKS };

/** A sub-task's work is over as far as the complaint is concerned: returned (or past it), or ended otherwise. */
export const SUBTASK_SETTLED_STATES: readonly TicketState[] = ['returned', 'callback_pending', 'closed', 'cancelled', 'referred'];

export interface SubtaskRequest {
  id: string;
  category: RepairCategoryId;
  area: 'home' | 'public';
  description: string;
}

/**
 * Why a sub-task cannot be raised from this ticket, in the staff's words; null when the workflow
 * decides (who may, and in which state). Only a complaint raises sub-tasks: a sub-task's own
 * holder who needs yet another team asks the housekeeper, so every team's work for one complaint
 * stays listed on that complaint (and counts for its 处理完毕).
 */
export const subtaskRefusal = (t: Ticket): string | null => {
  if (t.parent) return '协办单不能再安排协办，如需其他班组协助请联系安排协办的管家';
  if (t.kind !== 'complaint') return '只有投诉可以安排其他班组协办';
  return null;
};

export const SUBTASK_LIMIT_MESSAGE = `每张投诉最多安排${MAX_SUBTASKS}个协办单`;

/**
 * The sub-task as a new repair ticket, waiting to be routed: the complaint's owner and unit, no
 * owner credits (the owner follows the complaint, not the sub-task), the complaint as its parent.
 * Its trail starts with who raised it and from which complaint.
 */
export const createSubtask = (complaint: Ticket, req: SubtaskRequest, ctx: TransitionContext): { ticket: Ticket; ref: SubtaskRef } => {
  const { ticket } = createRepairTicket(
    {
      id: req.id,
      owner: complaint.owner,
      unit: complaint.unit,
      area: req.area,
      category: req.category,
      description: req.description,
      photos: [],
      appointment: null,
      urgent: false,
      grantedTemplates: [],
    },
    ctx,
  );
  const note = `协办：投诉 ${complaint.no}`;
  const sub: Ticket = {
    ...ticket,
    parent: { id: complaint._id, no: complaint.no },
    history: ticket.history.map((h, i) => (i === 0 ? { ...h, note } : h)),
  };
  return { ticket: sub, ref: { id: sub._id, no: sub.no, team: sub.team, category: sub.category, at: ctx.now } };
};

/** A referenced sub-task and the ticket read for it (null: not found). */
export interface SubtaskStatus {
  ref: SubtaskRef;
  ticket: Ticket | null;
}

const isSettled = (s: SubtaskStatus): boolean => s.ticket !== null && SUBTASK_SETTLED_STATES.includes(s.ticket.state);

/** Sub-tasks still open (one that cannot be found counts as open: nobody said it is done). */
export const openSubtasks = (statuses: readonly SubtaskStatus[]): SubtaskStatus[] => statuses.filter((s) => !isSettled(s));

/**
 * 处理完毕 with sub-tasks: allowed when every sub-task is done, or when the housekeeper confirms
 * despite open ones. Why not a hard rule: the complaint is answered to the owner by the reply
 * time they asked for (003 #19 3), while a sub-task may rightly take longer (a public-area major
 * repair: 15 working days); the housekeeper, who owns the complaint to the end, decides — and the
 * open sub-tasks stay listed on the complaint and keep their own clocks. Returns the refusal in
 * the staff's words, or null.
 */
export const finishRefusal = (statuses: readonly SubtaskStatus[], confirmed: boolean): string | null => {
  const open = openSubtasks(statuses);
  if (open.length === 0 || confirmed) return null;
  const which = open.map((s) => `${s.ref.no}（${TEAM_NAMES[s.ref.team]}·${s.ticket ? stateLabel('repair', s.ticket.state) : '未找到'}）`).join('、');
  return `还有${open.length}个协办单未完成：${which}。请等协办完成，或确认仍要处理完毕`;
};

/** A sub-task as the complaint's staff page lists it, with its state as read now. */
export const subtaskView = ({ ref, ticket }: SubtaskStatus): SubtaskView => {
  const category = findCategory(ref.category);
  return {
    id: ref.id,
    no: ref.no,
    teamName: TEAM_NAMES[ref.team],
    categoryName: category?.name ?? ref.category,
    categoryIcon: category?.icon ?? '🛠',
    area: ticket?.area ?? null,
    description: ticket?.description ?? '',
    state: ticket?.state ?? null,
    stateLabel: ticket ? stateLabel('repair', ticket.state) : '未找到',
    assigneeName: ticket?.assignee?.name ?? null,
    settled: isSettled({ ref, ticket }),
    at: ref.at,
  };
};
