import { findUnit, layoutProblems, roomsOf, unitIdOf, unitLabel, zonesOf, type CommunityLayout } from '@/core/binding/community';
import { DEMO_COMMUNITY, DEMO_OWNERS } from '@/local/demo-data';

const layout: CommunityLayout = {
  _id: 'c1',
  name: '翠湖苑',
  idPrefix: 'u',
  buildings: [
    { name: '1栋', code: '1', zone: 'A区', units: [{ name: '1单元', code: '1', rooms: { floors: 5, perFloor: 2, skipFloors: [4] } }] },
    { name: '2栋', code: '2', zone: 'B区', units: [{ name: '2单元', code: '2', rooms: { floors: 3, perFloor: 1, firstFloor: 2 } }] },
    { name: '别墅区', code: 'V', zone: 'B区', units: [{ name: '独栋', code: '0', rooms: ['A1', 'A2'] }] },
  ],
};

describe('rooms of a unit', () => {
  it('a grid numbers rooms floor by floor, door by door, and leaves out floors that do not exist', () => {
    expect(roomsOf(layout.buildings[0].units[0])).toEqual(['101', '102', '201', '202', '301', '302', '501', '502']);
  });

  it('a grid may start above the ground floor (shops below)', () => {
    expect(roomsOf(layout.buildings[1].units[0])).toEqual(['201', '301', '401']);
  });

  it('a list is taken as it is', () => {
    expect(roomsOf(layout.buildings[2].units[0])).toEqual(['A1', 'A2']);
  });

  it('a tall building has a room on its top floor: 33 floors × 4 doors', () => {
    const rooms = roomsOf({ rooms: { floors: 33, perFloor: 4 } });
    expect(rooms).toHaveLength(132);
    expect(rooms.at(-1)).toBe('3304');
  });
});

describe('findUnit', () => {
  it('answers the unit with its id and zone for a room that exists', () => {
    expect(findUnit(layout, '1栋', '1单元', '502')).toEqual({
      id: 'u-1-1-502',
      community: '翠湖苑',
      building: '1栋',
      unit: '1单元',
      room: '502',
      zone: 'A区',
    });
    expect(findUnit(layout, '别墅区', '独栋', 'A2')?.id).toBe('u-V-0-A2');
  });

  it.each([
    ['an unknown building', '9栋', '1单元', '101'],
    ['a unit of another building', '1栋', '2单元', '101'],
    ['a floor that does not exist', '1栋', '1单元', '401'],
    ['a floor above the top', '1栋', '1单元', '601'],
    ['a door beyond the last', '1栋', '1单元', '103'],
    ['door 00', '1栋', '1单元', '100'],
    ['a floor below the first', '2栋', '2单元', '101'],
    ['a room with a leading zero', '1栋', '1单元', '0101'],
    ['a room not in the list', '别墅区', '独栋', 'A3'],
    ['an empty room', '1栋', '1单元', ''],
    ['an operator-looking room', '1栋', '1单元', '$ne'],
  ])('refuses %s', (_label, building, unit, room) => {
    expect(findUnit(layout, building, unit, room)).toBeNull();
  });

  it('agrees with roomsOf on every room of a grid (and nothing else up to floor 9)', () => {
    const unit = layout.buildings[0].units[0];
    const listed = new Set(roomsOf(unit));
    for (let floor = 0; floor <= 9; floor += 1) {
      for (let door = 0; door <= 9; door += 1) {
        const room = `${floor}0${door}`;
        expect(findUnit(layout, '1栋', '1单元', room) !== null).toBe(listed.has(room));
      }
    }
  });
});

describe('ids, labels, zones', () => {
  it('unit ids are prefix-building-unit-room', () => {
    expect(unitIdOf({ idPrefix: 'u' }, { code: '3' }, { code: '2' }, '1801')).toBe('u-3-2-1801');
  });

  it('labels read the way owners say them', () => {
    expect(unitLabel({ community: '天利龙腾湾', building: '1栋', unit: '1单元', room: '1201' })).toBe('天利龙腾湾 1栋1单元1201');
  });

  it('zones in the order of the buildings, once each', () => {
    expect(zonesOf(layout)).toEqual(['A区', 'B区']);
  });
});

describe('layout checks', () => {
  it('a well-formed layout has no problems', () => {
    expect(layoutProblems(layout)).toEqual([]);
  });

  it('names duplicate buildings, bad codes, missing zones and empty units', () => {
    const bad: CommunityLayout = {
      _id: 'c2',
      name: 'x',
      idPrefix: 'u-',
      buildings: [
        { name: '1栋', code: '1', zone: '', units: [{ name: '1单元', code: '1', rooms: [] }] },
        { name: '1栋', code: '1', zone: 'A区', units: [] },
        { name: '2栋', code: '二', zone: 'A区', units: [{ name: '1单元', code: '1', rooms: ['1-01'] }] },
      ],
    };
    expect(layoutProblems(bad)).toEqual([
      'idPrefix u- must be letters and digits',
      'building 1栋 has no zone',
      '1栋1单元 has no rooms',
      'building 1栋 is listed twice',
      'building code 1 is used twice',
      'building 1栋 has no units',
      'building 2栋: code 二 must be letters and digits',
      '2栋1单元: room numbers must be letters and digits',
    ]);
  });

  it('the demo community is well formed and holds every demo owner\'s unit, with the same id and zone', () => {
    expect(layoutProblems(DEMO_COMMUNITY)).toEqual([]);
    for (const owner of DEMO_OWNERS) {
      for (const { relation: _relation, ...unit } of owner.units) {
        expect(findUnit(DEMO_COMMUNITY, unit.building, unit.unit, unit.room)).toEqual(unit);
      }
    }
  });
});
