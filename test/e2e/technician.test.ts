// Issue 4, the technician's day on one paid repair, in the real H5 build in Chromium on the local
// stack: 林先生 reports a broken socket (水电, paid); 王师傅 opens 我的任务 and sees how long he has
// (a live countdown) and his reminders per kind; he takes the task from its page (接单 asks for
// his reminders again), notes what he agreed with the owner and moves the visit (改约), arrives,
// quotes from the price list; 林先生 agrees in his detail page; 王师傅 returns it (返单) — refused
// without a photo of the result, then with one; 林先生 sees 处理结果照片. Screenshots of every
// screen: test/e2e/screenshots/technician/.
jest.setTimeout(240_000);

import type { Locator } from 'playwright-core';
import { arrive, expectText } from './browser';
import {
  addResultPhoto,
  imagesLoaded,
  openOwnTicket,
  OWNER,
  PLUMBER,
  quickRepair,
  staffStep,
  storedTicket,
  toastText,
} from './owner-helpers';
import { ROUTES, story } from './story';

const { home: HOME, inbox: INBOX, task: TASK } = ROUTES;

const s = story('technician');
const { step, atHome, switchIdentity, visit, backTo } = s;
const screenshot = (root: Locator, name: string) => s.screenshot(root, name);

const REPAIR = { unit: '1栋1单元1201', category: '水电', description: '客厅插座冒火花后整排没电' };
const NOTE = '已电话联系业主，业主上午不在家';
const RESCHEDULE_REASON = '业主上午不在家，约好下午上门';
const QUOTE = { name: '更换五孔插座', price: '35', quantity: '2', total: '¥70.00' };
const FINISH_NOTE = '已更换两个插座并检查线路，通电正常';

let ticketId = '';

/** 接收新任务提醒 as 王师傅 reads it: each reminder and how many are left. */
const creditLines = async (inbox: Locator): Promise<string[]> =>
  (await inbox.locator('.subscription-credits__line').allInnerTexts()).map((t) => t.trim())
const countsOf = (lines: string[]) => lines.map((l) => Number(/剩余 (\d+) 次/.exec(l)?.[1]))

let creditsAtInbox: number[] = [];

describe('issue 4: the technician accepts from the inbox, arrives, quotes, returns with a photo', () => {
  step('林先生 reports a paid repair (水电)', async () => {
    await s.page.goto(`${s.stack.url}/#${HOME}`);
    await atHome(OWNER.name, 'home-default');
    const home = await switchIdentity(OWNER.name, 'owner');
    const { id, detail } = await quickRepair(s, home, REPAIR, 'paid');
    ticketId = id;
    await expectText(detail.locator('.ticket-state'), '已派单');
    await screenshot(detail, 'owner-detail-dispatched');
    expect((await storedTicket(s, id)).assignee?.name).toBe(PLUMBER.name);
  });

  step('王师傅 opens 我的任务: the task counts down its on-site time, and his reminders are shown per kind', async () => {
    const home = await switchIdentity(PLUMBER.name, 'plumber');
    await home.getByText('我的任务').click();
    const inbox = await visit(INBOX, 'inbox-todo', (r) => r.locator('.task-card', { hasText: REPAIR.description }).locator('.task-countdown'));
    const card = inbox.locator('.task-card', { hasText: REPAIR.description });
    // 15 minutes to be on site from dispatch, as a live countdown (rounded up to the minute).
    await card.locator('.task-countdown__text').filter({ hasText: /^到场时限 · 剩余 1[45] 分钟$/ }).waitFor();
    await card.locator('.task-countdown--ok').waitFor();
    await expectText(inbox.locator('.subscription-credits__title'), '接收新任务提醒');
    const lines = await creditLines(inbox);
    expect(lines.map((l) => l.replace(/\d+/, 'N'))).toEqual(['新任务提醒 剩余 N 次', '返修提醒 剩余 N 次', '工单取消通知 剩余 N 次']);
    creditsAtInbox = countsOf(lines);
    // Opening the inbox is not a tap: nothing was asked, the counts are the server's.
    await screenshot(inbox, 'inbox-countdown');
  });

  step('王师傅 accepts from the task page: 接单 asks for his reminders again', async () => {
    const inbox = await arrive(s.page, INBOX);
    await inbox.locator('.task-card', { hasText: REPAIR.description }).click();
    const task = await visit(TASK, 'task-dispatched', (r) => r.locator('.task-accept'));
    await expectText(task.locator('.ticket-state'), '已派单');
    await staffStep(task, '.task-accept', '已接单');
    expect(await toastText(s.page)).toBe('操作成功');
    await screenshot(task, 'task-accepted');

    // Back in the inbox, under 进行中: one more of each reminder (H5 has no WeChat dialog: all accepted).
    const back = await backTo(INBOX);
    await back.locator('.tabs__item', { hasText: '进行中' }).click();
    await back.locator('.task-card', { hasText: REPAIR.description }).waitFor();
    expect(countsOf(await creditLines(back))).toEqual(creditsAtInbox.map((n) => n + 1));
    await screenshot(back, 'inbox-active-credits');
  });

  step('王师傅 notes the call (工作备注) and moves the visit to the afternoon (改约), agreed with 林先生', async () => {
    const inbox = await arrive(s.page, INBOX);
    await inbox.locator('.task-card', { hasText: REPAIR.description }).click();
    const task = await arrive(s.page, TASK);
    await expectText(task.locator('.ticket-state'), '已接单');

    await task.locator('.work-notes__add').click();
    await task.locator('.work-note-form textarea').fill(NOTE);
    await screenshot(task, 'note-form');
    await task.locator('.work-note-form__confirm').click();
    await expectText(task.locator('.work-notes__item .work-notes__text'), NOTE);

    await task.locator('.task-reschedule').click();
    const form = task.locator('.reschedule-form');
    await expectText(task.locator('.task-actions .card__title'), '改约上门时间');
    // Without the owner's agreement the form says so next to the switch, and sends nothing.
    await form.locator('.chip', { hasText: '明天' }).click();
    await form.locator('.chip', { hasText: '下午' }).click();
    await form.locator('textarea').fill(RESCHEDULE_REASON);
    await form.locator('.reschedule-form__confirm').click();
    await expectText(form.locator('.reschedule-form__agreed .form-field__error'), '请先与业主电话确认新的上门时间');
    await screenshot(task, 'reschedule-form-unconfirmed');
    await form.locator('.toggle').click();
    await form.locator('.toggle--on').waitFor();
    await screenshot(task, 'reschedule-form-filled');
    await form.locator('.reschedule-form__confirm').click();
    await expectText(task.locator('.ticket-rescheduled'), `已改约（原定尽快上门）：${RESCHEDULE_REASON}`);
    await task.locator('.ticket-appointment').filter({ hasText: /^预约 \d{2}-\d{2} 周. 14:00-18:00$/ }).waitFor();
    await screenshot(task, 'task-rescheduled');

    const stored = await storedTicket(s, ticketId);
    expect(stored.clocks.onSite?.dueAt).toBe(stored.appointment?.end);
    expect(stored.history.map((h) => h.event).slice(-2)).toEqual(['note', 'reschedule']);
  });

  step('王师傅 arrives and quotes from the price list (QuoteForm)', async () => {
    const task = await arrive(s.page, TASK);
    await staffStep(task, '.task-arrive', '师傅已到场');
    await task.locator('.task-quote').click();
    const form = task.locator('.quote-form');
    const row = form.locator('.quote-form__row').first();
    await row.locator('.quote-form__name input').fill(QUOTE.name);
    await row.locator('.quote-form__price input').fill(QUOTE.price);
    await row.locator('.quote-form__quantity input').fill(QUOTE.quantity);
    await expectText(form.locator('.quote-form__total-value'), QUOTE.total);
    await screenshot(task, 'quote-form');
    await form.locator('.quote-form__submit').click();
    await expectText(task.locator('.ticket-state'), '待确认报价');
    await task.locator('.quote-pending-notice').waitFor();
    await screenshot(task, 'task-quoted');
  });

  step('林先生 confirms the quote in his detail page, where he reads 改约 and no staff note', async () => {
    const home = await switchIdentity(OWNER.name, 'owner-quote');
    const detail = await openOwnTicket(s, home, REPAIR.description, 'owner-quote');
    await expectText(detail.locator('.ticket-state'), '待确认报价');
    await expectText(detail.locator('.ticket-rescheduled'), `已改约：${RESCHEDULE_REASON}`);
    const events = (await detail.locator('.timeline-item__event').allInnerTexts()).map((t) => t.trim());
    expect(events).toContain('改约上门时间');
    expect(events).not.toContain('工作备注');
    expect(await detail.getByText(NOTE).count()).toBe(0);
    await screenshot(detail, 'owner-detail-quote');
    await detail.locator('.quote-section .quote-accept').click();
    await expectText(detail.locator('.ticket-state'), '维修中');
    await screenshot(detail, 'owner-detail-agreed');
  });

  step('王师傅 returns it: refused without a photo of the result, returned with one', async () => {
    const home = await switchIdentity(PLUMBER.name, 'plumber-finish');
    await home.getByText('我的任务').click();
    const inbox = await arrive(s.page, INBOX);
    await inbox.locator('.tabs__item', { hasText: '进行中' }).click();
    await inbox.locator('.task-card', { hasText: REPAIR.description }).click();
    const task = await arrive(s.page, TASK);
    await expectText(task.locator('.ticket-state'), '维修中');

    await task.locator('.task-finish').click();
    const form = task.locator('.finish-form');
    await form.locator('textarea').fill(FINISH_NOTE);
    await form.locator('.finish-form__confirm').click();
    await expectText(form.locator('.result-photo-picker .photo-picker__error'), '请上传至少一张维修结果照片');
    await screenshot(task, 'finish-form-no-photo');
    expect((await storedTicket(s, ticketId)).state).toBe('in_progress');

    await addResultPhoto(s.page, form, [90, 140, 190]);
    expect(await form.locator('.result-photo-picker .photo-picker__error').count()).toBe(0);
    await screenshot(task, 'finish-form-with-photo');
    await form.locator('.finish-form__confirm').click();
    await expectText(task.locator('.ticket-state'), '待评价');
    const photos = task.locator('.repair-section .result-photos');
    await photos.locator('img').first().waitFor();
    await s.page.waitForFunction(() => Array.from(document.querySelectorAll('.result-photos img')).every((i) => (i as HTMLImageElement).naturalWidth > 0));
    await screenshot(task, 'task-returned');
    expect((await storedTicket(s, ticketId)).resultPhotos).toHaveLength(1);
  });

  step('林先生 sees 处理结果照片 on his detail page, above the rating', async () => {
    const home = await switchIdentity(OWNER.name, 'owner-result');
    const detail = await openOwnTicket(s, home, REPAIR.description, 'owner-result');
    await expectText(detail.locator('.ticket-state'), '待评价');
    const section = detail.locator('.result-photos-section');
    await expectText(section.locator('.card__title'), '处理结果照片');
    await section.locator('img').first().waitFor();
    await s.page.waitForFunction(() => Array.from(document.querySelectorAll('.result-photos-section img')).every((i) => (i as HTMLImageElement).naturalWidth > 0));
    expect(await imagesLoaded(section)).toEqual([true]);
    await detail.locator('.rating-section').waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(detail, 'owner-detail-result-photos');
  });
});
