/**
 * Every page of dist/weapp/app.json (main package and subpackages) opened in the built bundle as
 * the person who uses it, on the local stack with the demo community: it must show its real
 * content (text only the loaded data or the page itself can show), every cloud call it made must
 * have answered ok, and nothing may be written to the console. Opening a page asks for no
 * subscription (WeChat allows that only from a tap).
 */
import type { TicketView } from '@/core/contract/views';
import { DEFAULT_POLICY } from '@/core/sla/policy';
import { formatLocal } from '@/core/sla/time';
import { defaultDeps } from '@/server/deps';
import { generateMonthlyReport } from '@/server/usecases/kpi-report';
import { FRONT_DESK, KEEPER_A, MANAGER, OWNER, PLUMBER, SUPERVISOR } from '../functions/local-stack';
import { ticketAt } from '../pages/stack';
import { allRoutes } from './bundle';
import { guardConsole, type ConsoleGuard } from './console-guard';
import { startMiniProgram, type MiniProgram } from './mini-program';

jest.setTimeout(60_000);

const GUEST = 'demo-guest';

let mp: MiniProgram;
let guard: ConsoleGuard;
/** 林先生's leak, dispatched to 王师傅; and his tap, fixed and waiting for the desk's callback. */
let open: TicketView;
let returned: TicketView;
const month = () => formatLocal(Date.now(), DEFAULT_POLICY.utcOffsetMinutes, 'YYYY-MM');

interface Visit {
  as: string;
  query?: () => Record<string, string>;
  /** Text the page shows once its data is there. */
  shows: () => string[];
}

/** Who opens each page, with what, and what it then shows. Every page of app.json is here. */
const VISITS: Record<string, Visit> = {
  'pages/index/index': { as: OWNER, shows: () => ['林先生', '1栋1单元1201', '我要报修', '我的工单'] },
  'pages/repair/new': { as: OWNER, shows: () => ['报修房屋', '4栋2单元301', '报修类别', '提交报修'] },
  'pages/tickets/index': { as: OWNER, shows: () => ['共 2 条工单', '厨房水龙头漏水，关不紧', '待评价'] },
  'pages/ticket/detail': { as: OWNER, query: () => ({ id: open.id }), shows: () => [open.no, '厨房水龙头漏水，关不紧', '处理进度', '催办'] },
  'pages/complaint/new': { as: OWNER, shows: () => ['投诉类别', '期望答复时间', '提交投诉'] },
  'pages/card/new': { as: OWNER, shows: () => ['卡片类型', '门禁卡', '提交申请'] },
  'pages/binding/index': { as: OWNER, shows: () => ['已绑定房屋', '1栋1单元1201', '当前房屋', '申请绑定房屋'] },
  'pages/binding/new': { as: GUEST, shows: () => ['天利龙腾湾', '请选择楼栋', '申请人信息', '提交申请'] },
  'staff/inbox/index': { as: PLUMBER, shows: () => ['待接单', '厨房水龙头漏水，关不紧', '开启提醒'] },
  'staff/task/index': { as: PLUMBER, query: () => ({ id: open.id }), shows: () => [open.no, '接单', '拒单', '13800000001'] },
  'staff/bindings/index': { as: KEEPER_A, shows: () => ['1栋2单元1501', '孙先生', '13512345678', '通过'] },
  'staff/handover/index': { as: FRONT_DESK, shows: () => ['写交接', open.no, returned.no, '提交交接'] },
  'staff/board/index': { as: SUPERVISOR, shows: () => ['工程部', '王师傅', '维修师傅 · 水电工', '手上 1/30 单'] },
  'staff/desk/register/index': { as: FRONT_DESK, shows: () => ['查找业主', '按房号查找', '提交登记'] },
  'staff/desk/callbacks/index': { as: FRONT_DESK, shows: () => ['待回访 1 单', returned.no, '林先生'] },
  'staff/desk/callback/index': { as: FRONT_DESK, query: () => ({ id: returned.id }), shows: () => [returned.no, '电话回访', '已更换阀芯', '记录回访'] },
  'staff/desk/daily/index': { as: FRONT_DESK, shows: () => ['当日受理', open.no, returned.no] },
  'staff/kpi/index': { as: SUPERVISOR, shows: () => ['工单量', '派单及时率', '趋势（按周）', '月度报告'] },
  'staff/kpi/tickets': { as: SUPERVISOR, query: () => ({ period: 'thisMonth', drill: 'volume' }), shows: () => ['共 2 单', open.no, returned.no] },
  'staff/kpi/report': { as: MANAGER, query: () => ({ month: month() }), shows: () => [`${Number(month().slice(5))}月月度统计`, '工单量', '导出本月报告'] },
};

beforeAll(async () => {
  mp = await startMiniProgram();
  const s = mp.stack;
  open = await ticketAt(s, 'dispatched');
  returned = await ticketAt(s, 'callback_pending');
  // A newcomer asks to be bound to a unit of A区, for 张管家 to review.
  await s.must(GUEST)('binding.request', { communityId: 'c-tianli', building: '1栋', unit: '2单元', room: '1501', name: '孙先生', phone: '13512345678', relation: 'owner' });
  // The month's kept report (the report timer writes it on the 1st).
  await generateMonthlyReport(defaultDeps(), DEFAULT_POLICY, month());
});
afterAll(() => mp?.close());
beforeEach(() => {
  guard = guardConsole();
});
afterEach(() => guard.restore());

it('has a visit for every page of app.json, and only those', () => {
  expect(Object.keys(VISITS).sort()).toEqual(allRoutes().sort());
});

it.each(allRoutes())('%s renders its content as the person who uses it, with no error', async (route) => {
  const visit = VISITS[route];
  if (!visit) throw new Error(`no visit for ${route}: add it to VISITS`);
  mp.as(visit.as);
  const callsBefore = mp.calls.length;
  const page = await mp.open(route, visit.query?.() ?? {});
  try {
    const text = await page.waitForText(...visit.shows());
    for (const shown of visit.shows()) expect(text).toContain(shown);
    const calls = mp.calls.slice(callsBefore);
    expect(calls.length).toBeGreaterThan(0);
    expect(calls.filter((c) => !c.reply?.ok)).toEqual([]);
    expect(calls.every((c) => c.openid === visit.as)).toBe(true);
    expect(guard.take()).toEqual([]);
  } finally {
    page.close();
  }
});

it('draws the KPI trend on its canvas (Canvas 2D node found by the selector query)', async () => {
  mp.as(SUPERVISOR);
  const page = await mp.open('staff/kpi/index');
  try {
    // Drawn after the render reached the view (Taro.nextTick, then the query's answer).
    await mp.waitFor(() => [...mp.canvases.values()].some((c) => c.calls.some((d) => d.op === 'fillText')));
    const drawn = [...mp.canvases.values()].flatMap((c) => c.calls);
    expect(drawn.map((c) => c.op)).toEqual(expect.arrayContaining(['scale', 'clearRect', 'beginPath', 'stroke', 'fillText']));
    expect([...mp.canvases.values()].every((c) => c.width > 0 && c.height > 0)).toBe(true);
    expect(guard.take()).toEqual([]);
  } finally {
    page.close();
  }
});

it('asked for no subscription and called no undeclared privacy API while pages opened', () => {
  expect(mp.subscribeRequests).toEqual([]);
  expect(mp.privacyRefusals).toEqual([]);
});
