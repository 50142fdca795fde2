import { isRoomGrid, unitLabel, unitPlace, type CommunityLayout, type UnitLayout } from '../../core/binding/community';
import type { BindingRequest } from '../../core/binding/request';
import type { BindingView, CommunityLayoutView } from '../../core/contract/binding-actions';
import type { UnitView } from '../../core/contract/views';
import type { Handlers } from '../function';
import type { OwnerUnit } from '../ports';
import { cancelBinding, listLayouts, myBindings, pendingBindings, requestBinding, reviewBinding } from '../usecases/binding';

type BindingAction = 'binding.layout' | 'binding.request' | 'binding.mine' | 'binding.cancel' | 'binding.pending' | 'binding.review';

/** What a client sees of a request: the reviewer by name only, never their ids. */
export const toBindingView = (b: BindingRequest): BindingView => ({
  id: b._id,
  unit: unitPlace(b.unit),
  name: b.name,
  phone: b.phone,
  relation: b.relation,
  state: b.state,
  reason: b.reason,
  reviewerName: b.reviewer?.name ?? null,
  createdAt: b.createdAt,
  reviewedAt: b.reviewedAt,
  version: b.version,
});

/** The layout without its ids' building blocks (codes and prefix stay on the server). */
const roomsView = (rooms: UnitLayout['rooms']): CommunityLayoutView['buildings'][number]['units'][number]['rooms'] =>
  isRoomGrid(rooms) ? { ...rooms, skipFloors: rooms.skipFloors && [...rooms.skipFloors] } : [...rooms];

const toLayoutView = (c: CommunityLayout): CommunityLayoutView => ({
  id: c._id,
  name: c.name,
  buildings: c.buildings.map((b) => ({
    name: b.name,
    zone: b.zone,
    units: b.units.map((u) => ({ name: u.name, rooms: roomsView(u.rooms) })),
  })),
});

const toUnitView = (u: OwnerUnit): UnitView => ({
  id: u.id,
  label: unitLabel(u),
  community: u.community,
  building: u.building,
  unit: u.unit,
  room: u.room,
  relation: u.relation,
});

const one = (b: BindingRequest) => ({ request: toBindingView(b) });

export const bindingHandlers: Handlers<BindingAction> = {
  'binding.layout': async (_input, call) => ({ communities: (await listLayouts(call.deps)).map(toLayoutView) }),
  'binding.request': (input, call) => requestBinding(call.deps, call.openid, input).then(one),
  'binding.mine': async (_input, call) => {
    const { owner, requests } = await myBindings(call.deps, call.openid);
    return { units: (owner?.units ?? []).map(toUnitView), requests: requests.map(toBindingView) };
  },
  'binding.cancel': (input, call) => cancelBinding(call.deps, call.openid, input.bindingId).then(one),
  'binding.pending': async (_input, call) => ({ requests: (await pendingBindings(call.deps, call.openid)).map(toBindingView) }),
  'binding.review': (input, call) => reviewBinding(call.deps, call.openid, input).then(one),
};
