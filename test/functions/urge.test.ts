/** 催办 through the real stack: the handler is pushed, the owner is throttled, nothing else moves. */
import { ALL_OWNER_TEMPLATES, LIN_UNIT, OTHER_OWNER, OWNER, PLUMBER, startTestStack, type TestStack, RESULT_PHOTO } from './local-stack';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const submit = () =>
  s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'drain', description: '厨房下水堵了', grantedTemplates: [...ALL_OWNER_TEMPLATES] });

describe('urge (催办)', () => {
  it('pushes the handler once, then is throttled with a clear message and no change', async () => {
    const { ticket } = await submit();
    const urged = await s.must(OWNER)('ticket.urge', { ticketId: ticket.id });
    expect(urged.ticket.state).toBe('dispatched');
    expect(urged.ticket.urgeAvailableAt).toBeGreaterThan(Date.now() + 29 * 60_000);
    expect(urged.ticket.timeline.at(-1)).toMatchObject({ eventLabel: '业主催办', actorName: '林先生' });
    const toTech = s.stack.emulator.messages().filter((m) => m.touser === PLUMBER && m.templateId === 'local-task_urged');
    expect(toTech).toHaveLength(1);

    const again = await s.as(OWNER)('ticket.urge', { ticketId: ticket.id });
    expect(again).toEqual({ ok: false, code: 'TICKET.URGE_TOO_SOON', message: '您刚刚催办过，我们正在加紧处理，请稍后再催' });
    const after = await s.must(OWNER)('ticket.get', { ticketId: ticket.id });
    expect(after.ticket.version).toBe(urged.ticket.version);
  });

  it('is the owner’s alone: another owner is told the ticket does not exist, staff may not', async () => {
    const { ticket } = await submit();
    expect(await s.as(OTHER_OWNER)('ticket.urge', { ticketId: ticket.id })).toMatchObject({ ok: false, code: 'TICKET.NOT_FOUND' });
    expect(await s.as(PLUMBER)('ticket.urge', { ticketId: ticket.id })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('an unassigned ticket is routed again when urged, so the urge reaches someone', async () => {
    // Nobody of the trade on duty at submit: all plumbers off.
    const staff = s.db.collection('staff');
    await staff.doc('s-tech-wang').update({ active: false });
    const { ticket } = await submit();
    expect(ticket.state).toBe('submitted');
    await staff.doc('s-tech-wang').update({ active: true });
    const urged = await s.must(OWNER)('ticket.urge', { ticketId: ticket.id });
    expect(urged.ticket.state).toBe('dispatched');
    expect(await s.handlerOf(ticket.id)).toBe('王师傅');
    expect(urged.ticket.timeline.slice(-2).map((e) => e.eventLabel)).toEqual(['业主催办', '派单']);
  });

  it('cannot urge once the work is done', async () => {
    const { ticket } = await submit();
    const tech = s.must(PLUMBER);
    await tech('task.accept', { ticketId: ticket.id });
    await tech('task.arrive', { ticketId: ticket.id });
    await tech('task.finish', { ticketId: ticket.id, note: '已疏通', photos: [RESULT_PHOTO] });
    const seen = await s.must(OWNER)('ticket.get', { ticketId: ticket.id });
    expect(seen.ticket.urgeAvailableAt).toBeNull();
    expect(await s.as(OWNER)('ticket.urge', { ticketId: ticket.id })).toMatchObject({ ok: false, code: 'TICKET.ILLEGAL_TRANSITION' });
  });
});
