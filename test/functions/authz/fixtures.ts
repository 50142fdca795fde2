/**
 * Tickets, binding requests and handovers in the state an action of the matrix needs, made
 * through the product's own actions on the real stack.
 */
import { LIN_UNIT, RESULT_PHOTO, type TestStack } from '../local-stack';
import { ROLES, type Role } from './people';

export type FixtureName =
  | 'none'
  | 'repairDispatched'
  | 'repairAccepted'
  | 'repairOnSite'
  | 'repairQuoted'
  | 'repairInProgress'
  | 'repairPaused'
  | 'repairCallback'
  | 'publicAccepted'
  | 'complaintAccepted'
  | 'guestBinding'
  | 'handover';

export interface Fixture {
  ticketId: string;
  /** The ticket's version as stored (改派 and 转派 are asked on the version the person saw). */
  version: number;
  bindingId: string;
  handoverId: string;
  handoverVersion: number;
}

const EMPTY: Fixture = { ticketId: '', version: 0, bindingId: '', handoverId: '', handoverVersion: 0 };

/** Rooms of 1栋2单元 (A区) no one is bound to: each binding fixture asks for a new one. */
let nextFloor = 1;
const freshRoom = (): string => {
  const n = nextFloor++;
  return `${Math.ceil(n / 2)}0${2 - (n % 2)}`;
};

export const makeFixtures = (s: TestStack) => {
  const as = (role: Role) => s.must(ROLES[role].openid);
  const version = async (id: string): Promise<number> => ((await s.db.collection('tickets').doc(id).get()).data[0] as { version: number }).version;
  /** Every case leaves tasks open: give everyone room again so each fixture is routed the same way. */
  const roomForAll = () => s.db.collection('staff').where({ active: true }).update({ openTasks: 0 });

  const repair = async (area: 'home' | 'public' = 'home'): Promise<string> => {
    await roomForAll();
    const { ticket } = await as('lin')('repair.submit', { unitId: LIN_UNIT, area, category: 'plumbing_electric', description: '权限矩阵：厨房水管漏水' });
    // The owner learns the handler once accepted; the store says who has it.
    if (ticket.state !== 'dispatched' || (await s.handlerOf(ticket.id)) !== ROLES.plumber.name) throw new Error('fixture repair did not go to 王师傅');
    return ticket.id;
  };
  const step = async (role: Role, action: string, input: object): Promise<void> => {
    await (as(role) as (a: string, i: object) => Promise<unknown>)(action, input);
  };

  const ticketStates: Record<string, () => Promise<string>> = {
    repairDispatched: () => repair(),
    repairAccepted: async () => {
      const id = await repair();
      await step('plumber', 'task.accept', { ticketId: id });
      return id;
    },
    repairOnSite: async () => {
      const id = await ticketStates.repairAccepted();
      await step('plumber', 'task.arrive', { ticketId: id });
      return id;
    },
    repairQuoted: async () => {
      const id = await ticketStates.repairOnSite();
      await step('plumber', 'task.quote', { ticketId: id, items: [{ name: '更换阀门', priceFen: 8000, quantity: 1 }] });
      return id;
    },
    repairInProgress: async () => {
      const id = await ticketStates.repairOnSite();
      await step('plumber', 'task.start', { ticketId: id });
      return id;
    },
    repairPaused: async () => {
      const id = await ticketStates.repairAccepted();
      await step('plumber', 'task.pause', { ticketId: id, reason: '业主不在家' });
      return id;
    },
    repairCallback: async () => {
      const id = await ticketStates.repairInProgress();
      await step('plumber', 'task.finish', { ticketId: id, note: '已更换', photos: [RESULT_PHOTO] });
      return id;
    },
    publicAccepted: async () => {
      const id = await repair('public');
      await step('plumber', 'task.accept', { ticketId: id });
      return id;
    },
    complaintAccepted: async () => {
      await roomForAll();
      const { ticket } = await as('lin')('complaint.submit', { unitId: LIN_UNIT, category: 'cleaning', description: '权限矩阵：楼道杂物', replyBy: Date.now() + 24 * 3600_000 });
      await step('keeperA', 'task.accept', { ticketId: ticket.id });
      return ticket.id;
    },
  };

  /** A fixture of the named kind, new each time it is asked for. */
  return async (name: FixtureName): Promise<Fixture> => {
    if (name === 'none') return EMPTY;
    if (name === 'guestBinding') {
      const { request } = await as('guest')('binding.request', {
        communityId: 'c-tianli', building: '1栋', unit: '2单元', room: freshRoom(), name: '访客甲', phone: '13700000000', relation: 'tenant',
      });
      return { ...EMPTY, bindingId: request.id };
    }
    if (name === 'handover') {
      const { handover } = await s.must('demo-desk-he')('duty.writeHandover', { notes: '权限矩阵：夜班交接' });
      return { ...EMPTY, handoverId: handover.id, handoverVersion: handover.version };
    }
    const ticketId = await ticketStates[name]();
    return { ...EMPTY, ticketId, version: await version(ticketId) };
  };
};
