import type { ActionOutput } from '../../core/contract/actions';
import { OWNER_SUBMIT_TEMPLATES, STAFF_TEMPLATES, TEMPLATES, staffTemplatesFor, type TemplateKey } from '../../core/notify/templates';
import { STAFF_ROLE_NAMES } from '../../core/tickets/actor';
import { unconfirmedYearNotice, unconfirmedYears } from '../../core/sla/holidays';
import type { Policy } from '../../core/sla/policy';
import type { StaffMember } from '../../core/routing/staff';
import { formatLocal } from '../../core/sla/time';
import type { Deps } from '../ports';

const refs = (deps: Deps, keys: readonly TemplateKey[]) =>
  keys.map((key) => ({ key, id: deps.templateIds[key], title: TEMPLATES[key].title }));

/**
 * What needs this staff member's attention on home: for the manager and the supervisor, a year
 * whose holiday arrangement is not confirmed (this year, and next year from 1 December).
 */
const staffNotices = (member: StaffMember, policy: Policy, now: number) =>
  member.role === 'manager' || member.role === 'supervisor'
    ? unconfirmedYears(policy.calendar, formatLocal(now, policy.utcOffsetMinutes, 'YYYY-MM-DD')).map((year) => ({ key: `calendar.${year}`, text: unconfirmedYearNotice(year) }))
    : [];

/** Who the caller is: a staff member, a bound owner, or a guest who still has to bind a unit. */
export const whoami = async (deps: Deps, openid: string, policy: Policy): Promise<ActionOutput<'session.whoami'>> => {
  const [member, owner] = await Promise.all([deps.staff.byOpenid(openid), deps.owners.byOpenid(openid)]);
  const templates = { owner: refs(deps, OWNER_SUBMIT_TEMPLATES), staff: refs(deps, member ? staffTemplatesFor(member.role) : STAFF_TEMPLATES) };
  const fees = { cardReissueFen: policy.card.reissueFeeFen };
  if (member && member.active) {
    return {
      identity: {
        kind: 'staff',
        staffId: member._id,
        name: member.name,
        role: member.role,
        roleName: STAFF_ROLE_NAMES[member.role],
        credits: member.credits as Record<string, number>,
      },
      templates,
      fees,
      notices: staffNotices(member, policy, deps.now()),
    };
  }
  if (owner && owner.units.length) {
    return {
      identity: {
        kind: 'owner',
        name: owner.name,
        phone: owner.phone,
        units: owner.units.map((u) => ({
          id: u.id,
          label: `${u.community} ${u.building}${u.unit}${u.room}`,
          community: u.community,
          building: u.building,
          unit: u.unit,
          room: u.room,
          relation: u.relation,
        })),
      },
      templates,
      fees,
      notices: [],
    };
  }
  return { identity: { kind: 'guest', openid }, templates, fees, notices: [] };
};
