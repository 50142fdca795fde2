/**
 * 统计报表 through the real stack: every save keeps the day's rollup (kpi_days), the dashboard reads
 * the rollup and agrees with figures computed from the tickets themselves, drill-down lists the
 * tickets behind a number, CSV exports, the monthly report is generated (and reconciles a rollup
 * that lost a write), and only the supervisor and the manager get any of it.
 */
import { packFacts, ticketFacts, unpackFacts, figuresOf, tallyOf } from '@/core/kpi';
import { DEFAULT_POLICY, HOUR } from '@/core/sla/policy';
import { formatLocal } from '@/core/sla/time';
import type { Ticket } from '@/core/tickets/model';
import { cloudbaseKpiStore } from '@/server/adapters/kpi-store';
import { defaultDeps } from '@/server/deps';
import { generateMonthlyReport } from '@/server/usecases/kpi-report';
import { sweep } from '@/server/usecases/sweep';
import { ALL_OWNER_TEMPLATES, FRONT_DESK, LIN_UNIT, MANAGER, OWNER, PLUMBER, RESULT_PHOTO, startTestStack, SUPERVISOR, type TestStack } from './local-stack';


let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const today = () => formatLocal(Date.now(), DEFAULT_POLICY.utcOffsetMinutes, 'YYYY-MM-DD');
const thisMonth = () => today().slice(0, 7);

const submit = async (description: string) =>
  (await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'plumbing_electric', description, grantedTemplates: [...ALL_OWNER_TEMPLATES] })).ticket;

const storedTickets = async (): Promise<Ticket[]> => (await s.db.collection('tickets').limit(1000).get()).data as Ticket[];
const dayDoc = async (day: string) => (await s.db.collection('kpi_days').doc(day).get()).data[0] as { f: Record<string, string>; v: Record<string, number> } | undefined;

/** The figures straight from the tickets: what the rollup must agree with. */
const figuresFromTickets = async () => figuresOf(tallyOf((await storedTickets()).map((t) => ticketFacts(t, DEFAULT_POLICY))), DEFAULT_POLICY.kpi);

const dashboard = (input: Parameters<ReturnType<TestStack['must']>>[1] = {}) => s.must(SUPERVISOR)('kpi.dashboard', input as never);

let done: { id: string; no: string };
let unhappy: { id: string; no: string };
let cancelled: { id: string; no: string };
let late: { id: string; no: string };

describe('the rollup follows every save', () => {
  it('records each ticket under its creation day with the version it was computed from', async () => {
    const tech = s.must(PLUMBER);
    const owner = s.must(OWNER);
    // Done and rated 5/4: a real callback, satisfied.
    const a = await submit('厨房水龙头漏水');
    await tech('task.accept', { ticketId: a.id });
    await tech('task.arrive', { ticketId: a.id });
    await tech('task.finish', { ticketId: a.id, note: '更换阀芯', photos: [RESULT_PHOTO] });
    await owner('callback.rate', { ticketId: a.id, handling: 5, staff: 4, comment: '' });
    done = { id: a.id, no: a.no };
    // Rated 2 on handling: not satisfied, and the ticket goes back (返修).
    const b = await submit('卫生间地漏堵塞');
    await tech('task.accept', { ticketId: b.id });
    await tech('task.arrive', { ticketId: b.id });
    await tech('task.finish', { ticketId: b.id, note: '疏通', photos: [RESULT_PHOTO] });
    await owner('callback.rate', { ticketId: b.id, handling: 2, staff: 4, comment: '还是堵' });
    unhappy = { id: b.id, no: b.no };
    // Cancelled by the owner before anyone came.
    const c = await submit('阳台灯不亮');
    await owner('ticket.cancel', { ticketId: c.id, reason: '自己修好了' });
    cancelled = { id: c.id, no: c.no };
    // Nobody goes: two hours on, the sweep escalates the on-site clock.
    const d = await submit('客厅插座冒火花');
    await tech('task.accept', { ticketId: d.id });
    await sweep({ ...defaultDeps(), now: () => Date.now() + 2 * HOUR }, DEFAULT_POLICY);
    late = { id: d.id, no: d.no };

    const day = await dayDoc(today());
    const tickets = await storedTickets();
    expect(Object.keys(day!.f).sort()).toEqual(tickets.map((t) => t._id).sort());
    for (const t of tickets) {
      expect([t.no, day!.v[t._id]]).toEqual([t.no, t.version]);
      expect(unpackFacts(t._id, today(), day!.f[t._id])).toEqual(ticketFacts(t, DEFAULT_POLICY));
    }
  });

  it('keeps the newer entry when saves finish out of order, and starts a day with its first ticket', async () => {
    const kpi = cloudbaseKpiStore(s.db as never);
    const [t] = await storedTickets();
    const facts = ticketFacts(t, DEFAULT_POLICY);
    const newer = packFacts({ ...facts, reopenCount: 7 });
    await kpi.record('2020-01-01', 'x1', 5, newer);
    await kpi.record('2020-01-01', 'x1', 4, packFacts(facts));
    await kpi.record('2020-01-01', 'x2', 1, packFacts(facts));
    const day = await dayDoc('2020-01-01');
    expect(day!.v).toEqual({ x1: 5, x2: 1 });
    expect(unpackFacts('x1', '2020-01-01', day!.f.x1)?.reopenCount).toBe(7);
    expect((await kpi.days('2019-12-31', '2020-01-02')).map((d) => d.day)).toEqual(['2020-01-01']);
  });
});

describe('kpi.dashboard', () => {
  it('agrees with the figures computed from the tickets themselves, reading one document per day', async () => {
    const res = await dashboard({ period: 'thisMonth' });
    expect(res.figures).toEqual(await figuresFromTickets());
    expect(res.figures).toMatchObject({ volume: 4, requests: 4, cancelled: 1, closed: 1 });
    expect(res.figures.callbackRate).toMatchObject({ num: 2, den: 2, value: 1, target: 1 });
    expect(res.figures.satisfaction.handling).toMatchObject({ num: 1, den: 2 });
    expect(res.figures.reopenRate).toMatchObject({ num: 1, den: 2 });
    // On site in time: the first only. Missed: the one nobody went to, and the reopened one, whose
    // on-site clock restarted at the reopen and ran out before the sweep two hours on.
    expect(res.figures.onTime.onSite).toMatchObject({ num: 1, den: 3 });
    expect(res.from).toBe(`${thisMonth()}-01`);
    expect(res.to).toBe(today());
    expect(res.trend.reduce((n, p) => n + p.figures.volume, 0)).toBe(4);
    // The cancelled one had been dispatched to him: it is in his volume, not in his completion rate.
    expect(res.by.staff.map((g) => [g.label, g.figures.volume, g.figures.cancelled])).toEqual([['王师傅', 4, 1]]);
    expect(res.communities.length).toBe(1);
  });

  it('narrows to a team, a kind or a person', async () => {
    expect((await dashboard({ team: 'engineering' })).figures.volume).toBe(4);
    expect((await dashboard({ team: 'cleaning' })).figures.volume).toBe(0);
    expect((await dashboard({ kind: 'complaint' })).figures.volume).toBe(0);
    expect((await dashboard({ staffId: 's-tech-wang' })).figures.volume).toBe(4);
    expect((await dashboard({ staffId: 's-keeper-zhang' })).figures.volume).toBe(0);
  });

  it('refuses a custom range that runs backwards or spans more than half a year, and a malformed day', async () => {
    const sup = s.as(SUPERVISOR);
    expect(await sup('kpi.dashboard', { period: 'custom', from: '2026-11-10', to: '2026-11-01' })).toMatchObject({ ok: false, code: 'KPI.RANGE_INVALID' });
    expect(await sup('kpi.dashboard', { period: 'custom', from: '2026-01-01', to: '2026-12-31' })).toMatchObject({ ok: false, code: 'KPI.RANGE_INVALID' });
    expect(await sup('kpi.dashboard', { period: 'custom', from: '2026-1-1', to: '2026-02-01' })).toMatchObject({ ok: false, code: 'INPUT.INVALID' });
    expect(await sup('kpi.dashboard', { period: 'custom' })).toMatchObject({ ok: false, code: 'KPI.RANGE_INVALID' });
  });

  it('is the supervisor\'s and the manager\'s only', async () => {
    expect((await s.as(MANAGER)('kpi.dashboard', {})).ok).toBe(true);
    for (const who of [OWNER, PLUMBER, FRONT_DESK, 'demo-keeper-zhang', 'nobody-at-all']) {
      for (const [action, input] of [
        ['kpi.dashboard', {}],
        ['kpi.tickets', { drill: 'volume' }],
        ['kpi.exportCsv', { what: 'tickets' }],
        ['kpi.report', { month: thisMonth() }],
        ['kpi.reportCsv', { month: thisMonth() }],
      ] as const) {
        const reply = await s.as(who)(action, input as never);
        expect([who, action, reply.ok]).toEqual([who, action, false]);
        expect(JSON.stringify(reply)).not.toMatch(/13800000001|林先生|厨房水龙头/);
      }
    }
  });
});

describe('kpi.tickets (drill-down)', () => {
  it('lists the tickets behind a number, with why they are there', async () => {
    const lateOnes = await s.must(SUPERVISOR)('kpi.tickets', { drill: 'late.onSite' });
    expect(lateOnes).toMatchObject({ title: '到场超时的工单', total: 2 });
    expect(lateOnes.tickets.map((t) => t.no).sort()).toEqual([late.no, unhappy.no].sort());
    expect(lateOnes.tickets.find((t) => t.id === late.id)).toMatchObject({ no: late.no, note: '到场超时', handlerName: '王师傅', kindName: '报修', categoryName: '水电' });
    const unsatisfied = await s.must(SUPERVISOR)('kpi.tickets', { drill: 'unsatisfied.handling' });
    expect(unsatisfied.tickets.map((t) => [t.no, t.note])).toEqual([[unhappy.no, '处理满意度 2星']]);
    expect((await s.must(SUPERVISOR)('kpi.tickets', { drill: 'cancelled' })).tickets.map((t) => t.no)).toEqual([cancelled.no]);
    const all = await s.must(SUPERVISOR)('kpi.tickets', { drill: 'volume' });
    expect(all.total).toBe(4);
    // Newest first.
    expect(all.tickets.map((t) => t.createdAt)).toEqual([...all.tickets.map((t) => t.createdAt)].sort((a, b) => b - a));
  });
});

describe('kpi.exportCsv', () => {
  it('exports the tickets, one row each, as UTF-8 with BOM', async () => {
    const file = await s.must(SUPERVISOR)('kpi.exportCsv', { what: 'tickets' });
    expect(file.fileName).toBe(`工单明细_${thisMonth()}-01_${today()}.csv`);
    expect(file.csv.startsWith('\uFEFF工单号,类型,类别')).toBe(true);
    expect(file.rows).toBe(4);
    expect(file.csv.split('\r\n').filter(Boolean)).toHaveLength(5);
    for (const t of [done, unhappy, cancelled, late]) expect(file.csv).toContain(t.no);
  });

  it('exports the figures: the total, then each team and person', async () => {
    const file = await s.must(SUPERVISOR)('kpi.exportCsv', { what: 'figures' });
    const lines = file.csv.replace('\uFEFF', '').split('\r\n').filter(Boolean);
    expect(lines[0].startsWith('范围,工单量')).toBe(true);
    expect(lines.map((l) => l.split(',')[0])).toEqual(expect.arrayContaining(['合计', '班组：工程部', '人员：王师傅']));
    expect(lines.find((l) => l.startsWith('合计,'))!.split(',')[1]).toBe('4');
  });
});

describe('the monthly report', () => {
  it('is generated by the timer on the 1st for the month before, kept and viewable', async () => {
    const reply = await s.post('report', { Type: 'Timer', TriggerName: 'monthlyFirst', Time: new Date().toISOString() });
    expect(reply.ok).toBe(true);
    const month = (reply as { data: { month: string } }).data.month;
    expect(month).not.toBe(thisMonth());
    expect((await s.must(MANAGER)('kpi.report', { month })).report).toMatchObject({ month, figures: { volume: 0 } });
    expect((await dashboard()).reports.map((r) => r.month)).toContain(month);
    // A user cannot run it.
    expect(await s.post('report', { Type: 'Timer', TriggerName: 'monthlyFirst', Time: new Date().toISOString() }, SUPERVISOR)).toMatchObject({
      ok: false,
      code: 'AUTH.FORBIDDEN',
    });
  });

  it('reconciles a rollup that lost a write, then reports the month as the tickets have it', async () => {
    // A crash between the ticket's save and its rollup write: the entry is missing.
    const _ = s.db.command;
    await s.db.collection('kpi_days').doc(today()).update({ [`f.${done.id}`]: _.remove(), [`v.${done.id}`]: _.remove() });
    expect((await dashboard()).figures.volume).toBe(3);
    const result = await generateMonthlyReport(defaultDeps(), DEFAULT_POLICY, thisMonth());
    expect(result).toEqual({ month: thisMonth(), volume: 4, reconciled: 1 });
    expect((await dashboard()).figures).toEqual(await figuresFromTickets());
    const { report } = await s.must(SUPERVISOR)('kpi.report', { month: thisMonth() });
    expect(report.figures).toEqual(await figuresFromTickets());
    expect(report.by.team.map((g) => g.label)).toContain('工程部');
    const csv = await s.must(SUPERVISOR)('kpi.reportCsv', { month: thisMonth() });
    expect(csv.fileName).toBe(`月度统计_${thisMonth()}.csv`);
    expect(csv.csv.startsWith('\uFEFF范围,')).toBe(true);
  });

  it('says so for a month without a report', async () => {
    expect(await s.as(SUPERVISOR)('kpi.report', { month: '2019-01' })).toMatchObject({ ok: false, code: 'KPI.REPORT_NOT_FOUND', message: '该月的月度报告还没有生成' });
  });
});
