import { createHash } from 'node:crypto';
import { findUnit, unitPlace } from '../../core/binding/community';
import type { ParsedInput } from '../../core/contract/actions';
import type { DeskUnit, Resident } from '../../core/contract/desk-actions';
import { DomainError } from '../../core/errors';
import type { UnitRef } from '../../core/tickets/model';
import type { Deps, OwnerRecord } from '../ports';
import { coversZone, deskMember } from './desk-access';

/** More people than this on one room or one number is not a household: the list stops there. */
const FIND_LIMIT = 20;

/**
 * How the desk names a resident to the server: derived from the openid, which is never shown to
 * staff (same idea as binding ids). Hashed with a purpose prefix so it matches no other id.
 */
export const residentIdOf = (openid: string): string => `r${createHash('sha256').update(`resident\n${openid}`).digest('hex').slice(0, 31)}`;

/** A housekeeper works the owners of their own zone only. */
export const OTHER_ZONE = '只能查看和登记您负责片区的业主';

const deskUnit = (u: UnitRef): DeskUnit => unitPlace(u);

/**
 * A resident as the desk sees them. The phone is shown in full: the desk calls owners back and
 * confirms who is calling by their number, and staff read it on every ticket already.
 */
export const toResident = (o: OwnerRecord): Resident => ({
  residentId: residentIdOf(o._id),
  name: o.name,
  phone: o.phone,
  units: o.units.map((u) => ({ ...deskUnit(u), relation: u.relation })),
});

/** The room picked from the layout, and who is bound to it (owners first, then family, tenants). */
export const findByRoom = async (deps: Deps, openid: string, input: ParsedInput<'desk.findByRoom'>) => {
  const [me, layout] = await Promise.all([deskMember(deps, openid, '查找业主'), deps.communities.get(input.communityId)]);
  const unit = layout ? findUnit(layout, input.building, input.unit, input.room) : null;
  if (!unit) throw new DomainError('BINDING.UNIT_UNKNOWN');
  if (!coversZone(me, unit.zone)) throw new DomainError('AUTH.FORBIDDEN', OTHER_ZONE);
  const order = { owner: 0, family: 1, tenant: 2 } as const;
  const relationHere = (o: OwnerRecord) => order[o.units.find((u) => u.id === unit.id)?.relation ?? 'tenant'];
  const owners = (await deps.owners.byUnit(unit.id, FIND_LIMIT)).sort((a, b) => relationHere(a) - relationHere(b));
  return { unit: deskUnit(unit), residents: owners.map(toResident) };
};

/** Everyone bound with this mobile number. */
export const findByPhone = async (deps: Deps, openid: string, input: ParsedInput<'desk.findByPhone'>) => {
  const me = await deskMember(deps, openid, '查找业主');
  const owners = await deps.owners.byPhone(input.phone, FIND_LIMIT);
  // A housekeeper finds the residents of their own zone only.
  return { residents: owners.filter((o) => o.units.some((u) => coversZone(me, u.zone))).map(toResident) };
};

/** The owner the desk chose, bound to the unit the request is about; DESK.RESIDENT_UNKNOWN otherwise. */
export const residentOfUnit = async (deps: Deps, unitId: string, residentId: string): Promise<OwnerRecord> => {
  const found = (await deps.owners.byUnit(unitId, FIND_LIMIT)).find((o) => residentIdOf(o._id) === residentId);
  if (!found) throw new DomainError('DESK.RESIDENT_UNKNOWN');
  return found;
};
