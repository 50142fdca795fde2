import type { HandoverView } from '../../core/contract/duty-actions';
import { confirmRefusal, mayWriteHandover, postName, type Handover } from '../../core/duty/handover';
import type { StaffMember } from '../../core/routing/staff';
import type { Handlers } from '../function';
import { dutyBoard } from '../usecases/board';
import { activeStaff, confirmHandoverOf, handoverPage, handoversToConfirm, writeHandover } from '../usecases/handover';
import { handOnCandidates } from '../usecases/reassign-candidates';

type DutyAction = 'duty.board' | 'duty.candidates' | 'duty.handovers' | 'duty.toConfirm' | 'duty.writeHandover' | 'duty.confirmHandover';

/** A handover as `viewer` sees it: names only, and whether they may confirm it now. */
export const toHandoverView = (h: Handover, viewer: StaffMember): HandoverView => ({
  id: h._id,
  post: postName(h.team, h.role),
  writerName: h.writer.name,
  notes: h.notes,
  watch: h.watch,
  state: h.state,
  confirmedByName: h.confirmedBy?.name ?? null,
  confirmedAt: h.confirmedBy?.at ?? null,
  createdAt: h.createdAt,
  version: h.version,
  mayConfirm: h.state === 'pending' && confirmRefusal(h, viewer) === null,
});

/** Cloud function `duty`: the supervisor's board, who a task may go to, and shift handovers. */
export const dutyHandlers: Handlers<DutyAction> = {
  'duty.board': async (_input, call) => {
    const { me, teams, late, waiting, handovers } = await dutyBoard(call.deps, call.policy, call.openid);
    return { teams, late, waiting, handovers: handovers.map((h) => toHandoverView(h, me)) };
  },
  'duty.candidates': (input, call) => handOnCandidates(call.deps, call.policy, call.openid, input.ticketId),
  'duty.handovers': async (_input, call) => {
    const { member, canWrite, toConfirm, recent, suggestions } = await handoverPage(call.deps, call.openid);
    const view = (h: Handover) => toHandoverView(h, member);
    return { canWrite, toConfirm: toConfirm.map(view), recent: recent.map(view), suggestions };
  },
  'duty.toConfirm': async (_input, call) => {
    const member = await activeStaff(call.deps, call.openid);
    const handovers = await handoversToConfirm(call.deps, member);
    return { canWrite: mayWriteHandover(member), handovers: handovers.map((h) => toHandoverView(h, member)) };
  },
  'duty.writeHandover': async (input, call) => {
    const { handover, member } = await writeHandover(call.deps, call.openid, input);
    return { handover: toHandoverView(handover, member) };
  },
  'duty.confirmHandover': async (input, call) => {
    const { handover, member } = await confirmHandoverOf(call.deps, call.openid, input);
    return { handover: toHandoverView(handover, member) };
  },
};
