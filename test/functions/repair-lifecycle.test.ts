import { ALL_OWNER_TEMPLATES, FRONT_DESK, LIN_UNIT, OWNER, PLUMBER, startTestStack, type TestStack, RESULT_PHOTO } from './local-stack';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const submitLeak = () =>
  s.must(OWNER)('repair.submit', {
    unitId: LIN_UNIT,
    category: 'plumbing_electric',
    description: '厨房水龙头漏水，关不紧',
    urgent: false,
    grantedTemplates: [...ALL_OWNER_TEMPLATES],
  });

describe('one full repair lifecycle through the real SDK and the local function host', () => {
  it('submit → routed in the same call → accept → on site → returned → rated → closed', async () => {
    const { ticket: submitted } = await submitLeak();
    // Routed within the submit call to the on-duty plumber, whose push is recorded.
    expect(submitted.state).toBe('dispatched');
    expect(await s.handlerOf(submitted.id)).toBe('王师傅');
    // The owner learns the handler's name and phone once the task is accepted, not before.
    expect(submitted.assignee).toBeNull();
    const pushed = s.stack.emulator.messages().filter((m) => m.touser === PLUMBER);
    expect(pushed).toEqual([
      expect.objectContaining({ templateId: 'local-task_assigned', errcode: 0, page: `staff/task/index?id=${submitted.id}` }),
    ]);

    const tech = s.must(PLUMBER);
    expect((await tech('task.accept', { ticketId: submitted.id })).ticket.state).toBe('accepted');
    const seenByOwner = (await s.must(OWNER)('ticket.get', { ticketId: submitted.id })).ticket;
    expect(seenByOwner.assignee).toEqual({ name: '王师傅', phone: '13900000004' });
    // Why this person is recorded for the desk; the owner reads only who.
    const dispatchNote = (t: { timeline: { event: string; note: string }[] }) => t.timeline.find((e) => e.event === 'dispatch')?.note;
    expect(dispatchNote(seenByOwner)).toBe('派给 王师傅');
    expect(dispatchNote((await s.must(FRONT_DESK)('ticket.get', { ticketId: submitted.id })).ticket)).toMatch(/^派给 王师傅（水电工在岗·负责A区·手上\d+单·可微信提醒·\d+人可选）$/);
    expect((await tech('task.arrive', { ticketId: submitted.id })).ticket.state).toBe('on_site');
    const returned = await tech('task.finish', { ticketId: submitted.id, note: '更换阀芯', photos: [RESULT_PHOTO] });
    expect(returned.ticket.state).toBe('callback_pending');

    const owner = s.must(OWNER);
    const seen = await owner('ticket.get', { ticketId: submitted.id });
    expect(seen.ticket.actions).toEqual(['rate']);
    const rated = await owner('callback.rate', { ticketId: submitted.id, handling: 5, staff: 4, comment: '师傅很专业' });
    expect(rated.ticket.state).toBe('closed');
    expect(rated.ticket.rating).toMatchObject({ handling: 5, staff: 4, comment: '师傅很专业' });

    // The owner sees every transition as a timeline, and was told at accept and at return.
    expect(rated.ticket.timeline.map((e) => [e.from, e.to])).toEqual([
      [null, 'submitted'],
      ['submitted', 'dispatched'],
      ['dispatched', 'accepted'],
      ['accepted', 'on_site'],
      ['on_site', 'returned'],
      ['returned', 'callback_pending'],
      ['callback_pending', 'closed'],
    ]);
    expect(rated.ticket.deadlines).toEqual([]); // clocks are for staff
    expect(rated.ticket).not.toHaveProperty('pushFailures'); // so is what did not reach someone
    const toOwner = s.stack.emulator.messages().filter((m) => m.touser === OWNER).map((m) => m.templateId);
    expect(toOwner).toEqual(['local-order_accepted', 'local-repair_done']);

    // The owner's list shows it; the technician finds it under 已完成.
    const list = await owner('ticket.list', {});
    expect(list.tickets.map((t) => t.id)).toContain(submitted.id);
    const done = await tech('task.list', { tab: 'done' });
    expect(done.tasks.map((t) => t.id)).toContain(submitted.id);
  });

  it('a rating of 2 or less reopens the ticket to the same technician, who is pushed again', async () => {
    const { ticket } = await submitLeak();
    const tech = s.must(PLUMBER);
    await tech('task.accept', { ticketId: ticket.id });
    await tech('task.arrive', { ticketId: ticket.id });
    await tech('task.finish', { ticketId: ticket.id, note: '', photos: [RESULT_PHOTO] });
    s.stack.emulator.clearMessages();

    const rated = await s.must(OWNER)('callback.rate', { ticketId: ticket.id, handling: 2, staff: 5, comment: '还是漏水' });
    expect(rated.ticket.state).toBe('reopened');
    expect(rated.ticket.assignee?.name).toBe('王师傅');
    expect(s.stack.emulator.messages()).toEqual([
      expect.objectContaining({ touser: PLUMBER, templateId: 'local-task_reopened', errcode: 0 }),
    ]);
    // The same technician picks it up again from the 待接单 tab.
    const todo = await tech('task.list', { tab: 'todo' });
    expect(todo.tasks.map((t) => t.id)).toContain(ticket.id);
    expect((await tech('task.accept', { ticketId: ticket.id })).ticket.state).toBe('accepted');
  });

  it('the paid path: quote → owner confirms → in progress → returned', async () => {
    const { ticket } = await submitLeak();
    const tech = s.must(PLUMBER);
    await tech('task.accept', { ticketId: ticket.id });
    await tech('task.arrive', { ticketId: ticket.id });
    const quoted = await tech('task.quote', { ticketId: ticket.id, items: [{ name: '更换水龙头', priceFen: 3000, quantity: 1 }], note: '含人工' });
    expect(quoted.ticket.state).toBe('awaiting_confirmation');
    expect(quoted.ticket.quote?.totalFen).toBe(3000);
    const confirmed = await s.must(OWNER)('repair.confirmQuote', { ticketId: ticket.id, accept: true });
    expect(confirmed.ticket.state).toBe('in_progress');
    expect((await tech('task.finish', { ticketId: ticket.id, note: '已更换', photos: [RESULT_PHOTO] })).ticket.state).toBe('callback_pending');
  });

  it('the owner may cancel before work starts, and the technician is told', async () => {
    const { ticket } = await submitLeak();
    s.stack.emulator.clearMessages();
    const cancelled = await s.must(OWNER)('ticket.cancel', { ticketId: ticket.id, reason: '已自行修好' });
    expect(cancelled.ticket.state).toBe('cancelled');
    expect(s.stack.emulator.messages()).toEqual([expect.objectContaining({ touser: PLUMBER, templateId: 'local-ticket_cancelled' })]);
  });

  it('the same lifecycle also runs through node-sdk callFunction (functions.invokeFunction)', async () => {
    const res = await s.app.callFunction({ name: 'session', data: { action: 'session.whoami', input: {} } });
    // No identity travels with an admin SDK call: the function answers as for anyone unknown.
    expect(res.result).toEqual({ ok: false, code: 'AUTH.REQUIRED', message: expect.stringMatching(/微信/) });
  });
});
