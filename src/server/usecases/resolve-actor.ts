import { assigneeActor, type Actor } from '../../core/tickets/actor';
import { staffActor } from '../../core/routing/staff';
import type { Ticket } from '../../core/tickets/model';
import type { Deps } from '../ports';

/**
 * Who the caller is with respect to a ticket. The owner and the assignee are recognised from the
 * ticket itself (no read); anyone else is looked up in the staff directory.
 */
export const resolveActor = async (deps: Deps, openid: string, t: Ticket): Promise<Actor | null> => {
  if (t.owner.openid === openid) return { kind: 'owner', openid, name: t.owner.name };
  if (t.assignee?.openid === openid) return assigneeActor(t);
  const member = await deps.staff.byOpenid(openid);
  return member && member.active ? staffActor(member) : null;
};

/** Who may look at a ticket: its owner, its assignee, and staff whose work covers it. */
export const canView = (actor: Actor, t: Ticket): boolean => {
  // A sub-task (协办单) is internal work for the owner's complaint: they follow the complaint.
  if (actor.kind === 'owner') return actor.openid === t.owner.openid && !t.parent;
  if (actor.kind === 'system') return true;
  if (actor.staffId === t.assignee?.staffId) return true;
  switch (actor.role) {
    case 'technician':
      // Their team's work of their trade (work of no particular trade: anyone of the team).
      return actor.team === t.team && (t.trade === null || actor.trades.includes(t.trade));
    case 'team_lead':
      return actor.team === t.team;
    case 'housekeeper':
      // A housekeeper follows the requests of their own zone (design: staff see their zone's).
      return actor.zones.includes(t.unit.zone);
    default:
      return true; // front desk, supervisors and managers follow every request
  }
};
