import type { ActionInput, ActionName } from '@/core/contract/actions';

/**
 * One input per action that its schema accepts, every optional field filled in: the starting point
 * of the fuzzers, which replace one field (or add one key) with something hostile. `satisfies`
 * keeps the list complete: a new action does not compile until it has its sample here.
 */
const AT = 2_000_000_000_000; // 2033: any instant the schemas accept
const TICKET = 'tkt_0001abcd';
const PHOTO = 'local://photos/result0001.jpg';
const REQUEST_ID = 'req_0001abcdef';

const repair: Omit<ActionInput<'repair.submit'>, 'grantedTemplates'> = {
  unitId: 'u-1-1-1201',
  area: 'home',
  category: 'plumbing_electric',
  description: '厨房水龙头漏水',
  photos: [PHOTO],
  appointment: { start: AT, end: AT + 3_600_000 },
  urgent: true,
  requestId: REQUEST_ID,
};
const complaint: Omit<ActionInput<'complaint.submit'>, 'grantedTemplates'> = {
  unitId: 'u-1-1-1201',
  category: 'cleaning',
  description: '楼道垃圾三天没人清理',
  photos: [PHOTO],
  aboutStaff: '王师傅',
  aboutTicketId: TICKET,
  replyBy: AT,
  requestId: REQUEST_ID,
};
const card: Omit<ActionInput<'card.submit'>, 'grantedTemplates'> = {
  unitId: 'u-1-1-1201',
  type: 'parking',
  action: 'reissue',
  cardNo: 'A-1234',
  custody: true,
  note: '周末来取',
  requestId: REQUEST_ID,
};
const onBehalf = { residentId: 'res_0001', channel: 'phone' } as const;
const scope: ActionInput<'kpi.dashboard'> = { period: 'custom', from: '2026-11-01', to: '2026-11-30', community: '天利龙腾湾', kind: 'repair', team: 'engineering', staffId: 's-tech-wang' };
const room = { communityId: 'c-tianli', building: '1栋', unit: '1单元', room: '1201' };

export const VALID_INPUTS = {
  'session.whoami': {},
  'repair.submit': { ...repair, grantedTemplates: ['order_accepted', 'repair_done'] },
  'repair.confirmQuote': { ticketId: TICKET, accept: false, reason: '太贵了' },
  'complaint.submit': { ...complaint, grantedTemplates: ['repair_done'] },
  'card.submit': { ...card, grantedTemplates: ['order_accepted'] },
  'ticket.list': { kind: 'repair', status: 'open' },
  'ticket.cancel': { ticketId: TICKET, reason: '不需要了' },
  'ticket.urge': { ticketId: TICKET },
  'ticket.get': { ticketId: TICKET },
  'task.list': { tab: 'pool' },
  'task.accept': { ticketId: TICKET },
  'task.decline': { ticketId: TICKET, reason: '另有急修' },
  'task.arrive': { ticketId: TICKET },
  'task.start': { ticketId: TICKET },
  'task.quote': { ticketId: TICKET, items: [{ name: '更换阀芯', priceFen: 3000, quantity: 2 }], note: '含材料' },
  'task.finish': { ticketId: TICKET, note: '已更换阀芯', photos: [PHOTO], confirmOpenSubtasks: true },
  'task.subtask': { ticketId: TICKET, category: 'plumbing_electric', area: 'public', description: '楼道灯不亮', requestId: REQUEST_ID },
  'task.refer': { ticketId: TICKET, contact: '燃气公司 95158', note: '燃气管道' },
  'task.note': { ticketId: TICKET, text: '业主家中无人', photos: [PHOTO] },
  'task.reschedule': { ticketId: TICKET, appointment: { start: AT, end: AT + 3_600_000 }, reason: '业主出差', ownerAgreed: true },
  'task.pause': { ticketId: TICKET, reason: '业主不在家' },
  'task.resume': { ticketId: TICKET },
  'task.classify': { ticketId: TICKET, size: 'medium' },
  'task.defer': { ticketId: TICKET, reason: '等配件', expectedAt: AT },
  'task.progress': { ticketId: TICKET, note: '已联系保洁主管' },
  'callback.rate': { ticketId: TICKET, handling: 5, staff: 4, comment: '很及时' },
  'subscription.grant': { accepted: ['order_accepted'], ticketId: TICKET },
  'binding.layout': {},
  'binding.request': { ...room, name: '林先生', phone: '13900000000', relation: 'owner' },
  'binding.mine': {},
  'binding.cancel': { bindingId: 'bind_0001' },
  'binding.pending': {},
  'binding.review': { bindingId: 'bind_0001', approve: false, reason: '信息不符', version: 2 },
  'desk.findByRoom': room,
  'desk.findByPhone': { phone: '13900000000' },
  'desk.submitRepair': { ...repair, ...onBehalf },
  'desk.submitComplaint': { ...complaint, ...onBehalf },
  'desk.submitCard': { ...card, ...onBehalf },
  'desk.callbacks': {},
  'desk.recordCallback': { ticketId: TICKET, handling: 4, staff: 5, words: '修得不错' },
  'desk.callbackAttempt': { ticketId: TICKET, note: '无人接听' },
  'desk.daily': { date: '2026-11-23', kind: 'card', channel: 'phone', state: 'open' },
  'duty.board': {},
  'duty.candidates': { ticketId: TICKET },
  'duty.handovers': {},
  'duty.toConfirm': {},
  'duty.writeHandover': { notes: '3栋电梯待厂家', watch: ['BX20261122-4F7K'] },
  'duty.confirmHandover': { handoverId: 'ho_0001', version: 1 },
  'task.reassign': { ticketId: TICKET, staffId: 's-tech-zhao', reason: '王师傅请假', version: 3 },
  'task.transfer': { ticketId: TICKET, category: 'doors_windows', reason: '属门窗', version: 3 },
  'kpi.dashboard': scope,
  'kpi.tickets': { ...scope, drill: 'open' },
  'kpi.exportCsv': { ...scope, what: 'figures' },
  'kpi.report': { month: '2026-10' },
  'kpi.reportCsv': { month: '2026-10' },
  'admin.calendar': { year: 2027 },
  'admin.saveCalendar': { year: 2027, holidays: [{ date: '2027-01-01', name: '元旦' }], workdays: [{ date: '2027-02-20', name: '春节' }], confirm: true, version: 1 },
} satisfies { [A in ActionName]: ActionInput<A> };
