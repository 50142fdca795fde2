/**
 * Staff working the SLA clocks through the real `task` function on the local stack: pause and
 * resume with a reason, the size class of a public-area repair, 暂不能修复, a complaint's progress
 * report, and bad inputs refused before anything is written.
 */
import { isWorkingDay } from '@/core/sla/calendar';
import type { WorkCalendar } from '@/core/sla/holidays';
import { DAY, DEFAULT_POLICY, HOUR, MINUTE } from '@/core/sla/policy';
import { withCalendar } from '@/server/calendar-cache';
import { defaultDeps } from '@/server/deps';
import { formatLocal } from '@/core/sla/time';
import type { Ticket } from '@/core/tickets/model';
import { ALL_OWNER_TEMPLATES, LIN_UNIT, OWNER, PLUMBER, startTestStack, type TestStack } from './local-stack';
import { functionOf } from '@/core/contract/names';

/** The masonry technician: public facilities (公共设施) are his trade. */
const MASON = 'demo-tech-liu';
/** The housekeeper of zone A (林先生's 1栋), who takes his complaints. */
const KEEPER = 'demo-keeper-zhang';
const CHINESE = /[\u4e00-\u9fa5]/;
const OFFSET = 8 * 60;

let s: TestStack;
/** The working calendar the functions read (the stack's kept years over chinese-days'). */
let days: WorkCalendar;
beforeAll(async () => {
  s = await startTestStack();
  days = (await withCalendar(defaultDeps(), DEFAULT_POLICY)).calendar;
});
afterAll(() => s.close());

const stored = async (id: string): Promise<Ticket> => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket;

/** Moves some instants of one stored clock into the past (as if that much time had gone by). */
const shiftClock = async (id: string, clock: keyof Ticket['clocks'], ms: number, fields: readonly string[]) => {
  const c = (await stored(id)).clocks[clock]!;
  const moved = Object.fromEntries(Object.entries(c).map(([k, v]) => [k, fields.includes(k) && typeof v === 'number' ? v - ms : v]));
  await s.db.collection('tickets').doc(id).update({ [`clocks.${clock}`]: s.db.command.set(moved) });
};

/** A home repair of 林先生's, accepted by 王师傅. */
const acceptedLeak = async () => {
  const { ticket } = await s.must(OWNER)('repair.submit', {
    unitId: LIN_UNIT,
    category: 'plumbing_electric',
    description: '卫生间下水道堵塞',
    urgent: false,
    grantedTemplates: [...ALL_OWNER_TEMPLATES],
  });
  return (await s.must(PLUMBER)('task.accept', { ticketId: ticket.id })).ticket;
};

/** A public-area repair reported by 林先生 (楼道, 1栋), accepted by 刘师傅. */
const acceptedPublic = async () => {
  const { ticket } = await s.must(OWNER)('repair.submit', {
    unitId: LIN_UNIT,
    area: 'public',
    category: 'public_facility',
    description: '1栋楼道墙面瓷砖脱落',
    urgent: false,
  });
  expect(await s.handlerOf(ticket.id)).toBe('刘师傅');
  return (await s.must(MASON)('task.accept', { ticketId: ticket.id })).ticket;
};

/** Proves a call is refused, in Chinese, and that nothing at all was written. */
const refusedUnchanged = async (ticketId: string, call: () => Promise<unknown>) => {
  const before = await stored(ticketId);
  const writes = s.stack.emulator.stats().writes;
  const reply = (await call()) as { ok: boolean; code?: string; message?: string };
  expect(reply.ok).toBe(false);
  expect(reply.message).toMatch(CHINESE);
  expect(s.stack.emulator.stats().writes).toBe(writes);
  expect(await stored(ticketId)).toEqual(before);
  return reply;
};

describe('pause and resume (owner not at home, appointment moved at the owner’s request)', () => {
  it('the technician pauses with a reason: his deadline shows it paused, the owner is told so', async () => {
    const accepted = await acceptedLeak();
    expect(accepted.actions).toEqual(expect.arrayContaining(['pause']));
    expect(accepted.actions).not.toContain('resume');

    const { ticket } = await s.must(PLUMBER)('task.pause', { ticketId: accepted.id, reason: '  业主不在家  ' });
    const onSite = ticket.deadlines.find((d) => d.clock === 'onSite')!;
    expect(onSite).toMatchObject({ stoppedAt: null, pausedAt: expect.any(Number), pauseReason: '业主不在家', breached: false });
    // The finished 派单 clock is not paused.
    expect(ticket.deadlines.find((d) => d.clock === 'dispatch')).toMatchObject({ pausedAt: null, pauseReason: null });
    expect(ticket.actions).toContain('resume');
    expect(ticket.actions).not.toContain('pause');
    expect(ticket.timeline.at(-1)).toMatchObject({ event: 'pause', eventLabel: '暂停计时', actorName: '王师傅', note: '业主不在家' });

    const seen = (await s.must(OWNER)('ticket.get', { ticketId: accepted.id })).ticket;
    expect(seen.promise).toBe('计时已暂停：业主不在家');
    expect(seen.deadlines).toEqual([]); // clocks stay staff-only
    expect(seen.actions).not.toContain('resume');
    // A paused clock is not swept: nothing is due (the outbox is empty once delivered).
    expect((await stored(accepted.id)).nextDueAt).toBeNull();
  });

  it('resuming moves the due time by the time spent paused', async () => {
    const accepted = await acceptedLeak();
    const dueBefore = accepted.deadlines.find((d) => d.clock === 'onSite')!.dueAt;
    await s.must(PLUMBER)('task.pause', { ticketId: accepted.id, reason: '业主要求改约' });
    // The owner came back 20 minutes later.
    await shiftClock(accepted.id, 'onSite', 20 * MINUTE, ['pausedAt']);

    const { ticket } = await s.must(PLUMBER)('task.resume', { ticketId: accepted.id });
    const onSite = ticket.deadlines.find((d) => d.clock === 'onSite')!;
    expect(onSite).toMatchObject({ pausedAt: null, pauseReason: null, stoppedAt: null });
    const moved = onSite.dueAt - dueBefore;
    expect(moved).toBeGreaterThanOrEqual(20 * MINUTE);
    expect(moved).toBeLessThan(20 * MINUTE + 30_000);
    expect((await stored(accepted.id)).clocks.onSite).toMatchObject({ dueAt: onSite.dueAt, pausedMs: moved });
    expect(ticket.actions).toContain('pause');
    expect(ticket.timeline.at(-1)).toMatchObject({ event: 'resume', eventLabel: '恢复计时' });
    // Counting again: the sweep looks at it again, and the owner is promised a visit again.
    expect((await stored(accepted.id)).nextDueAt).not.toBeNull();
    expect((await s.must(OWNER)('ticket.get', { ticketId: accepted.id })).ticket.promise).toMatch(/^王师傅预计 .+ 前上门$/);
  });

  it('the owner cannot pause or resume: refused, nothing changed', async () => {
    const accepted = await acceptedLeak();
    expect(await refusedUnchanged(accepted.id, () => s.as(OWNER)('task.pause', { ticketId: accepted.id, reason: '我不在家' }))).toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });
    await s.must(PLUMBER)('task.pause', { ticketId: accepted.id, reason: '业主不在家' });
    expect(await refusedUnchanged(accepted.id, () => s.as(OWNER)('task.resume', { ticketId: accepted.id }))).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    // Nor can the technician pause twice, or resume what runs.
    expect(await refusedUnchanged(accepted.id, () => s.as(PLUMBER)('task.pause', { ticketId: accepted.id, reason: '业主不在家' }))).toMatchObject({
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
    await s.must(PLUMBER)('task.resume', { ticketId: accepted.id });
    expect(await refusedUnchanged(accepted.id, () => s.as(PLUMBER)('task.resume', { ticketId: accepted.id }))).toMatchObject({
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
  });
});

/** Closing time (17:30, China time) of the n-th working day after the day of `start`. */
const closingOfWorkingDay = (start: number, n: number): number => {
  let day = start;
  for (let counted = 0; counted < n; ) {
    day += DAY;
    if (isWorkingDay(day, OFFSET, days)) counted += 1;
  }
  const midnight = Math.floor((day + OFFSET * MINUTE) / DAY) * DAY - OFFSET * MINUTE;
  return midnight + 17 * HOUR + 30 * MINUTE;
};

describe('public-area repairs: size class and 暂不能修复', () => {
  it('classified medium: the repair deadline is the 3rd working day’s 17:30', async () => {
    const accepted = await acceptedPublic();
    expect(accepted.actions).toEqual(expect.arrayContaining(['classify', 'defer', 'pause']));
    expect(accepted.publicSize).toBeNull();
    const small = accepted.deadlines.find((d) => d.clock === 'repair')!;
    const startedAt = (await stored(accepted.id)).clocks.repair!.startedAt;
    expect(small.dueAt).toBe(startedAt + 60 * MINUTE); // 小修 until said otherwise

    const { ticket } = await s.must(MASON)('task.classify', { ticketId: accepted.id, size: 'medium' });
    expect(ticket.publicSize).toBe('medium');
    const repair = ticket.deadlines.find((d) => d.clock === 'repair')!;
    expect(repair.dueAt).toBe(closingOfWorkingDay(startedAt, 3));
    expect(formatLocal(repair.dueAt, OFFSET, 'HH:mm')).toBe('17:30');
    expect(isWorkingDay(repair.dueAt, OFFSET, days)).toBe(true);
    expect(ticket.timeline.at(-1)).toMatchObject({ event: 'classify', eventLabel: '确定维修规模', actorName: '刘师傅', note: '中修' });
    // Once he is there, the owner is promised the repair by then.
    await s.must(MASON)('task.arrive', { ticketId: accepted.id });
    const promise = (await s.must(OWNER)('ticket.get', { ticketId: accepted.id })).ticket.promise;
    expect(promise).toBe(`刘师傅预计 ${formatLocal(repair.dueAt, OFFSET, 'M月D日 HH:mm')} 前修好`);
  });

  it('a home repair has no size class', async () => {
    const accepted = await acceptedLeak();
    expect(accepted.actions).not.toContain('classify');
    expect(await refusedUnchanged(accepted.id, () => s.as(PLUMBER)('task.classify', { ticketId: accepted.id, size: 'major' }))).toMatchObject({
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
  });

  it('暂不能修复 with a past or too distant date is refused in Chinese; a date next week is recorded', async () => {
    const accepted = await acceptedPublic();
    const reason = '需要更换的防火门闭门器缺货';
    expect(
      await refusedUnchanged(accepted.id, () => s.as(MASON)('task.defer', { ticketId: accepted.id, reason, expectedAt: Date.now() - DAY })),
    ).toEqual({ ok: false, code: 'INPUT.INVALID', message: '预计修复时间应晚于现在' });
    expect(
      await refusedUnchanged(accepted.id, () => s.as(MASON)('task.defer', { ticketId: accepted.id, reason, expectedAt: Date.now() + 91 * DAY })),
    ).toEqual({ ok: false, code: 'INPUT.INVALID', message: '预计修复时间不能超过90天' });
    // Only the technician who has it reports it.
    expect(
      await refusedUnchanged(accepted.id, () => s.as(OWNER)('task.defer', { ticketId: accepted.id, reason, expectedAt: Date.now() + 7 * DAY })),
    ).toMatchObject({ code: 'AUTH.FORBIDDEN' });

    const expectedAt = Date.now() + 7 * DAY;
    const { ticket } = await s.must(MASON)('task.defer', { ticketId: accepted.id, reason, expectedAt });
    expect(ticket.deferral).toEqual({ reason, expectedAt });
    expect(ticket.deadlines.find((d) => d.clock === 'report')).toMatchObject({ stoppedAt: expect.any(Number), breached: false });
    expect(ticket.deadlines.find((d) => d.clock === 'repair')?.stoppedAt).toBeNull(); // the repair itself is still due
    expect(ticket.actions).not.toContain('defer'); // reported once
    expect(ticket.timeline.at(-1)).toMatchObject({
      event: 'defer',
      eventLabel: '暂不能修复',
      note: `${reason}；预计 ${formatLocal(expectedAt, OFFSET, 'M月D日')} 修复`,
    });
  });
});

describe('a complaint’s progress report (every 4 hours to the front desk)', () => {
  it('张管家 reports progress: the progress deadline starts over', async () => {
    const { ticket: submitted } = await s.must(OWNER)('complaint.submit', {
      unitId: LIN_UNIT,
      category: 'cleaning',
      description: '楼道垃圾两天没人清理',
      replyBy: Date.now() + 24 * HOUR,
    });
    const keeper = s.must(KEEPER);
    const accepted = (await keeper('task.accept', { ticketId: submitted.id })).ticket;
    expect(accepted.actions).toEqual(expect.arrayContaining(['finish', 'progress', 'pause']));
    const first = accepted.deadlines.find((d) => d.clock === 'progress')!;
    expect(first).toMatchObject({ label: '进展汇报时限', stoppedAt: null, breached: false });
    // Five hours went by without a report: the progress clock ran out.
    await shiftClock(submitted.id, 'progress', 5 * HOUR, ['startedAt', 'dueAt']);
    const late = (await keeper('ticket.get', { ticketId: submitted.id })).ticket.deadlines.find((d) => d.clock === 'progress')!;
    expect(late.breached).toBe(true);

    const before = Date.now();
    const { ticket } = await keeper('task.progress', { ticketId: submitted.id, note: '已联系保洁主管，今天下午清理完毕' });
    const progress = ticket.deadlines.find((d) => d.clock === 'progress')!;
    expect(progress).toMatchObject({ breached: false, stoppedAt: null });
    expect(progress.dueAt).toBeGreaterThanOrEqual(before + 4 * HOUR);
    expect(progress.dueAt).toBeLessThan(Date.now() + 4 * HOUR + 1000);
    expect(ticket.state).toBe('accepted'); // a report keeps the complaint where it is
    expect(ticket.timeline.at(-1)).toMatchObject({ event: 'progress', eventLabel: '进展汇报', actorName: '张管家', note: '已联系保洁主管，今天下午清理完毕' });
    expect((await stored(submitted.id)).clocks.progress).not.toHaveProperty('escalations');

    // The owner does not report progress.
    expect(await refusedUnchanged(submitted.id, () => s.as(OWNER)('task.progress', { ticketId: submitted.id, note: '我来汇报' }))).toMatchObject({
      code: 'AUTH.FORBIDDEN',
    });
  });

  it('a repair has no progress report', async () => {
    const accepted = await acceptedLeak();
    expect(accepted.actions).not.toContain('progress');
    expect(await refusedUnchanged(accepted.id, () => s.as(PLUMBER)('task.progress', { ticketId: accepted.id, note: '已在处理' }))).toMatchObject({
      code: 'TICKET.ILLEGAL_TRANSITION',
    });
  });
});

describe('bad inputs to the clock actions are refused in Chinese with nothing written', () => {
  let ticketId: string;
  beforeAll(async () => {
    ticketId = (await acceptedPublic()).id;
  });

  const send = (action: string, input: unknown) => () => s.post(functionOf(action), { action, input }, MASON);

  it.each<[string, string, Record<string, unknown>, RegExp]>([
    ['an empty pause reason', 'task.pause', { reason: '   ' }, /^请填写暂停原因$/],
    ['a missing pause reason', 'task.pause', {}, /暂停原因/],
    ['a 10,000-character pause reason', 'task.pause', { reason: '等'.repeat(10_000) }, /^暂停原因不能超过60个字$/],
    ['an operator object as the pause reason', 'task.pause', { reason: { $ne: null } }, /^暂停原因格式不正确$/],
    ['an operator object as the ticket id', 'task.resume', { ticketId: { $ne: null } }, /工单编号/],
    ['an unknown size class', 'task.classify', { size: 'huge' }, /^请选择维修规模$/],
    ['an operator object as the size class', 'task.classify', { size: { $in: ['small'] } }, /^请选择维修规模$/],
    ['an empty 暂不能修复 reason', 'task.defer', { reason: '', expectedAt: Date.now() + DAY }, /^请填写暂不能修复的原因$/],
    ['a 10,000-character 暂不能修复 reason', 'task.defer', { reason: '缺'.repeat(10_000), expectedAt: Date.now() + DAY }, /不能超过100个字/],
    ['an expected date given as text', 'task.defer', { reason: '缺货', expectedAt: '下周一' }, /^预计修复时间格式不正确$/],
    ['an operator object as the expected date', 'task.defer', { reason: '缺货', expectedAt: { $gt: 0 } }, /^预计修复时间格式不正确$/],
    ['an empty progress note', 'task.progress', { note: ' ' }, /^请填写进展情况$/],
    ['a 10,000-character progress note', 'task.progress', { note: '进'.repeat(10_000) }, /^进展情况不能超过200个字$/],
    ['an operator object as the progress note', 'task.progress', { note: { $ne: null } }, /^进展情况格式不正确$/],
  ])('%s', async (_name, action, input, message) => {
    const reply = await refusedUnchanged(ticketId, send(action, { ticketId, ...input }));
    expect(reply).toMatchObject({ code: 'INPUT.INVALID', message: expect.stringMatching(message) });
  });
});
