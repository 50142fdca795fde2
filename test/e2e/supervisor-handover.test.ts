// Issue 4 "Staff workbench and front desk", the supervisor's day and the shift handover, in the
// real H5 build in Chromium against the local stack: 林先生 reports a leak (王师傅 has it); 陈前台
// ends her shift with a handover naming that ticket; 何前台 of the night shift sees it at the top
// of her inbox and confirms it (确认接班); 周主任 opens 在岗与负荷 and reassigns the leak from 王师傅
// to 马组长, who finds it in his inbox. Screenshots: test/e2e/screenshots/supervisor-handover/.
jest.setTimeout(240_000);

import type { Locator } from 'playwright-core';
import { arrive, expectText } from './browser';
import { openTask, OWNER, PLUMBER, pushesTo, quickRepair, storedTicket, toastText } from './owner-helpers';
import { ROUTES, story } from './story';

const { home: HOME } = ROUTES;
const HANDOVER = '/staff/handover/index';
const BOARD = '/staff/board/index';

const s = story('supervisor-handover');
const { step, atHome, switchIdentity, backTo, timelineEvents } = s;
const screenshot = (root: Locator, name: string) => s.screenshot(root, name);

const DESK = { name: '陈前台', openid: 'demo-desk-chen' };
const NIGHT_DESK = { name: '何前台', openid: 'demo-desk-he' };
const SUPERVISOR = { name: '周主任', openid: 'demo-super-zhou' };
const LEAD = { name: '马组长', openid: 'demo-lead-ma' };
const LEAK = { unit: '1栋1单元1201', category: '水电', description: '卫生间洗手盆下水管漏水，地上一直有水' };
const NOTES = '1栋1单元1201林先生卫生间漏水，王师傅还未接单，请跟进并回电业主；前台备用钥匙已交保安室。';
const REASON = '王师傅手上急修太多，由马组长接手';

let leak = { id: '', no: '' };

/** Waits until the element's text matches (e.g. a time in it), then returns it. */
const textMatching = async (locator: Locator, pattern: RegExp): Promise<string> => {
  await locator.first().waitFor();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const text = (await locator.first().innerText()).trim();
    if (pattern.test(text)) return text;
    if (Date.now() > deadline) throw new Error(`expected ${locator} to match ${pattern}, saw "${text}"`);
    await locator.page().waitForTimeout(100);
  }
};

describe('issue 4: shift handover written and confirmed; the supervisor sees the load and reassigns', () => {
  step('林先生 reports a leak: it goes to 王师傅', async () => {
    await s.page.goto(`${s.stack.url}/#${HOME}`);
    await atHome(OWNER.name, 'home-default');
    const home = await switchIdentity(OWNER.name, 'owner');
    const { id, detail } = await quickRepair(s, home, LEAK, 'leak');
    leak = { id, no: (await detail.locator('.ticket-no').innerText()).trim() };
    await expectText(detail.locator('.ticket-state'), '已派单');
    expect((await storedTicket(s, id)).assignee?.name).toBe(PLUMBER.name);
  });

  step('陈前台 ends her shift: 交接班 from her inbox, the notes, and the leak ticked to watch', async () => {
    const home = await switchIdentity(DESK.name, 'desk');
    await home.getByText('我的任务').click();
    const inbox = await s.arrive(ROUTES.inbox);
    await inbox.locator('.handover-entry').waitFor();
    await screenshot(inbox, 'desk-inbox');
    await inbox.locator('.handover-entry').click();
    const page = await arrive(s.page, HANDOVER);
    await page.locator('.handover-write').waitFor();
    await screenshot(page, 'desk-handover-empty');

    await page.locator('.handover-form__notes textarea').fill(NOTES);
    // The leak still waits for 王师傅: offered to tick (a number may be typed too).
    const pick = page.locator('.handover-pick', { hasText: leak.no });
    await expectText(pick.locator('.handover-pick__label'), '水电·1栋1单元1201·已派单');
    await pick.click();
    await page.locator('.handover-pick--on', { hasText: leak.no }).waitFor();
    await screenshot(page, 'desk-handover-filled');
    await page.locator('.handover-submit').click();
    expect(await toastText(s.page)).toBe('已提交，等待下一班确认接班');
    const mine = page.locator('.handover-recent .handover-card', { hasText: NOTES });
    await expectText(mine.locator('.handover-card__state'), '待接班确认');
    await expectText(mine.locator('.handover-card__ticket-no'), leak.no);
    await screenshot(page, 'desk-handover-written');
  });

  step('何前台 of the night shift sees it at the top of her inbox, reads it and confirms (确认接班)', async () => {
    await backTo(HOME);
    const home = await switchIdentity(NIGHT_DESK.name, 'night-desk');
    await home.getByText('我的任务').click();
    const inbox = await s.arrive(ROUTES.inbox);
    const entry = inbox.locator('.handover-entry.duty-entry--alert');
    await expectText(entry.locator('.duty-entry__title'), '1 条交接班待您确认接班');
    await screenshot(inbox, 'night-inbox-handover-waiting');
    await entry.click();
    const page = await arrive(s.page, HANDOVER);
    const card = page.locator('.handover-to-confirm .handover-card', { hasText: NOTES });
    await card.waitFor();
    await textMatching(card.locator('.card__title'), /^陈前台 · \d{2}-\d{2} \d{2}:\d{2}$/);
    await expectText(card.locator('.handover-card__ticket-label'), '水电·1栋1单元1201·已派单');
    await screenshot(page, 'night-handover-to-confirm');
    await card.locator('.handover-confirm').click();
    expect(await toastText(s.page)).toBe('已确认接班');
    const done = page.locator('.handover-recent .handover-card', { hasText: NOTES });
    await textMatching(done.locator('.handover-card__confirmed'), /^何前台 已于 .+ 确认接班$/);
    await screenshot(page, 'night-handover-confirmed');
    // The inbox no longer asks her.
    const inboxAgain = await backTo(ROUTES.inbox);
    await inboxAgain.locator('.handover-entry').waitFor();
    expect(await inboxAgain.locator('.duty-entry--alert').count()).toBe(0);
  });

  step('周主任 opens 在岗与负荷: who is on duty, 王师傅 holds the leak, 何前台 is reached in the app only', async () => {
    await backTo(HOME);
    const home = await switchIdentity(SUPERVISOR.name, 'supervisor');
    await home.getByText('我的任务').click();
    const inbox = await s.arrive(ROUTES.inbox);
    await inbox.locator('.board-entry').click();
    const board = await arrive(s.page, BOARD);
    const wang = board.locator('.board-person', { has: s.page.locator('.board-person__name', { hasText: PLUMBER.name }) });
    await expectText(wang.locator('.board-person__count'), '手上 1/30 单');
    await expectText(wang.locator('.board-person__duty'), '在岗');
    const he = board.locator('.board-person', { has: s.page.locator('.board-person__name', { hasText: NIGHT_DESK.name }) });
    await expectText(he.locator('.board-person__reach'), '提醒次数已用完，仅站内通知');
    await expectText(board.locator('.duty-board__tile--late .duty-board__tile-value'), '0');
    // The handover was confirmed: none is waiting.
    await expectText(board.locator('.duty-board__tile--handover .duty-board__tile-value'), '0');
    await screenshot(board, 'supervisor-board');
  });

  step('周主任 reassigns the leak from 王师傅 to 马组长, with the reason; both are told', async () => {
    await backTo(ROUTES.inbox);
    const home = await backTo(HOME);
    s.stack.stack.emulator.clearMessages();
    const task = await openTask(s, home, LEAK.description, 'supervisor-leak');
    await screenshot(task, 'supervisor-task');
    const panel = task.locator('.transfer-panel');
    await expectText(panel.locator('.transfer-panel__holder'), '当前处理人：王师傅');
    await panel.locator('.transfer-open').click();
    const ma = panel.locator('.transfer-person', { has: s.page.locator('.transfer-person__name', { hasText: LEAD.name }) });
    await ma.waitFor();
    await expectText(panel.locator('.transfer-person', { hasText: '赵师傅' }).locator('.transfer-person__barred'), '不可选：不是水电工');
    await ma.click();
    await panel.locator('.transfer-reason textarea').fill(REASON);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(task, 'supervisor-reassign-form');
    await panel.locator('.transfer-confirm').click();
    expect(await toastText(s.page)).toBe('已改派给马组长');
    await expectText(task.locator('.ticket-state'), '已派单');
    await expectText(panel.locator('.transfer-panel__holder'), '当前处理人：马组长');
    expect((await timelineEvents(task)).at(-1)).toBe('改派');
    await task.locator('.timeline-section').scrollIntoViewIfNeeded();
    await screenshot(task, 'supervisor-task-reassigned');

    const t = await storedTicket(s, leak.id);
    expect([t.assignee?.name, t.history.at(-1)?.note, t.history.at(-1)?.actor.name]).toEqual([LEAD.name, `由王师傅改派给马组长：${REASON}`, SUPERVISOR.name]);
    expect(pushesTo(s, LEAD.openid).map((m) => m.templateId)).toEqual(['local-task_assigned']);
    const told = pushesTo(s, PLUMBER.openid);
    expect(told.map((m) => [m.templateId, m.data.thing3])).toEqual([['local-ticket_cancelled', { value: '已改派给马组长' }]]);
  });

  step('马组长 finds the leak in his inbox, to accept', async () => {
    await backTo(HOME);
    const home = await switchIdentity(LEAD.name, 'lead');
    const task = await openTask(s, home, LEAK.description, 'lead');
    await task.locator('.task-accept').waitFor();
    await screenshot(task, 'lead-task');
  });
});
