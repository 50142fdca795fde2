import {
  confirmHandover,
  confirmRefusal,
  HANDOVER_MESSAGES,
  handoverRoles,
  mayWriteHandover,
  newHandover,
  type Handover,
  type WatchItem,
} from '../../core/duty/handover';
import { DomainError } from '../../core/errors';
import { staffActor, type StaffMember } from '../../core/routing/staff';
import type { Ticket } from '../../core/tickets/model';
import { toSummary } from '../../core/tickets/view';
import { WORKLOAD_STATES } from '../../core/tickets/workload';
import type { Deps } from '../ports';
import { canView } from './resolve-actor';

const PENDING_LIMIT = 20;
const RECENT_LIMIT = 10;
const SUGGESTIONS_LIMIT = 20;

/** The caller as an active staff member; anyone else may neither read nor write handovers. */
export const activeStaff = async (deps: Deps, openid: string): Promise<StaffMember> => {
  const member = await deps.staff.byOpenid(openid);
  if (!member || !member.active) throw new DomainError('AUTH.FORBIDDEN');
  return member;
};

/** A ticket to watch as the next shift reads it: 水电·1栋1单元1201·待评价. */
export const watchItemOf = (t: Ticket): WatchItem => {
  const s = toSummary(t, true);
  return { id: t._id, no: t.no, label: `${s.categoryName}·${s.place}·${s.stateLabel}` };
};

/**
 * 写交接: the notes, and the tickets to watch by number (each must be one the writer may see;
 * one they may not is "not found", as everywhere).
 */
export const writeHandover = async (
  deps: Deps,
  openid: string,
  input: { notes: string; watch: readonly string[]; requestId?: string },
): Promise<{ handover: Handover; member: StaffMember }> => {
  const writer = await activeStaff(deps, openid);
  if (!mayWriteHandover(writer)) throw new DomainError('AUTH.FORBIDDEN', HANDOVER_MESSAGES.writer);
  const actor = staffActor(writer);
  const found = (await deps.ticketQueries.listByNumbers(input.watch)).filter((t) => canView(actor, t));
  const missing = input.watch.find((no) => !found.some((t) => t.no === no));
  if (missing) throw new DomainError('INPUT.INVALID', HANDOVER_MESSAGES.watchUnknown(missing));
  // A retried 写交接 (same request id) is the same handover: written once.
  const id = input.requestId ? deps.requestedId(`handover:${openid}`, input.requestId) : deps.newId();
  const handover = newHandover(id, writer, input.notes, found.map(watchItemOf), deps.now());
  if (!(await deps.handovers.insert(handover))) return { handover: (await deps.handovers.get(id)) ?? handover, member: writer };
  return { handover, member: writer };
};

/**
 * 确认接班, by someone of the same post who did not write it, on the version they read. Of two
 * confirming at once one wins; the other (and anyone confirming again) is told who confirmed.
 */
export const confirmHandoverOf = async (
  deps: Deps,
  openid: string,
  input: { handoverId: string; version: number },
): Promise<{ handover: Handover; member: StaffMember }> => {
  const member = await activeStaff(deps, openid);
  const handover = await deps.handovers.get(input.handoverId);
  if (!handover) throw new DomainError('HANDOVER.NOT_FOUND');
  const refusal = confirmRefusal(handover, member);
  // Someone outside the post learns nothing about the handover's state.
  if (refusal) throw new DomainError('AUTH.FORBIDDEN', HANDOVER_MESSAGES[refusal]);
  const alreadyConfirmed = (h: Handover) =>
    new DomainError('HANDOVER.ALREADY_CONFIRMED', h.confirmedBy ? HANDOVER_MESSAGES.confirmed(h.confirmedBy.name) : HANDOVER_MESSAGES.changed);
  if (handover.state === 'confirmed') throw alreadyConfirmed(handover);
  if (handover.version !== input.version) throw new DomainError('HANDOVER.ALREADY_CONFIRMED', HANDOVER_MESSAGES.changed);
  const result = confirmHandover(handover, member, deps.now());
  if (!result.ok) throw new DomainError('AUTH.FORBIDDEN', HANDOVER_MESSAGES[result.refusal]);
  if (!(await deps.handovers.confirm(result.handover, handover.version))) {
    const fresh = await deps.handovers.get(handover._id);
    throw alreadyConfirmed(fresh ?? handover);
  }
  return { handover: result.handover, member };
};

/** Handovers of the caller's team still waiting for someone of their post (not their own). */
export const handoversToConfirm = async (deps: Deps, member: StaffMember): Promise<Handover[]> =>
  (await deps.handovers.listPending(PENDING_LIMIT, member.team)).filter((h) => confirmRefusal(h, member) === null);

/**
 * Tickets worth handing over, for the form's quick picks: for the desk, what still waits for a
 * person (待派单, not yet accepted) or for its callback; for everyone else their own open tasks.
 */
const watchSuggestions = async (deps: Deps, member: StaffMember): Promise<WatchItem[]> => {
  const tickets =
    member.role === 'front_desk' || member.role === 'supervisor'
      ? await deps.ticketQueries.listByStates(['submitted', 'dispatched', 'returned', 'callback_pending'], SUGGESTIONS_LIMIT)
      : await deps.ticketQueries.listByAssignee(member._id, WORKLOAD_STATES, SUGGESTIONS_LIMIT);
  const actor = staffActor(member);
  return tickets.filter((t) => canView(actor, t)).map(watchItemOf);
};

/** 交接班 page: what to confirm, the post's recent handovers, and quick picks for a new one. */
export const handoverPage = async (deps: Deps, openid: string) => {
  const member = await activeStaff(deps, openid);
  const canWrite = mayWriteHandover(member);
  const [toConfirm, recent, suggestions] = await Promise.all([
    handoversToConfirm(deps, member),
    deps.handovers.listRecent(member.team, RECENT_LIMIT),
    canWrite ? watchSuggestions(deps, member) : Promise.resolve([]),
  ]);
  const samePost = recent.filter((h) => handoverRoles(h.role).includes(member.role));
  return { member, canWrite, toConfirm, recent: samePost, suggestions };
};
