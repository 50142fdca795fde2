// Issue 7 "KPIs and reports", in the real H5 build in Chromium against the local stack: 林先生
// reports two leaks; 王师傅 accepts, arrives at and fixes the first, and 林先生 rates it 5 stars;
// the second still waits for him. 周主任 opens 统计报表 from her inbox: the month's figures against
// the targets, the trend chart, the breakdown; she drills into 工单量 and opens the fixed ticket,
// downloads both CSVs, and opens the monthly report the timer of the 1st keeps.
// Screenshots: test/e2e/screenshots/supervisor-kpi/.
jest.setTimeout(240_000);

import { readFileSync } from 'node:fs';
import type { Locator } from 'playwright-core';
import { DEFAULT_POLICY } from '@/core/sla/policy';
import { formatLocal } from '@/core/sla/time';
import { arrive, expectText } from './browser';
import { addResultPhoto, openOwnTicket, openTask, OWNER, quickRepair, rate, staffStep, toastText } from './owner-helpers';
import { ROUTES, story } from './story';

const KPI = '/staff/kpi/index';
const KPI_TICKETS = '/staff/kpi/tickets';
const KPI_REPORT = '/staff/kpi/report';

const s = story('supervisor-kpi');
const { step, switchIdentity, backTo } = s;
const screenshot = (root: Locator, name: string) => s.screenshot(root, name);

const SUPERVISOR = { name: '周主任', openid: 'demo-super-zhou' };
const FIXED = { unit: '1栋1单元1201', category: '水电', description: '厨房水龙头关不紧，一直滴水' };
const WAITING = { unit: '1栋1单元1201', category: '水电', description: '阳台地漏返味，想请师傅看看' };
const NOTE = '已更换水龙头阀芯，试水正常';

let fixed = { id: '', no: '' };

/** The text of a downloaded file, started by tapping `button`. */
const download = async (button: Locator): Promise<{ name: string; bytes: Buffer }> => {
  const [file] = await Promise.all([s.page.waitForEvent('download'), button.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
};

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The date sheet's rows are 34 px high (Taro H5 picker); dragging a column up by k rows moves it k later. */
const ROW = 34;

/** Opens the date picker `field` (from, to), moves its year column by `years`, confirms. */
const shiftYear = async (page: Locator, field: 'from' | 'to', years: number, shot: string): Promise<void> => {
  await page.locator(`.kpi-custom-range__${field} .kpi-custom-range__picker`).click();
  const sheet = s.page.locator('.weui-picker').filter({ visible: true });
  await sheet.waitFor({ state: 'visible' });
  await s.page.waitForTimeout(400); // let the slide-up finish before touching the column
  const box = await sheet.locator('.weui-picker__group').first().boundingBox();
  if (!box) throw new Error('the year column is not on screen');
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await s.page.mouse.move(x, y);
  await s.page.mouse.down();
  await s.page.mouse.move(x, y - years * ROW, { steps: 8 });
  await s.page.mouse.up();
  await s.page.waitForTimeout(400); // the column settles on the row
  await screenshot(page, shot);
  await sheet.locator('.weui-picker__action', { hasText: '确定' }).click();
  await sheet.waitFor({ state: 'hidden' }); // the sheet slides away before the page is looked at
};

/** A headline tile's value. */
const tileValue = (page: Locator, key: string) => page.locator(`.kpi-tile--${key} .kpi-tile__value`);

describe('issue 7: the supervisor reads the month at a glance, drills into a number and exports CSV', () => {
  step('林先生 reports two leaks; both go to 王师傅', async () => {
    await s.page.goto(`${s.stack.url}/#${ROUTES.home}`);
    const home = await switchIdentity(OWNER.name, 'owner');
    const first = await quickRepair(s, home, FIXED, 'fixed');
    fixed = { id: first.id, no: (await first.detail.locator('.ticket-no').innerText()).trim() };
    await expectText(first.detail.locator('.ticket-state'), '已派单');
    const home2 = await backTo(ROUTES.home);
    const second = await quickRepair(s, home2, WAITING, 'waiting');
    await expectText(second.detail.locator('.ticket-state'), '已派单');
  });

  step('王师傅 accepts the first, arrives and returns it with a photo', async () => {
    await backTo(ROUTES.home);
    const home = await switchIdentity('王师傅', 'plumber');
    const task = await openTask(s, home, FIXED.description, 'plumber');
    await staffStep(task, '.task-accept', '已接单');
    await staffStep(task, '.task-arrive', '师傅已到场');
    await task.locator('.task-finish').click();
    const form = task.locator('.note-form');
    await form.locator('textarea').fill(NOTE);
    await addResultPhoto(s.page, form);
    await form.getByText('确认完工').click();
    await expectText(task.locator('.ticket-state'), '待评价');
    await screenshot(task, 'plumber-returned');
  });

  step('林先生 rates it 5 stars: a real callback', async () => {
    await backTo(ROUTES.home);
    const home = await switchIdentity(OWNER.name, 'owner-again');
    const detail = await openOwnTicket(s, home, FIXED.description, 'owner');
    await rate(s, detail, 5, 5, '', 'owner');
    await expectText(detail.locator('.ticket-state'), '已完成');
  });

  step('周主任 opens 统计报表 from her inbox: the figures against the targets', async () => {
    await backTo(ROUTES.home);
    const home = await switchIdentity(SUPERVISOR.name, 'supervisor');
    await home.getByText('我的任务').click();
    const inbox = await s.arrive(ROUTES.inbox);
    await inbox.locator('.kpi-entry').waitFor();
    await screenshot(inbox, 'supervisor-inbox');
    await inbox.locator('.kpi-entry').click();
    const page = await arrive(s.page, KPI);
    await expectText(tileValue(page, 'volume'), '2');
    await expectText(tileValue(page, 'completion'), '50.0%');
    await expectText(tileValue(page, 'callback'), '100.0%');
    await expectText(page.locator('.kpi-tile--callback .kpi-tile__target'), '目标 100%');
    await expectText(tileValue(page, 'handling'), '100.0%');
    await expectText(tileValue(page, 'card'), '—');
    expect(await page.locator('.kpi-tile--miss').count()).toBe(0);
    await screenshot(page, 'dashboard');
  });

  step('the trend chart is drawn: a bar for this week’s tickets and the 回访率 line, with the numbers as text', async () => {
    const page = await arrive(s.page, KPI);
    const chart = page.locator('.kpi-trend svg.trend-chart__plot');
    await chart.waitFor();
    const box = await chart.boundingBox();
    expect(box && box.width > 300 && box.height > 150).toBe(true);
    const heights = await chart.locator('.trend-chart__bar').evaluateAll((bars) => bars.map((b) => Number(b.getAttribute('height'))));
    expect(heights.filter((h) => h > 0)).toHaveLength(1);
    expect(await chart.locator('.trend-chart__point').count()).toBe(1);
    // The picture itself is not blank: its pixels hold the bars' green and the line's amber.
    const png = await chart.screenshot();
    const colours = await s.page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext('2d')!;
      g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      let bar = 0;
      let line = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - 0x7f) < 8 && Math.abs(d[i + 1] - 0xb8) < 8 && Math.abs(d[i + 2] - 0xa8) < 8) bar++;
        if (Math.abs(d[i] - 0xd9) < 8 && Math.abs(d[i + 1] - 0x77) < 8 && Math.abs(d[i + 2] - 0x06) < 8) line++;
      }
      return { bar, line };
    }, png.toString('base64'));
    expect(colours.bar).toBeGreaterThan(100);
    expect(colours.line).toBeGreaterThan(20);
    expect(await page.locator('.trend-chart__rate', { hasText: '100.0%' }).count()).toBe(1);
    await page.locator('.kpi-trend').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-trend');
  });

  step('she drills into 工单量 and opens the fixed ticket', async () => {
    const page = await arrive(s.page, KPI);
    await page.locator('.kpi-tile--volume').click();
    const list = await arrive(s.page, KPI_TICKETS);
    await expectText(list.locator('.kpi-tickets__title'), '全部工单');
    await expectText(list.locator('.kpi-tickets__total'), '本月 · 共 2 单');
    const row = list.locator('.kpi-ticket', { hasText: fixed.no });
    await expectText(row.locator('.kpi-ticket__outcome'), '已完成');
    await screenshot(list, 'drill-volume');
    await row.click();
    const task = await arrive(s.page, ROUTES.task);
    await expectText(task.locator('.ticket-no'), fixed.no);
    await expectText(task.locator('.ticket-state'), '已完成');
    await screenshot(task, 'drill-task');
  });

  step('the breakdown by team and person', async () => {
    const page = await backTo(KPI);
    const card = page.locator('.kpi-breakdown-card');
    await expectText(card.locator('.kpi-group__name').first(), '工程部');
    await card.locator('.tab-staff').click();
    await expectText(card.locator('.kpi-group__name').first(), '王师傅');
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-breakdown-staff');
    // The filters: the communities that had tickets; 工程部 alone reads the same two tickets.
    await page.locator('.kpi-dashboard__filter-toggle').click();
    await page.locator('.kpi-community .chip', { hasText: '天利龙腾湾' }).waitFor();
    await page.locator('.kpi-team .chip', { hasText: '工程部' }).click();
    await expectText(page.locator('.kpi-dashboard__filter-summary'), '筛选：工程部');
    await expectText(tileValue(page, 'volume'), '2');
    await screenshot(page, 'dashboard-filtered');
    await page.locator('.kpi-team .chip', { hasText: '全部班组' }).click();
    await page.locator('.kpi-dashboard__filter-toggle').click();
    await expectText(page.locator('.kpi-dashboard__filter-summary'), '筛选：全部小区、类型和班组');
    await expectText(tileValue(page, 'volume'), '2');
  });

  step('she downloads the tickets and the figures as CSV: UTF-8 with BOM, the ticket in it', async () => {
    const page = await arrive(s.page, KPI);
    const month = formatLocal(Date.now(), DEFAULT_POLICY.utcOffsetMinutes, 'YYYY-MM');
    const tickets = await download(page.locator('.kpi-export-tickets .csv-button__export'));
    expect(tickets.name).toMatch(new RegExp(`^工单明细_${month}-01_${month}-\\d{2}\\.csv$`));
    expect(tickets.bytes.subarray(0, 3).equals(BOM)).toBe(true);
    const lines = tickets.bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0].startsWith('工单号,类型,类别,')).toBe(true);
    expect(lines.filter((l) => l.startsWith(`${fixed.no},报修,`))).toHaveLength(1);
    expect(lines.filter((l) => l !== '')).toHaveLength(3);
    expect(await toastText(s.page)).toBe(`已导出 ${tickets.name}`);

    const figures = await download(page.locator('.kpi-export-figures .csv-button__export'));
    expect(figures.name).toMatch(/^统计数据_.+\.csv$/);
    expect(figures.bytes.subarray(0, 3).equals(BOM)).toBe(true);
    expect(figures.bytes.subarray(3).toString('utf8')).toContain('\r\n合计,2,');
    await page.locator('.kpi-export').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-exported');
  });

  step('自定义: a year is refused in words; this month picked by hand drills with its days', async () => {
    const page = await arrive(s.page, KPI);
    const month = formatLocal(Date.now(), DEFAULT_POLICY.utcOffsetMinutes, 'YYYY-MM');
    const today = formatLocal(Date.now(), DEFAULT_POLICY.utcOffsetMinutes, 'YYYY-MM-DD');
    const lastYear = `${Number(month.slice(0, 4)) - 1}${month.slice(4)}`;
    await page.locator('.kpi-period .chip', { hasText: '自定义' }).click();
    await expectText(page.locator('.kpi-custom-range__from .kpi-custom-range__value'), `${month}-01`);
    await expectText(page.locator('.kpi-custom-range__to .kpi-custom-range__value'), today);
    await expectText(page.locator('.kpi-dashboard__range'), `${month}-01 至 ${today} · 点数字查看工单`);

    await shiftYear(page, 'from', -1, 'custom-from-sheet');
    await expectText(page.locator('.kpi-custom-range__from .kpi-custom-range__value'), `${lastYear}-01`);
    await expectText(page.locator('.page-status--error .page-status__text'), '统计时段不正确：结束日期不能早于开始日期，且最长半年');
    await screenshot(page, 'custom-refused');

    await shiftYear(page, 'from', 1, 'custom-from-again');
    await expectText(page.locator('.kpi-dashboard__range'), `${month}-01 至 ${today} · 点数字查看工单`);
    await expectText(tileValue(page, 'volume'), '2');
    await screenshot(page, 'custom-range');
    await page.locator('.kpi-tile--volume').click();
    const list = await arrive(s.page, KPI_TICKETS);
    expect(s.page.url()).toContain(`period=custom&from=${month}-01&to=${today}&drill=volume`);
    await expectText(list.locator('.kpi-tickets__total'), `${month}-01 至 ${today} · 共 2 单`);
  });

  step('the timer of the 1st keeps last month’s report; she opens it and downloads it', async () => {
    // What the `report` function's timer trigger does on the 1st (no WeChat identity).
    const res = await fetch(`${s.stack.url}/functions/report`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ Type: 'Timer', TriggerName: 'monthlyFirst', Time: new Date().toISOString() }),
    });
    expect(await res.json()).toMatchObject({ ok: true });
    // Back into 统计报表 to read the list again.
    await backTo(ROUTES.inbox);
    const inbox = await arrive(s.page, ROUTES.inbox);
    await inbox.locator('.kpi-entry').click();
    const page = await arrive(s.page, KPI);
    const entry = page.locator('.kpi-report-entry');
    if ((await entry.count()) === 0) await entry.first().waitFor();
    await page.locator('.kpi-report-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'dashboard-reports');
    const month = (await entry.first().locator('.kpi-report-entry__month').innerText()).trim();
    expect(month).toMatch(/^\d{4}年\d{1,2}月月度统计$/);
    await entry.first().click();
    const report = await arrive(s.page, KPI_REPORT);
    await expectText(report.locator('.kpi-report__title'), month);
    await report.locator('.kpi-tile--volume').waitFor();
    await screenshot(report, 'report');
    const csv = await download(report.locator('.kpi-export-report .csv-button__export'));
    expect(csv.name).toMatch(/^月度统计_\d{4}-\d{2}\.csv$/);
    expect(csv.bytes.subarray(0, 3).equals(BOM)).toBe(true);
    expect(csv.bytes.subarray(3).toString('utf8').startsWith('范围,')).toBe(true);
  });
});
