import type { UnitRef } from '../tickets/model';

/**
 * A community's layout as data: its buildings (楼栋) with their zone (片区), each building's
 * units (单元) and each unit's rooms (房号). Owners pick building → unit → room from it, and the
 * server accepts a binding request only for a room that exists here.
 *
 * Kept free of zod: the mini-program uses it to fill its pickers.
 */

/**
 * Rooms numbered floor by floor: floor 12, second door → "1202". Floors in `skipFloors` do not
 * exist (many buildings have no 4th, 13th or 14th floor); `firstFloor` is 1 unless shops or a
 * lobby take the lower floors.
 */
export interface RoomGrid {
  floors: number;
  perFloor: number;
  firstFloor?: number;
  skipFloors?: readonly number[];
}

export interface UnitLayout {
  /** As owners say it: '1单元'. */
  name: string;
  /** Letters and digits only: part of the unit id. */
  code: string;
  /** A grid of floors × doors, or the room numbers one by one (villas, shops, irregular floors). */
  rooms: RoomGrid | readonly string[];
}

export interface BuildingLayout {
  name: string; // '1栋'
  code: string; // '1'
  /** The housekeeper's zone the building belongs to. */
  zone: string;
  units: readonly UnitLayout[];
}

export interface CommunityLayout {
  _id: string;
  name: string;
  /** Starts every unit id of the community: 'u' → 'u-1-1-1201'. Distinct per community. */
  idPrefix: string;
  buildings: readonly BuildingLayout[];
}

const CODE = /^[A-Za-z0-9]{1,16}$/;

export const isRoomGrid = (rooms: UnitLayout['rooms']): rooms is RoomGrid => !Array.isArray(rooms);

/** Every room of a unit, lowest floor first. */
export const roomsOf = (unit: Pick<UnitLayout, 'rooms'>): string[] => {
  const { rooms } = unit;
  if (!isRoomGrid(rooms)) return [...rooms];
  const first = rooms.firstFloor ?? 1;
  const skip = new Set(rooms.skipFloors ?? []);
  const out: string[] = [];
  for (let floor = first; floor < first + rooms.floors; floor += 1) {
    if (skip.has(floor)) continue;
    for (let door = 1; door <= rooms.perFloor; door += 1) out.push(`${floor}${String(door).padStart(2, '0')}`);
  }
  return out;
};

const hasRoom = (unit: UnitLayout, room: string): boolean => {
  const { rooms } = unit;
  if (!isRoomGrid(rooms)) return rooms.includes(room);
  // Arithmetic instead of listing every room: a tall building has hundreds.
  const m = /^([1-9]\d{0,2})(\d{2})$/.exec(room);
  if (!m) return false;
  const floor = Number(m[1]);
  const door = Number(m[2]);
  const first = rooms.firstFloor ?? 1;
  return (
    floor >= first &&
    floor < first + rooms.floors &&
    !(rooms.skipFloors ?? []).includes(floor) &&
    door >= 1 &&
    door <= rooms.perFloor
  );
};

export const unitIdOf = (
  community: Pick<CommunityLayout, 'idPrefix'>,
  building: Pick<BuildingLayout, 'code'>,
  unit: Pick<UnitLayout, 'code'>,
  room: string,
): string => `${community.idPrefix}-${building.code}-${unit.code}-${room}`;

/** The unit (with its zone) at building / unit / room, or null when the community has no such room. */
export const findUnit = (layout: CommunityLayout, building: string, unit: string, room: string): UnitRef | null => {
  const b = layout.buildings.find((x) => x.name === building);
  const u = b?.units.find((x) => x.name === unit);
  if (!b || !u || !hasRoom(u, room)) return null;
  return { id: unitIdOf(layout, b, u, room), community: layout.name, building: b.name, unit: u.name, room, zone: b.zone };
};

/** How a unit is written for people: '天利龙腾湾 1栋1单元1201'. */
export const unitLabel = (u: Pick<UnitRef, 'community' | 'building' | 'unit' | 'room'>): string =>
  `${u.community} ${u.building}${u.unit}${u.room}`;

/** A unit as staff see it: where it is, written for people, and the zone it belongs to. */
export const unitPlace = (u: UnitRef) => ({
  id: u.id,
  label: unitLabel(u),
  community: u.community,
  building: u.building,
  unit: u.unit,
  room: u.room,
  zone: u.zone,
});

/** The zones of a community, in the order its buildings are listed. */
export const zonesOf = (layout: Pick<CommunityLayout, 'buildings'>): string[] => [...new Set(layout.buildings.map((b) => b.zone))];

/**
 * What is wrong with a layout (empty when nothing): a layout is configuration typed in by people,
 * so it is checked before it is stored.
 */
export const layoutProblems = (layout: CommunityLayout): string[] => {
  const problems: string[] = [];
  if (!CODE.test(layout.idPrefix)) problems.push(`idPrefix ${layout.idPrefix} must be letters and digits`);
  const names = new Set<string>();
  const codes = new Set<string>();
  for (const b of layout.buildings) {
    if (names.has(b.name)) problems.push(`building ${b.name} is listed twice`);
    if (codes.has(b.code)) problems.push(`building code ${b.code} is used twice`);
    names.add(b.name);
    codes.add(b.code);
    if (!CODE.test(b.code)) problems.push(`building ${b.name}: code ${b.code} must be letters and digits`);
    if (!b.zone) problems.push(`building ${b.name} has no zone`);
    if (b.units.length === 0) problems.push(`building ${b.name} has no units`);
    const unitCodes = new Set<string>();
    for (const u of b.units) {
      if (!CODE.test(u.code)) problems.push(`${b.name}${u.name}: code ${u.code} must be letters and digits`);
      if (unitCodes.has(u.code)) problems.push(`${b.name}: unit code ${u.code} is used twice`);
      unitCodes.add(u.code);
      const rooms = roomsOf(u);
      if (rooms.length === 0) problems.push(`${b.name}${u.name} has no rooms`);
      if (rooms.some((r) => !CODE.test(r))) problems.push(`${b.name}${u.name}: room numbers must be letters and digits`);
    }
  }
  return problems;
};
