import type { ParsedInput } from '../../core/contract/actions';
import type { RegisterRow } from '../../core/contract/desk-actions';
import { DomainError } from '../../core/errors';
import type { Policy } from '../../core/sla/policy';
import { KIND_NAMES } from '../../core/tickets/kinds';
import type { Ticket } from '../../core/tickets/model';
import { localDayRange, stateGroupOf } from '../../core/tickets/register';
import { toSummary } from '../../core/tickets/view';
import { ownerPhoneFor } from '../../core/privacy/phone-access';
import type { Actor } from '../../core/tickets/actor';
import type { Deps } from '../ports';
import { deskMember } from './desk-access';
import { canView } from './resolve-actor';
import { recordListAccess } from './pii-access';

/** A community's requests of one day stay far below this. */
const DAY_LIMIT = 500;

const toRow = (t: Ticket, viewer: Actor): RegisterRow => {
  const summary = toSummary(t, true);
  return {
    id: t._id,
    no: t.no,
    kind: t.kind,
    kindName: KIND_NAMES[t.kind],
    createdAt: t.createdAt,
    ownerName: t.owner.name,
    ownerPhone: ownerPhoneFor(viewer, t),
    place: summary.place,
    what: summary.categoryName,
    description: summary.description,
    channel: t.channel ?? 'wechat',
    registeredByName: t.registeredBy?.name ?? null,
    state: t.state,
    stateLabel: summary.stateLabel,
    handlerName: t.assignee?.name ?? null,
  };
};

/**
 * 前台受理登记: every request created on a day (China time), in the order they came in, filtered by
 * kind, channel and state. The total is the whole day's, before the filters.
 */
export const dailyRegister = async (deps: Deps, policy: Policy, openid: string, input: ParsedInput<'desk.daily'>) => {
  const viewer = await deskMember(deps, openid, '查看受理登记');
  const range = localDayRange(input.date, policy.utcOffsetMinutes);
  if (!range) throw new DomainError('INPUT.INVALID', '日期格式不正确');
  const day = (await deps.ticketQueries.listCreatedBetween(range.from, range.to, DAY_LIMIT))
    // A housekeeper's register is their zone's (canView).
    .filter((t) => canView(viewer, t))
    .sort((a, b) => a.createdAt - b.createdAt);
  const rows = day.filter(
    (t) =>
      (input.kind === 'all' || t.kind === input.kind) &&
      (input.channel === 'all' || (t.channel ?? 'wechat') === input.channel) &&
      (input.state === 'all' || stateGroupOf(t.state) === input.state),
  );
  await recordListAccess(deps, viewer, 'desk.daily', rows);
  return { date: input.date, total: day.length, rows: rows.map((t) => toRow(t, viewer)) };
};
