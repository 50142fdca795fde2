import { isWorkingDay } from '../../core/sla/calendar';
import { deskDigest, deskDigestLine, registerDigest, registerDigestLine, type DeskDigest, type RegisterDigest } from '../../core/sla/digest';
import type { Policy } from '../../core/sla/policy';
import { DAY } from '../../core/sla/policy';
import { formatLocal } from '../../core/sla/time';
import { digestMessage } from '../../core/notify/plan';
import type { StaffMember } from '../../core/routing/staff';
import type { Deps } from '../ports';

/** More than a morning's worth of tickets is not a digest: the list pages show the rest. */
const DIGEST_LIMIT = 1000;

export interface DigestReport {
  /** Not a working day: nothing was sent. */
  skipped: boolean;
  desk: DeskDigest | null;
  register: RegisterDigest | null;
  /** Digest messages pushed (staff without a credit see it in-app only). */
  sent: number;
}

/** Local midnight of the day `now` falls on, in the business zone. */
const startOfLocalDay = (now: number, policy: Policy): number => {
  const offset = policy.utcOffsetMinutes * 60_000;
  return Math.floor((now + offset) / DAY) * DAY - offset;
};

const send = async (deps: Deps, people: readonly StaffMember[], title: string, line: string, now: number, policy: Policy): Promise<number> => {
  const { page, data } = digestMessage(title, line, now, policy);
  let sent = 0;
  for (const person of people) {
    if (!(await deps.staff.takeCredit(person._id, 'daily_digest'))) continue;
    const res = await deps.push.send({ touser: person.openid, templateId: deps.templateIds.daily_digest, page, data });
    if (res.errcode === 0) sent += 1;
    else if (res.errcode === 43101) await deps.staff.clearCredit(person._id, 'daily_digest');
  }
  return sent;
};

/**
 * Every working morning: the front desk gets the unfinished repairs to check (standards: once each
 * working day), the supervisor yesterday's register with its anomalies (late, reopened, cancelled).
 */
export const dailyDigest = async (deps: Deps, policy: Policy): Promise<DigestReport> => {
  const now = deps.now();
  if (!isWorkingDay(now, policy.utcOffsetMinutes, policy.calendar)) return { skipped: true, desk: null, register: null, sent: 0 };
  const today = startOfLocalDay(now, policy);
  const [open, yesterday, desks, supervisors] = await Promise.all([
    deps.ticketQueries.listOpenOfKind('repair', DIGEST_LIMIT),
    deps.ticketQueries.listCreatedBetween(today - DAY, today, DIGEST_LIMIT),
    deps.staff.byRoles(['front_desk']),
    deps.staff.byRoles(['supervisor']),
  ]);
  const desk = deskDigest(open, now);
  const register = registerDigest(yesterday, now);
  const day = formatLocal(today - DAY, policy.utcOffsetMinutes, 'M月D日');
  const sent =
    (await send(deps, desks, '每日待跟进报修', deskDigestLine(desk), now, policy)) +
    (await send(deps, supervisors, `${day}受理登记`, registerDigestLine(register), now, policy));
  return { skipped: false, desk, register, sent };
};
