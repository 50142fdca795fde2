/**
 * The SLA sweep on the real stack: tickets submitted and worked through the real functions, the
 * sweep use case run on the stack's database with a fake clock (deps.now), and the timer entry
 * itself called over the function host the way a timer trigger calls it.
 */
import { DEFAULT_POLICY, HOUR, MINUTE } from '@/core/sla/policy';
import { assigneeActor } from '@/core/tickets/actor';
import type { Ticket } from '@/core/tickets/model';
import { transition } from '@/core/tickets/transition';
import { cloudbaseTicketStore } from '@/server/adapters/ticket-store';
import { defaultDeps } from '@/server/deps';
import { sweep, type SweepReport } from '@/server/usecases/sweep';
import { ALL_OWNER_TEMPLATES, LIN_UNIT, MANAGER, OWNER, PLUMBER, RESULT_PHOTO, startTestStack, SUPERVISOR, type TestStack } from './local-stack';


let s: TestStack;
beforeEach(async () => {
  s = await startTestStack();
  // Everyone has accepted a few SLA messages in the subscribe dialog (credits pay for pushes).
  await s.db.collection('staff').where({ active: true }).update({ 'credits.sla_reminder': 5, 'credits.sla_escalation': 5 });
});
afterEach(() => s.close());

/** The sweep use case on the stack's database, at a chosen instant. */
const sweepAt = (at: number): Promise<SweepReport> => sweep({ ...defaultDeps(), now: () => at }, DEFAULT_POLICY);

/** The timer entry, called as the timer trigger calls it: no identity, a Timer event. */
const timer = (openid?: string, event: unknown = { Type: 'Timer', TriggerName: 'everyMinute', Time: new Date().toISOString(), Message: '' }) =>
  s.post('sweep', event, openid);

const submit = async (description = '厨房水龙头漏水') => {
  const { ticket } = await s.must(OWNER)('repair.submit', {
    unitId: LIN_UNIT,
    category: 'plumbing_electric',
    description,
    urgent: false,
    grantedTemplates: [...ALL_OWNER_TEMPLATES],
  });
  return ticket.id;
};

const stored = async (id: string): Promise<Ticket> => (await s.db.collection('tickets').doc(id).get()).data[0] as Ticket;

/** Successful pushes of a template to someone, as the emulator recorded them. */
const pushed = (template: string, touser: string, ticketId?: string) =>
  s.stack.emulator
    .messages()
    .filter((m) => m.errcode === 0 && m.templateId === `local-${template}` && m.touser === touser && (!ticketId || m.page?.endsWith(`id=${ticketId}`)));

const entries = (t: Ticket, event: string) => t.history.filter((h) => h.event === event);

/** Moves a stored ticket's clocks and due time `ms` into the past, as if submitted that much earlier. */
const backdate = async (id: string, ms: number) => {
  const t = await stored(id);
  const clocks = Object.fromEntries(
    Object.entries(t.clocks).map(([name, c]) => [name, Object.fromEntries(Object.entries(c!).map(([k, v]) => [k, typeof v === 'number' ? v - ms : v]))]),
  );
  await s.db.collection('tickets').doc(id).update({ clocks: s.db.command.set(clocks), nextDueAt: t.nextDueAt === null ? null : t.nextDueAt - ms });
};

const NOTHING = { looked: 0, routed: 0, helpSought: 0, reminded: 0, escalated: 0, retried: 0, failed: 0 };

describe('reminders and escalation along the ladder', () => {
  it('reminds the handler once at 80% of the on-site clock, before the deadline', async () => {
    const id = await submit();
    const { onSite } = (await stored(id)).clocks;
    const remindAt = onSite!.startedAt + 0.8 * 15 * MINUTE;
    expect((await stored(id)).nextDueAt).toBe(remindAt);

    expect(await sweepAt(remindAt - 1000)).toMatchObject(NOTHING);
    expect(await sweepAt(remindAt)).toMatchObject({ looked: 1, reminded: 1, escalated: 0 });
    expect(await sweepAt(remindAt + 30_000)).toMatchObject(NOTHING);

    expect(pushed('sla_reminder', PLUMBER, id)).toHaveLength(1);
    const t = await stored(id);
    expect(t.clocks.onSite!.remindedAt).toBe(remindAt);
    expect(entries(t, 'remind')).toEqual([expect.objectContaining({ at: remindAt, actor: { kind: 'system', name: '系统' } })]);
    // Next: the breach itself, at the deadline. The message went out, so the outbox is empty.
    expect(t.outbox).toEqual([]);
    expect(t.nextDueAt).toBe(onSite!.dueAt);
  });

  it('a breach goes to the supervisor (周主任), an hour later to the manager (吴经理); each recorded on the ticket', async () => {
    const id = await submit();
    const { dueAt } = (await stored(id)).clocks.onSite!;
    await sweepAt(dueAt - MINUTE); // the reminder

    expect(await sweepAt(dueAt)).toMatchObject({ looked: 1, reminded: 0, escalated: 1 });
    expect(pushed('sla_escalation', SUPERVISOR, id)).toHaveLength(1);
    expect(pushed('sla_escalation', MANAGER, id)).toHaveLength(0);
    let t = await stored(id);
    expect(t.clocks.onSite!.escalations).toBe(1);
    expect(entries(t, 'escalate')).toEqual([expect.objectContaining({ at: dueAt, note: expect.stringContaining('周主任') })]);
    expect(t.nextDueAt).toBe(dueAt + HOUR);

    expect(await sweepAt(dueAt + HOUR - 1000)).toMatchObject(NOTHING);
    expect(await sweepAt(dueAt + HOUR)).toMatchObject({ looked: 1, escalated: 1 });
    expect(pushed('sla_escalation', MANAGER, id)).toHaveLength(1);
    t = await stored(id);
    expect(entries(t, 'escalate').map((e) => e.note)).toEqual([expect.stringContaining('周主任'), expect.stringContaining('吴经理')]);
    expect(t.clocks.onSite!.escalations).toBe(2);
    // The ladder has two rungs: nothing more is due, and the ticket is never read again for this clock.
    expect(t.nextDueAt).toBeNull();
    expect(await sweepAt(dueAt + 10 * HOUR)).toMatchObject(NOTHING);
    expect(pushed('sla_escalation', SUPERVISOR, id)).toHaveLength(1);
  });

  it('a sweep that comes late records the breach and every step since, without a stale "due soon" reminder', async () => {
    const id = await submit();
    const { dueAt } = (await stored(id)).clocks.onSite!;
    expect(await sweepAt(dueAt + 2 * HOUR)).toMatchObject({ looked: 1, reminded: 0, escalated: 2 });
    const t = await stored(id);
    expect(entries(t, 'remind')).toEqual([]);
    expect(entries(t, 'escalate')).toHaveLength(2);
    expect(pushed('sla_reminder', PLUMBER)).toEqual([]);
    expect(pushed('sla_escalation', SUPERVISOR, id)).toHaveLength(1);
    expect(pushed('sla_escalation', MANAGER, id)).toHaveLength(1);
  });

  it('the callback clock escalates at its 8-hour target, and to the manager at its 24-hour cap', async () => {
    const id = await submit();
    const tech = s.must(PLUMBER);
    await tech('task.accept', { ticketId: id });
    await tech('task.arrive', { ticketId: id });
    await tech('task.finish', { ticketId: id, note: '已更换阀芯', photos: [RESULT_PHOTO] });
    const t0 = await stored(id);
    expect(t0.state).toBe('callback_pending');
    const callback = t0.clocks.callback!;
    expect(callback.dueAt - callback.startedAt).toBe(8 * HOUR);
    expect(callback.capAt! - callback.startedAt).toBe(24 * HOUR);

    expect(await sweepAt(callback.dueAt)).toMatchObject({ escalated: 1 });
    expect(pushed('sla_escalation', SUPERVISOR, id)).toHaveLength(1);
    // Not an hour after the target: the second step of a capped clock is at the cap.
    expect(await sweepAt(callback.dueAt + HOUR)).toMatchObject(NOTHING);
    expect(await sweepAt(callback.capAt! - 1000)).toMatchObject(NOTHING);
    expect(await sweepAt(callback.capAt!)).toMatchObject({ looked: 1, escalated: 1 });
    expect(pushed('sla_escalation', MANAGER, id)).toHaveLength(1);
    const t = await stored(id);
    expect(entries(t, 'escalate').map((e) => e.at)).toEqual([callback.dueAt, callback.capAt]);
  });

  it('without a push credit the escalation is still recorded (in-app only), and the sweep goes on', async () => {
    await s.db.collection('staff').doc('s-super-zhou').update({ 'credits.sla_escalation': 0 });
    const id = await submit();
    const { dueAt } = (await stored(id)).clocks.onSite!;
    expect(await sweepAt(dueAt)).toMatchObject({ escalated: 1, failed: 0 });
    expect(pushed('sla_escalation', SUPERVISOR)).toEqual([]);
    const t = await stored(id);
    expect(entries(t, 'escalate')).toHaveLength(1);
    expect(t.outbox).toEqual([]);
  });
});

describe('a ticket nobody could take is routed when someone can', () => {
  it('submitted with every plumber off duty; one comes back: the next sweep dispatches it, and it is pushed', async () => {
    await s.db.collection('staff').doc('s-tech-wang').update({ active: false });
    const id = await submit('热水器不出热水');
    expect((await stored(id)).state).toBe('submitted');
    await s.db.collection('staff').doc('s-tech-wang').update({ active: true });
    const { startedAt } = (await stored(id)).clocks.dispatch!;
    const report = await sweepAt(startedAt + 96_000);
    expect(report).toMatchObject({ routed: 1, reminded: 0 });
    const t = await stored(id);
    expect(t).toMatchObject({ state: 'dispatched', assignee: { name: '王师傅' } });
    expect(t.clocks.dispatch!.stoppedAt).toBe(startedAt + 96_000);
    expect(pushed('task_assigned', PLUMBER, id)).toHaveLength(1);
    const staff = (await s.db.collection('staff').doc('s-tech-wang').get()).data[0] as { openTasks: number };
    expect(staff.openTasks).toBeGreaterThanOrEqual(1);
  });

  it('still nobody: the dispatch clock reminds, then the supervisor is told at its deadline', async () => {
    await s.db.collection('staff').where({ team: 'engineering' }).update({ active: false });
    const id = await submit('阳台漏水');
    const { dueAt } = (await stored(id)).clocks.dispatch!;
    expect(await sweepAt(dueAt - 1000)).toMatchObject({ routed: 0, reminded: 1 });
    expect(await sweepAt(dueAt)).toMatchObject({ routed: 0, escalated: 1 });
    expect(pushed('sla_escalation', SUPERVISOR, id)).toHaveLength(1);
    expect((await stored(id)).state).toBe('submitted');
  });
});

describe('the supervisor sees every breach (已超时)', () => {
  it('a breached ticket is listed for the supervisor and for its handler, not for other technicians', async () => {
    const id = await submit('楼道灯不亮');
    const { dueAt } = (await stored(id)).clocks.onSite!;
    expect((await s.must(SUPERVISOR)('task.list', { tab: 'late' })).tasks.map((t) => t.id)).not.toContain(id);
    await sweepAt(dueAt);
    expect((await stored(id)).lateSince).toBe(dueAt);
    expect((await s.must(SUPERVISOR)('task.list', { tab: 'late' })).tasks.map((t) => t.id)).toContain(id);
    expect((await s.must(PLUMBER)('task.list', { tab: 'late' })).tasks.map((t) => t.id)).toContain(id);
    expect((await s.must('demo-tech-zhao')('task.list', { tab: 'late' })).tasks.map((t) => t.id)).not.toContain(id);
  });
});

describe('major complaints go straight to the manager', () => {
  it('a 安全秩序 complaint that breaches tells 吴经理 at once, not 周主任', async () => {
    const { ticket } = await s.must(OWNER)('complaint.submit', {
      unitId: LIN_UNIT,
      category: 'security',
      description: '小区门禁损坏，陌生人随意进出',
      replyBy: Date.now() + 4 * HOUR,
    });
    // Passed to 张管家 at once; the clock left running is the owner's reply time.
    const { dueAt } = (await stored(ticket.id)).clocks.reply!;
    await sweepAt(dueAt - MINUTE);
    await sweepAt(dueAt);
    expect(pushed('sla_escalation', MANAGER, ticket.id)).toHaveLength(1);
    expect(pushed('sla_escalation', SUPERVISOR, ticket.id)).toHaveLength(0);
  });
});

describe('nothing is dropped: failed pushes are retried by the sweep', () => {
  it('a push that failed at submit is sent again by the sweep at its retry time, once', async () => {
    s.stack.emulator.injectFault({ touser: PLUMBER, errcode: -1, errmsg: 'system busy', times: 1 });
    const id = await submit();
    const failed = await stored(id);
    expect(failed.outbox).toEqual([expect.objectContaining({ template: 'task_assigned', attempts: 1 })]);
    const retryAt = failed.outbox[0].nextAttemptAt;
    expect(failed.nextDueAt).toBe(retryAt);

    expect(await sweepAt(retryAt - 1000)).toMatchObject(NOTHING);
    expect(await sweepAt(retryAt)).toMatchObject({ looked: 1, retried: 1, reminded: 0 });
    expect(await sweepAt(retryAt + MINUTE)).toMatchObject(NOTHING);

    expect(pushed('task_assigned', PLUMBER, id)).toHaveLength(1);
    const t = await stored(id);
    expect(t.outbox).toEqual([]);
    expect(t.nextDueAt).toBe(t.clocks.onSite!.startedAt + 0.8 * 15 * MINUTE);
  });

  it('through the timer entry: a retry that is due now is sent', async () => {
    s.stack.emulator.injectFault({ touser: PLUMBER, errcode: -1, times: 1 });
    const id = await submit();
    const t = await stored(id);
    const due = Date.now() - 1000;
    await s.db.collection('tickets').doc(id).update({ outbox: s.db.command.set([{ ...t.outbox[0], nextAttemptAt: due }]), nextDueAt: due });

    const reply = await timer();
    expect(reply).toEqual({ ok: true, data: expect.objectContaining({ looked: 1, retried: 1, failed: 0 }) });
    expect(pushed('task_assigned', PLUMBER, id)).toHaveLength(1);
  });
});

describe('two sweeps at once', () => {
  it('record and send each reminder, escalation and retry exactly once', async () => {
    s.stack.emulator.injectFault({ touser: PLUMBER, templateId: 'local-task_assigned', errcode: -1, times: 2 });
    const ids = [await submit('一'), await submit('二'), await submit('三')];
    const tickets = await Promise.all(ids.map(stored));
    const retryAt = Math.max(...tickets.flatMap((t) => t.outbox.map((m) => m.nextAttemptAt)));
    const remindAt = Math.max(...tickets.map((t) => t.clocks.onSite!.startedAt + 0.8 * 15 * MINUTE));
    const dueAt = Math.max(...tickets.map((t) => t.clocks.onSite!.dueAt));

    const total = (reports: SweepReport[], key: keyof SweepReport) => reports.reduce((n, r) => n + r[key], 0);
    // Sweeps started within the same few milliseconds (not the same one: their writes differ).
    const together = (at: number, n: number) => Promise.all(Array.from({ length: n }, (_, i) => sweepAt(at + i)));
    const retries = await together(retryAt, 3);
    expect(total(retries, 'retried')).toBe(2);
    const reminders = await together(remindAt, 2);
    expect(total(reminders, 'reminded')).toBe(3);
    const escalations = await together(dueAt, 2);
    expect(total(escalations, 'escalated')).toBe(3);
    expect([...retries, ...reminders, ...escalations].every((r) => r.failed === 0)).toBe(true);

    for (const id of ids) {
      const t = await stored(id);
      expect(entries(t, 'remind')).toHaveLength(1);
      expect(entries(t, 'escalate')).toHaveLength(1);
      expect(t.clocks.onSite).toMatchObject({ remindedAt: expect.any(Number), escalations: 1 });
      expect(pushed('task_assigned', PLUMBER, id)).toHaveLength(1);
      expect(pushed('sla_reminder', PLUMBER, id)).toHaveLength(1);
      expect(pushed('sla_escalation', SUPERVISOR, id)).toHaveLength(1);
    }
  });
});

describe('what the sweep reads', () => {
  it('only the due tickets, by their due time: not the other open ones', async () => {
    const ids = [await submit('一'), await submit('二'), await submit('三'), await submit('四'), await submit('五')];
    // Two of them were submitted 13 minutes ago: their reminders are due now.
    await backdate(ids[0], 13 * MINUTE);
    await backdate(ids[3], 13 * MINUTE);
    s.stack.emulator.resetStats();

    const reply = await timer();
    expect(reply).toEqual({ ok: true, data: { looked: 2, routed: 0, helpSought: 0, reminded: 2, escalated: 0, retried: 0, docsRead: 2, failed: 0 } });
    const stats = s.stack.emulator.stats();
    expect(stats.byCollection.tickets.docsRead).toBe(2);
    expect(stats.byCollection.staff?.docsRead ?? 0).toBe(0); // nobody to escalate to: the ladder is not read
    expect(stats.docsRead).toBe(2);
    expect(pushed('sla_reminder', PLUMBER).map((m) => m.page)).toEqual([`staff/task/index?id=${ids[0]}`, `staff/task/index?id=${ids[3]}`]);
  });

  it('reads the escalation ladder once per sweep, however many tickets breach', async () => {
    const ids = [await submit('一'), await submit('二'), await submit('三')];
    const dueAt = Math.max(...(await Promise.all(ids.map(stored))).map((t) => t.clocks.onSite!.dueAt));
    s.stack.emulator.resetStats();
    const report = await sweepAt(dueAt);
    expect(report).toMatchObject({ looked: 3, escalated: 3 });
    // Three tickets and the two people of the ladder (周主任, 吴经理).
    expect(report.docsRead).toBe(5);
    expect(s.stack.emulator.stats().byCollection.staff).toMatchObject({ reads: 1, docsRead: 2 });
  });

  it('takes at most `limit` tickets, earliest first; the rest wait for the next run', async () => {
    const ids = [await submit('一'), await submit('二'), await submit('三')];
    const dueAt = Math.max(...(await Promise.all(ids.map(stored))).map((t) => t.clocks.onSite!.dueAt));
    const deps = { ...defaultDeps(), now: () => dueAt };
    expect(await sweep(deps, DEFAULT_POLICY, { limit: 2 })).toMatchObject({ looked: 2, escalated: 2 });
    expect(entries(await stored(ids[2]), 'escalate')).toHaveLength(0);
    expect(await sweep(deps, DEFAULT_POLICY, { limit: 2 })).toMatchObject({ looked: 1, escalated: 1 });
  });
});

describe('clocks that do not count are not swept', () => {
  it('a paused clock is neither reminded nor escalated', async () => {
    const id = await submit();
    const t = await stored(id);
    const now = Date.now();
    // 业主不在家: the handler pauses the clocks (a core step; no function exposes it yet).
    const paused = transition(t, { type: 'pause', reason: '业主不在家，约定改日' }, { actor: assigneeActor(t)!, now, policy: DEFAULT_POLICY });
    if (!paused.ok) throw new Error(paused.code);
    expect(await cloudbaseTicketStore(s.db).replace(paused.ticket, t.version)).toBe(true);
    expect((await stored(id)).nextDueAt).toBeNull();

    expect(await sweepAt(t.clocks.onSite!.dueAt + 2 * HOUR)).toMatchObject(NOTHING);

    // Even with a stale due time (written before the pause) the ticket is looked at once, nothing
    // is sent, and it is filed anew so it does not come back.
    await s.db.collection('tickets').doc(id).update({ nextDueAt: now });
    expect(await sweepAt(t.clocks.onSite!.dueAt + 2 * HOUR)).toMatchObject({ ...NOTHING, looked: 1 });
    expect((await stored(id)).nextDueAt).toBeNull();
    expect(entries(await stored(id), 'remind')).toEqual([]);
    expect(pushed('sla_reminder', PLUMBER)).toEqual([]);
    expect(pushed('sla_escalation', SUPERVISOR)).toEqual([]);
  });

  it('a stopped clock (the technician arrived) is not swept', async () => {
    const id = await submit();
    const { dueAt } = (await stored(id)).clocks.onSite!;
    await s.must(PLUMBER)('task.accept', { ticketId: id });
    await s.must(PLUMBER)('task.arrive', { ticketId: id });
    expect((await stored(id)).clocks.onSite!.stoppedAt).toBeDefined();
    expect(await sweepAt(dueAt + 2 * HOUR)).toMatchObject(NOTHING);
    expect(entries(await stored(id), 'escalate')).toEqual([]);
  });
});

describe('the timer entry', () => {
  it('refuses a user call, whatever the event says', async () => {
    for (const who of [OWNER, PLUMBER, SUPERVISOR]) {
      expect(await timer(who)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN', message: '您没有权限进行此操作' });
    }
    expect(await timer(OWNER, { action: 'sweep.run' })).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
  });

  it('runs only for a timer event', async () => {
    expect(await timer(undefined, { action: 'ticket.list' })).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(await timer()).toEqual({ ok: true, data: { looked: 0, routed: 0, helpSought: 0, reminded: 0, escalated: 0, retried: 0, docsRead: 0, failed: 0 } });
  });
});
