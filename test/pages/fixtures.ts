// Realistic replies of the actions, shaped by the contract types, for page tests.
import type { Identity, TicketView } from '@/core/contract/views'

export const owner: Identity = {
  kind: 'owner',
  name: '林先生',
  phone: '13800000001',
  units: [
    { id: 'u1', label: '3栋2单元1201', community: '翠湖花园', building: '3栋', unit: '2单元', room: '1201', relation: 'owner' },
  ],
}

export const technician: Identity = {
  kind: 'staff',
  staffId: 's1',
  name: '王师傅',
  role: 'technician',
  roleName: '维修师傅',
  credits: {},
}

export const guest: Identity = { kind: 'guest' }

export const whoami = (identity: Identity) => ({ identity, templates: { owner: [], staff: [] } })

const T0 = Date.UTC(2025, 10, 22, 1, 0)

export const ticket = (over: Partial<TicketView> = {}): TicketView => ({
  id: 't1',
  no: 'BX20251122001',
  state: 'dispatched',
  stateLabel: '已派单',
  categoryName: '水电',
  categoryIcon: '💡',
  place: '3栋2单元1201',
  description: '厨房水龙头关不紧，一直滴水',
  urgent: false,
  assigneeName: '王师傅',
  dueAt: T0 + 15 * 60_000,
  createdAt: T0,
  updatedAt: T0,
  version: 2,
  category: 'plumbing_electric',
  area: 'home',
  photos: [],
  appointment: null,
  owner: { name: '林先生', phone: '13800000001' },
  assignee: { name: '王师傅', phone: '13900000002' },
  quote: null,
  rating: null,
  referral: null,
  cancelReason: null,
  deadlines: [],
  timeline: [
    { at: T0, actorName: '林先生', actorKind: 'owner', event: 'submit', eventLabel: '提交报修', from: null, to: 'submitted', note: '' },
    { at: T0 + 60_000, actorName: '系统', actorKind: 'system', event: 'dispatch', eventLabel: '派单', from: 'submitted', to: 'dispatched', note: '' },
  ],
  actions: [],
  ...over,
})
