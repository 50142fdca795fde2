import { TEMPLATES } from '../notify/templates';
import { localClock } from '../sla/time';
import type { PushFailure, Ticket } from '../tickets/model';
import type { StaffRef } from '../tickets/events';
import type { Team } from '../tickets/actor';
import { NOBODY_WHY, type RoutingDecision } from './route';
import { isOnDutyAt, type StaffMember } from './staff';

/**
 * The fallback ladder when routing cannot hand a task to someone it can push: first the team's
 * lead, then the supervisor. Each rung is asked only if it has someone on duty who can be
 * pushed; the supervisor is asked in any case (in the app when nobody can be pushed), so no
 * task waits unseen.
 */
export type HelpRung = 'team_lead' | 'supervisor';

/**
 * What the ask says, from the routing decision ("当前无人在岗，请安排接单", "王师傅微信提醒已用完，
 * 请电话通知"): it is the message's 20-character field too, so every reason fits it whole.
 */
export const helpReason = (decision: RoutingDecision): string =>
  decision.assignee
    ? `${decision.assignee.name}微信提醒已用完，请电话通知`
    : `${NOBODY_WHY[decision.reason as keyof typeof NOBODY_WHY] ?? '暂无人员可接单'}，请安排接单`;

const canBePushed = (m: StaffMember, clock: ReturnType<typeof localClock>): boolean =>
  m.active && isOnDutyAt(m, clock) && (m.credits.dispatch_help ?? 0) > 0;

export const teamLeads = (team: Team, members: readonly StaffMember[]): StaffMember[] =>
  members.filter((m) => m.role === 'team_lead' && m.team === team);

const ref = (m: StaffMember): StaffRef => ({ staffId: m._id, openid: m.openid, name: m.name, role: m.role });

/**
 * The rung to ask and whom: the leads who can be pushed now; else the supervisors who can be
 * (`supervisors` is only called then, so the usual case reads nothing more); else every
 * supervisor, who sees the task in the app's 待协调 list. `except` is who the task went to.
 */
export const pickHelpers = async (
  leads: readonly StaffMember[],
  supervisors: () => Promise<readonly StaffMember[]>,
  now: number,
  utcOffsetMinutes: number,
  except?: string,
): Promise<{ rung: HelpRung; to: StaffRef[] }> => {
  const clock = localClock(now, utcOffsetMinutes);
  const byId = (a: StaffMember, b: StaffMember) => a._id.localeCompare(b._id);
  const reachableLeads = leads.filter((m) => m._id !== except && canBePushed(m, clock)).sort(byId);
  if (reachableLeads.length) return { rung: 'team_lead', to: reachableLeads.map(ref) };
  const all = [...(await supervisors())].filter((m) => m.active && m._id !== except).sort(byId);
  const reachable = all.filter((m) => canBePushed(m, clock));
  return { rung: 'supervisor', to: (reachable.length ? reachable : all).map(ref) };
};

/**
 * A task its holder was not told about — the new-task (or rework) push ended unsent — while
 * nobody is coordinating it yet: what the lead is asked, or null when nothing is needed.
 */
export const undeliveredTask = (t: Ticket, failed: readonly PushFailure[]): string | null => {
  if (t.help || !t.assignee || (t.state !== 'dispatched' && t.state !== 'reopened')) return null;
  const f = failed.find(
    (x) => x.recipient === 'assignee' && x.staffId === t.assignee!.staffId && (x.template === 'task_assigned' || x.template === 'task_reopened'),
  );
  // Short enough for the message's 20-character field; the cause is on the ticket (消息提醒).
  return f ? `${t.assignee.name}未收到${TEMPLATES[f.template].title}，请电话通知` : null;
};
