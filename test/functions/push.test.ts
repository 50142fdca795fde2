import { LIN_UNIT, OWNER, PLUMBER, startTestStack, type TestStack, RESULT_PHOTO } from './local-stack';

let s: TestStack;
beforeEach(async () => {
  s = await startTestStack();
});
afterEach(() => s.close());

const submit = (grantedTemplates: ('order_accepted' | 'quote_pending' | 'repair_done')[] = []) =>
  s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'appliances', description: '热水器不加热', urgent: false, grantedTemplates });

const plumberCredits = async () =>
  ((await s.db.collection('staff').doc('s-tech-wang').get()).data[0] as { credits: Record<string, number> }).credits;

describe('subscription messages and their credits', () => {
  it('each push takes one of the technician’s credits', async () => {
    const before = (await plumberCredits()).task_assigned;
    await submit();
    expect((await plumberCredits()).task_assigned).toBe(before - 1);
  });

  it('WeChat answering 43101 sets that credit to 0; the task still reaches the in-app inbox', async () => {
    s.stack.emulator.injectFault({ touser: PLUMBER, errcode: 43101, errmsg: 'user refuse to accept the msg' });
    const { ticket } = await submit();
    expect(ticket.state).toBe('dispatched');
    // The plumber was not told, so his lead is asked to phone him (the fallback ladder).
    expect(s.stack.emulator.messages()).toEqual([
      expect.objectContaining({ touser: PLUMBER, errcode: 43101 }),
      expect.objectContaining({ touser: 'demo-lead-ma', templateId: 'local-dispatch_help', errcode: 0 }),
    ]);
    expect((await plumberCredits()).task_assigned).toBe(0);
    const todo = await s.must(PLUMBER)('task.list', { tab: 'todo' });
    expect(todo.tasks.map((t) => t.id)).toContain(ticket.id);
    expect(todo.credits.task_assigned).toBe(0);
  });

  it('a technician without credit is not pushed (WeChat would refuse) but gets the task in-app', async () => {
    await s.db.collection('staff').doc('s-tech-wang').update({ 'credits.task_assigned': 0 });
    const { ticket } = await submit();
    expect(await s.handlerOf(ticket.id)).toBe('王师傅');
    // Not pushed; instead his lead is asked to phone him (the fallback ladder).
    expect(s.stack.emulator.messages().map((m) => [m.touser, m.templateId])).toEqual([['demo-lead-ma', 'local-dispatch_help']]);
  });

  it('granting credits from the subscribe dialog adds one per accepted template', async () => {
    await s.db.collection('staff').doc('s-tech-wang').update({ 'credits.task_assigned': 0 });
    const granted = await s.must(PLUMBER)('subscription.grant', { accepted: ['task_assigned', 'task_reopened'] });
    expect(granted.credits).toMatchObject({ task_assigned: 1, task_reopened: 3 });
  });

  it('an owner who granted nothing is not pushed; one who grants later on the ticket is', async () => {
    const { ticket } = await submit([]);
    await s.must(PLUMBER)('task.accept', { ticketId: ticket.id });
    expect(s.stack.emulator.messages().filter((m) => m.touser === OWNER)).toEqual([]);
    await s.must(OWNER)('subscription.grant', { accepted: ['repair_done'], ticketId: ticket.id });
    await s.must(PLUMBER)('task.arrive', { ticketId: ticket.id });
    await s.must(PLUMBER)('task.finish', { ticketId: ticket.id, note: '', photos: [RESULT_PHOTO] });
    expect(s.stack.emulator.messages().filter((m) => m.touser === OWNER).map((m) => m.templateId)).toEqual(['local-repair_done']);
  });

  it('a failed send stays in the ticket’s outbox for the sweep to retry; nothing is lost', async () => {
    s.stack.emulator.injectFault({ touser: PLUMBER, errcode: -1, errmsg: 'system busy' });
    const { ticket } = await submit();
    const stored = (await s.db.collection('tickets').doc(ticket.id).get()).data[0] as { outbox: { template: string; attempts: number; lastError: string }[]; nextDueAt: number };
    expect(stored.outbox).toEqual([expect.objectContaining({ template: 'task_assigned', attempts: 1, lastError: expect.stringMatching(/-1/) })]);
    expect(stored.nextDueAt).toBeGreaterThan(Date.now());
  });

  it('a message WeChat rejects as wrong (47003 bad data) is not retried: retrying cannot help; the task stands', async () => {
    s.stack.emulator.injectFault({ touser: PLUMBER, errcode: 47003, errmsg: 'argument invalid! data.thing2.value invalid' });
    const { ticket } = await submit();
    const stored = (await s.db.collection('tickets').doc(ticket.id).get()).data[0] as { state: string; outbox: unknown[]; assignee: { name: string } };
    expect(stored).toMatchObject({ state: 'dispatched', outbox: [], assignee: { name: '王师傅' } });
  });
});

describe('the cost of a full lifecycle, counted by the emulator', () => {
  it('submit → closed in at most 12 reads and 12 writes, plus one KPI rollup write per saved step', async () => {
    s.stack.emulator.resetStats();
    const { ticket } = await submit(['order_accepted', 'quote_pending', 'repair_done']);
    const tech = s.must(PLUMBER);
    await tech('task.accept', { ticketId: ticket.id });
    await tech('task.arrive', { ticketId: ticket.id });
    await tech('task.finish', { ticketId: ticket.id, note: '', photos: [RESULT_PHOTO] });
    await s.must(OWNER)('callback.rate', { ticketId: ticket.id, handling: 5, staff: 5, comment: '' });
    const { reads, writes } = s.stack.emulator.stats();
    expect(reads).toBeLessThanOrEqual(12);
    // Six saved steps (insert, dispatch, accept, arrive, finish, rate), each also written into its
    // day's KPI rollup (kpi_days): counters kept at each transition instead of a scan on each view.
    expect(writes).toBeLessThanOrEqual(12 + 6);
  });
});
