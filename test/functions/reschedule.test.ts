// 改约: the holder moves the appointment after agreeing it with the owner, with a reason. The
// on-site clock follows the new slot, the owner's timeline shows 改约 with the new time, and the
// owner is sent 改约通知 only when they granted a credit for it (a repair's submit asks for three
// other templates: WeChat's limit per tap). A slot in the past, no agreement or no reason is
// refused in words, and nothing changes.
import { chinaDayStart, DAY_MS, HOUR_MS } from '@/utils/time';
import { ALL_OWNER_TEMPLATES, LIN_UNIT, OWNER, PLUMBER, RESULT_PHOTO, startTestStack, type TestStack } from './local-stack';
import { functionOf } from '@/core/contract/names';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

/** A slot `days` days from today, China time, from `from` to `to` o'clock. */
const slot = (days: number, from: number, to: number) => {
  const day = chinaDayStart(Date.now()) + days * DAY_MS;
  return { start: day + from * HOUR_MS, end: day + to * HOUR_MS };
};

/** 林先生's repair booked for the day after tomorrow's morning, accepted by 王师傅. */
const accepted = async (): Promise<string> => {
  const { ticket } = await s.must(OWNER)('repair.submit', {
    unitId: LIN_UNIT,
    category: 'plumbing_electric',
    description: '热水器不出热水',
    urgent: false,
    appointment: slot(2, 9, 12),
    grantedTemplates: [...ALL_OWNER_TEMPLATES],
  });
  await s.must(PLUMBER)('task.accept', { ticketId: ticket.id });
  return ticket.id;
};

const stored = async (id: string) => (await s.db.collection('tickets').doc(id).get()).data[0] as Record<string, any>;

const refused = async (reply: () => Promise<unknown>, id: string, code: string, message: string) => {
  const before = await stored(id);
  const writes = s.stack.emulator.stats().writes;
  expect(await reply()).toEqual({ ok: false, code, message });
  expect(s.stack.emulator.stats().writes).toBe(writes);
  expect(await stored(id)).toEqual(before);
};

const toOwner = () => s.stack.emulator.messages().filter((m) => m.touser === OWNER);

describe('改约 by the holder, agreed with the owner', () => {
  it('moves the appointment and the on-site deadline; the owner reads 改约 with the new time; no credit, no push', async () => {
    const id = await accepted();
    const next = slot(3, 14, 18);
    s.stack.emulator.clearMessages();

    const { ticket } = await s.must(PLUMBER)('task.reschedule', { ticketId: id, appointment: next, reason: '配件明天才到货', ownerAgreed: true });

    expect(ticket.state).toBe('accepted');
    expect(ticket.appointment).toEqual(next);
    expect(ticket.rescheduled).toEqual({ previous: slot(2, 9, 12), reason: '配件明天才到货', at: expect.any(Number) });
    // The on-site clock runs to the end of the new slot, afresh (no reminder or escalation taken).
    const onSite = (await stored(id)).clocks.onSite;
    expect(onSite.dueAt).toBe(next.end);
    expect(onSite.remindedAt).toBeUndefined();
    expect(ticket.deadlines.find((d) => d.clock === 'onSite')?.dueAt).toBe(next.end);

    const forOwner = (await s.must(OWNER)('ticket.get', { ticketId: id })).ticket;
    expect(forOwner.appointment).toEqual(next);
    const entry = forOwner.timeline.at(-1)!;
    expect(entry.eventLabel).toBe('改约上门时间');
    expect(entry.note).toMatch(/^改至 \d{1,2}月\d{1,2}日 14:00-18:00（已与业主确认）；原因：配件明天才到货$/);
    // 改约通知 was not granted at submit: told in the app only.
    expect(toOwner()).toEqual([]);
  });

  it('sends 改约通知 once the owner granted it for this ticket, and takes that credit', async () => {
    const id = await accepted();
    await s.must(OWNER)('subscription.grant', { accepted: ['appointment_changed'], ticketId: id });
    s.stack.emulator.clearMessages();
    const next = slot(2, 18, 20);

    await s.must(PLUMBER)('task.reschedule', { ticketId: id, appointment: next, reason: '业主下班后才在家', ownerAgreed: true });

    const sent = toOwner();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ templateId: 'local-appointment_changed', page: `pages/ticket/detail?id=${id}` });
    expect(sent[0].data).toMatchObject({
      thing2: { value: '水电·1栋1单元1201' },
      time3: { value: expect.stringMatching(/^\d{4}年\d{1,2}月\d{1,2}日 18:00~20:00$/) },
      thing4: { value: '业主下班后才在家' },
    });
    expect((await stored(id)).ownerCredits.appointment_changed).toBe(0);

    // A second change with the credit used up: in the app only.
    s.stack.emulator.clearMessages();
    await s.must(PLUMBER)('task.reschedule', { ticketId: id, appointment: slot(4, 9, 12), reason: '业主又改了时间', ownerAgreed: true });
    expect(toOwner()).toEqual([]);
  });

  it.each([
    ['a slot that has begun (past)', { appointment: { start: Date.now() - HOUR_MS, end: Date.now() + HOUR_MS }, reason: '改时间', ownerAgreed: true }, '新的上门时间应晚于现在，请重新选择'],
    ['a slot more than 30 days ahead', { appointment: slot(40, 9, 12), reason: '业主出国', ownerAgreed: true }, '新的上门时间不能超过30天后'],
    ['no agreement of the owner', { appointment: slot(3, 9, 12), reason: '配件未到', ownerAgreed: false }, '请先与业主确认新的上门时间'],
    ['the agreement left out', { appointment: slot(3, 9, 12), reason: '配件未到' }, '请先与业主确认新的上门时间'],
    ['no reason', { appointment: slot(3, 9, 12), reason: '  ', ownerAgreed: true }, '请填写改约原因'],
    ['an end before the start', { appointment: { start: slot(3, 12, 9).start, end: slot(3, 12, 9).end }, reason: '配件未到', ownerAgreed: true }, '预约结束时间应晚于开始时间'],
  ])('refuses %s with a clear message, nothing changed', async (_what, input, message) => {
    const id = await accepted();
    await refused(() => s.post(functionOf('task.reschedule'), { action: 'task.reschedule', input: { ticketId: id, ...input } }, PLUMBER), id, 'INPUT.INVALID', message);
  });

  it('is the holder’s: the owner may not, and once on site there is no visit left to move', async () => {
    const id = await accepted();
    const input = { ticketId: id, appointment: slot(3, 9, 12), reason: '我想改时间', ownerAgreed: true as const };
    await refused(() => s.as(OWNER)('task.reschedule', input), id, 'AUTH.FORBIDDEN', '您没有权限进行此操作');
    await s.must(PLUMBER)('task.arrive', { ticketId: id });
    await refused(() => s.as(PLUMBER)('task.reschedule', input), id, 'TICKET.ILLEGAL_TRANSITION', '工单当前状态不能进行此操作');
    // And the repair goes on as usual.
    expect((await s.must(PLUMBER)('task.finish', { ticketId: id, note: '', photos: [RESULT_PHOTO] })).ticket.state).toBe('callback_pending');
  });
});
