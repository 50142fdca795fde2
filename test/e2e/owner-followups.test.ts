// Issue 3 "Owner experience", what an owner does after asking, in the real H5 build in Chromium
// against the local stack: urges a dispatched repair (throttled); confirms the plumber's on-site
// quote; rates the work 2 stars, which sends it back to the same plumber; complains about the
// plumber from that ticket (a linked complaint); declines a second repair's quote (a polite
// ending). Screenshots of every page: test/e2e/screenshots/owner-followups/.
jest.setTimeout(240_000);

import type { Locator } from 'playwright-core';
import { DEFAULT_POLICY } from '@/core/sla/policy';
import { formatClock } from '@/utils/time';
import { arrive, expectText } from './browser';
import {
  addResultPhoto,
  CARPENTER,
  KEEPER_A,
  openOwnTicket,
  openTask,
  OWNER,
  PLUMBER,
  pushesTo,
  quickRepair,
  rate,
  staffStep,
  storedTicket,
  submitTo,
  toastText,
} from './owner-helpers';
import { ROUTES, story } from './story';

const { home: HOME, complaintNew: COMPLAINT_NEW, detail: DETAIL } = ROUTES;

const s = story('owner-followups');
const { step, visit, atHome, switchIdentity, backTo, timelineEvents } = s;
const screenshot = (root: Locator, name: string) => s.screenshot(root, name);

const PAID = { unit: '1栋1单元1201', category: '水电', description: '卧室插座冒火花后就没电了' };
const QUOTE_ROWS = [
  { name: '更换五孔插座', price: '20', quantity: '1' },
  { name: '插座面板（材料）', price: '15', quantity: '2' },
];
const QUOTE_NOTE = '原插座已烧坏，需整体更换';
const FINISH_NOTE = '已更换插座并检查线路';
const LOW = { handling: 2, staff: 3, comment: '插座还是有点松' };
const ABOUT = { description: '师傅上门迟到一个小时，也没有提前打电话说明' };
const DECLINED = { unit: '4栋2单元301', category: '门窗', description: '入户门门锁坏了，钥匙拧不动' };

let paid = { id: '', no: '' };

/** Fills the quote form's rows (adding rows as needed), its note, and checks the live total. */
const fillQuote = async (task: Locator, rows: typeof QUOTE_ROWS, note: string, total: string) => {
  const form = task.locator('.quote-form');
  for (const [i, row] of rows.entries()) {
    if (i > 0) await form.locator('.quote-form__add').click();
    const r = form.locator('.quote-form__row').nth(i);
    await r.locator('.quote-form__name input').fill(row.name);
    await r.locator('.quote-form__price input').fill(row.price);
    await r.locator('.quote-form__quantity input').fill(row.quantity);
  }
  if (note) await form.locator('textarea').fill(note);
  await expectText(form.locator('.quote-form__total-value'), total);
};

describe('issue 3: after asking — urge, quote, low rating, complaint about the handler, declined quote', () => {
  step('the app opens and the person becomes 林先生', async () => {
    await s.page.goto(`${s.stack.url}/#${HOME}`);
    await atHome(OWNER.name, 'home-default');
    await switchIdentity(OWNER.name, 'owner');
  });

  // ---- 5. urge, throttled ---------------------------------------------------------------------

  step('林先生 urges his dispatched repair: a toast, then 催办 is off until HH:mm; 王师傅 is told', async () => {
    const home = await arrive(s.page, HOME);
    const { id, detail } = await quickRepair(s, home, PAID, 'paid');
    paid = { id, no: (await detail.locator('.ticket-no').innerText()).trim() };
    await expectText(detail.locator('.ticket-state'), '已派单');
    await expectText(detail.locator('.urge-next'), '等得着急？催一下，我们会立即提醒处理人员');
    expect(await detail.locator('.ticket-urge').getAttribute('aria-disabled')).toBe('false');
    await screenshot(detail, 'paid-detail-dispatched');
    s.stack.stack.emulator.clearMessages();

    await detail.locator('.ticket-urge').click();
    expect(await toastText(s.page)).toBe('已为您催办，处理人员会尽快处理');
    const urgedAt = (await storedTicket(s, id)).lastUrgedAt;
    expect(urgedAt).not.toBeNull();
    const next = formatClock(urgedAt! + DEFAULT_POLICY.owner.urgeIntervalMinutes * 60_000); // 30 minutes
    await expectText(detail.locator('.urge-next'), `已催办，可在 ${next} 后再次催办`);
    expect(await detail.locator('.ticket-urge').getAttribute('aria-disabled')).toBe('true');
    await detail.locator('.ticket-urge.app-button--inactive').waitFor();
    expect(await timelineEvents(detail)).toEqual(['提交报修', '派单', '业主催办']);
    await screenshot(detail, 'paid-detail-urged');

    // The technician got exactly one 催办 reminder, pointing at this ticket.
    const urged = pushesTo(s, PLUMBER.openid);
    expect(urged).toEqual([expect.objectContaining({ templateId: 'local-task_urged', errcode: 0 })]);
    expect(urged[0].page).toContain(id);

    // A second tap on the disabled button does nothing: no step, no message.
    await detail.locator('.ticket-urge').click({ force: true });
    await s.page.waitForTimeout(500);
    expect((await storedTicket(s, id)).lastUrgedAt).toBe(urgedAt);
    expect(pushesTo(s, PLUMBER.openid)).toHaveLength(1);
  });

  // ---- 4. a paid repair: accept, arrive, quote, the owner agrees -------------------------------

  step('王师傅 accepts, arrives and quotes two items on the spot', async () => {
    const home = await switchIdentity(PLUMBER.name, 'plumber');
    const task = await openTask(s, home, PAID.description, 'plumber');
    await expectText(task.locator('.ticket-state'), '已派单');
    await screenshot(task, 'plumber-task-dispatched');
    await staffStep(task, '.task-accept', '已接单');
    await staffStep(task, '.task-arrive', '师傅已到场');
    await screenshot(task, 'plumber-task-on-site');

    await task.locator('.task-quote').click();
    await expectText(task.locator('.task-actions .card__title'), '填写报价');
    // An empty quote is refused by the form itself.
    await task.locator('.quote-form__submit').click();
    await task.locator('.quote-form .error-notice').waitFor();
    await fillQuote(task, QUOTE_ROWS, QUOTE_NOTE, '¥50.00');
    expect(await task.locator('.quote-form .error-notice').count()).toBe(0);
    await screenshot(task, 'plumber-quote-form');
    s.stack.stack.emulator.clearMessages();
    await task.locator('.quote-form__submit').click();
    await expectText(task.locator('.ticket-state'), '待确认报价');
    await task.locator('.quote-pending-notice', { hasText: '等待业主确认报价' }).waitFor();
    await expectText(task.locator('.quote-section .quote-card__total-value'), '¥50.00');
    await screenshot(task, 'plumber-task-quoted');

    const stored = await storedTicket(s, paid.id);
    expect(stored.quote).toEqual(
      expect.objectContaining({
        items: [
          { name: QUOTE_ROWS[0].name, priceFen: 2000, quantity: 1 },
          { name: QUOTE_ROWS[1].name, priceFen: 1500, quantity: 2 },
        ],
        totalFen: 5000,
        note: QUOTE_NOTE,
        decision: null,
      }),
    );
    expect(pushesTo(s, OWNER.openid)).toEqual([expect.objectContaining({ templateId: 'local-quote_pending' })]);
  });

  step('林先生 reads the quote and agrees (同意报价): 维修中', async () => {
    const home = await switchIdentity(OWNER.name, 'owner-quote');
    const detail = await openOwnTicket(s, home, PAID.description, 'paid');
    await expectText(detail.locator('.ticket-state'), '待确认报价');
    const quote = detail.locator('.quote-section');
    await quote.getByText('待您确认').waitFor();
    expect((await quote.locator('.quote-card__name').allInnerTexts()).map((t) => t.trim())).toEqual(QUOTE_ROWS.map((r) => r.name));
    expect((await quote.locator('.quote-card__qty').allInnerTexts()).map((t) => t.trim())).toEqual(['¥20.00 × 1', '¥15.00 × 2']);
    await expectText(quote.locator('.quote-card__total-value'), '¥50.00');
    await expectText(quote.locator('.quote-card__note'), `说明：${QUOTE_NOTE}`);
    // Now that he accepted, the owner sees who comes, with the phone.
    await expectText(detail.locator('.assignee-card .contact-card__name'), PLUMBER.name);
    await screenshot(detail, 'paid-detail-quote');

    await quote.locator('.quote-accept').click();
    await expectText(detail.locator('.ticket-state'), '维修中');
    await expectText(quote.locator('.quote-card__decision'), '您已同意报价');
    expect(await quote.locator('.quote-accept, .quote-decline').count()).toBe(0);
    await screenshot(detail, 'paid-detail-agreed');
    expect((await storedTicket(s, paid.id)).quote?.decision).toBe('accepted');
  });

  step('王师傅 finishes the work', async () => {
    const home = await switchIdentity(PLUMBER.name, 'plumber-finish');
    const task = await openTask(s, home, PAID.description, 'plumber-finish', '进行中');
    await expectText(task.locator('.ticket-state'), '维修中');
    await task.locator('.quote-card__decision', { hasText: '业主已同意报价' }).waitFor();
    await task.locator('.task-finish').click();
    await task.locator('.note-form textarea').fill(FINISH_NOTE);
    await addResultPhoto(s.page, task.locator('.note-form'));
    await task.locator('.note-form .app-button', { hasText: '确认完工' }).click();
    await expectText(task.locator('.ticket-state'), '待评价');
    await screenshot(task, 'plumber-task-finished');
  });

  // ---- 7. a low rating reopens to the same technician ----------------------------------------

  step('林先生 rates 2 stars: back to 王师傅 as 返修中, with the notice saying so', async () => {
    const home = await switchIdentity(OWNER.name, 'owner-rate');
    const detail = await openOwnTicket(s, home, PAID.description, 'rate');
    await expectText(detail.locator('.ticket-state'), '待评价');
    await expectText(detail.locator('.rating-section .rating-form__hint'), '任一项评价为2星及以下时，工单将退回维修师傅继续处理。');
    await screenshot(detail, 'paid-detail-to-rate');
    s.stack.stack.emulator.clearMessages();
    await rate(s, detail, LOW.handling, LOW.staff, LOW.comment, 'low');

    await expectText(detail.locator('.ticket-state'), '返修中');
    await expectText(
      detail.locator('.reopened-section .ticket-detail__hint'),
      '感谢您的反馈。您的报修已退回王师傅继续处理，师傅会尽快与您联系；处理完成后会再次请您评价。',
    );
    await expectText(detail.locator('.reopened-section .card__title'), '返修处理中');
    await expectText(detail.locator('.assignee-card .contact-card__name'), PLUMBER.name);
    await detail.locator('.rating-result-section', { hasText: LOW.comment }).waitFor();
    expect(await detail.locator('.rating-section').count()).toBe(0);
    await screenshot(detail, 'paid-detail-reopened');

    const stored = await storedTicket(s, paid.id);
    expect(stored.state).toBe('reopened');
    expect(stored.assignee?.openid).toBe(PLUMBER.openid);
    expect(stored.reopenCount).toBe(1);
    expect(pushesTo(s, PLUMBER.openid)).toEqual([expect.objectContaining({ templateId: 'local-task_reopened', errcode: 0 })]);
  });

  // ---- 8. a complaint about the handler, linked to the ticket ----------------------------------

  step('from the rated ticket, 投诉处理人员: a complaint about 王师傅 linked to BX…', async () => {
    const detail = await arrive(s.page, DETAIL);
    await detail.locator('.rating-result-section .complain-handler-link').click();
    const form = await visit(COMPLAINT_NEW, 'about-complaint-form', (r) => r.locator('.complaint-about'));
    await expectText(form.locator('.complaint-new__about'), `投诉工单 ${paid.no} 的处理人员 ${PLUMBER.name}`);
    // Preset from the ticket: its unit and 服务态度; no free "who" field.
    await form.locator('.unit-picker .chip--active', { hasText: PAID.unit }).waitFor();
    await form.locator('.complaint-category .category-item--active', { hasText: '服务态度' }).waitFor();
    expect(await form.locator('.complaint-about-staff').count()).toBe(0);
    await form.locator('.complaint-description textarea').fill(ABOUT.description);
    await form.locator('.reply-picker [aria-label^="4小时内 "]').click();
    await form.locator('.reply-picker .chip--active[aria-label^="4小时内 "]').waitFor();
    await screenshot(form, 'about-complaint-form-filled');

    s.stack.stack.emulator.clearMessages();
    const { id, detail: complaint } = await submitTo(s, form.locator('.complaint-submit'));
    await expectText(complaint.locator('.ticket-state'), '待受理');
    await expectText(complaint.locator('.complaint-category-name'), '服务态度');
    await expectText(complaint.locator('.complaint-about-staff'), PLUMBER.name);
    await expectText(complaint.locator('.complaint-linked-ticket'), `${paid.no} ›`);
    await screenshot(complaint, 'about-complaint-detail');

    const stored = await storedTicket(s, id);
    expect(stored.complaint).toEqual(expect.objectContaining({ aboutStaff: PLUMBER.name, linkedTicket: paid }));
    expect(stored.assignee?.openid).toBe(KEEPER_A.openid);
    expect(pushesTo(s, KEEPER_A.openid)).toEqual([expect.objectContaining({ templateId: 'local-task_assigned' })]);
    // The repair itself is untouched: still with 王师傅, still 返修中.
    expect((await storedTicket(s, paid.id)).state).toBe('reopened');

    await complaint.locator('.complaint-linked-ticket').click();
    const linked = await arrive(s.page, DETAIL);
    await expectText(linked.locator('.ticket-no'), paid.no);
    expect(s.idInAddress()).toBe(paid.id);
  });

  // ---- 4b. a second paid repair, its quote declined -------------------------------------------

  step('a door lock in 4栋: 赵师傅 accepts, arrives and quotes 120 元', async () => {
    const home = await backTo(HOME);
    const { id, detail } = await quickRepair(s, home, DECLINED, 'door');
    await expectText(detail.locator('.ticket-state'), '已派单');
    await detail.locator('.ticket-place', { hasText: DECLINED.unit }).waitFor();
    expect((await storedTicket(s, id)).assignee?.openid).toBe(CARPENTER.openid);

    const carpenter = await switchIdentity(CARPENTER.name, 'carpenter');
    const task = await openTask(s, carpenter, DECLINED.description, 'carpenter');
    await staffStep(task, '.task-accept', '已接单');
    await staffStep(task, '.task-arrive', '师傅已到场');
    await task.locator('.task-quote').click();
    await fillQuote(task, [{ name: '更换入户门锁芯', price: '120', quantity: '1' }], '', '¥120.00');
    await task.locator('.quote-form__submit').click();
    await expectText(task.locator('.ticket-state'), '待确认报价');
    await screenshot(task, 'carpenter-task-quoted');
  });

  step('林先生 declines (不同意): asked once more, then a polite ending and 已取消', async () => {
    const home = await switchIdentity(OWNER.name, 'owner-decline');
    const detail = await openOwnTicket(s, home, DECLINED.description, 'door');
    const id = s.idInAddress();
    await expectText(detail.locator('.ticket-state'), '待确认报价');
    await expectText(detail.locator('.quote-section .quote-card__total-value'), '¥120.00');

    // 不同意 asks first; 再想想 leaves everything as it was.
    const modal = s.page.locator('.taro__modal');
    await detail.locator('.quote-decline').click();
    await modal.locator('.taro-modal__content').waitFor();
    await expectText(modal.locator('.taro-modal__title'), '不同意报价');
    await expectText(modal.locator('.taro-modal__text'), '不同意报价后，本次报修将被取消。确定不同意吗？');
    await screenshot(detail, 'door-decline-ask');
    await modal.locator('.taro-model__cancel').click();
    await modal.locator('.taro-modal__content').waitFor({ state: 'hidden' });
    expect((await storedTicket(s, id)).state).toBe('awaiting_confirmation');
    await expectText(detail.locator('.ticket-state'), '待确认报价');

    s.stack.stack.emulator.clearMessages();
    await detail.locator('.quote-decline').click();
    await modal.locator('.taro-model__confirm').click();
    await expectText(detail.locator('.ticket-state'), '已取消');
    await expectText(detail.locator('.quote-card__decision'), '您未同意报价');
    await expectText(detail.locator('.declined-section .card__title'), '本次报修已结束');
    await expectText(
      detail.locator('.declined-section .ticket-detail__hint'),
      '您未同意本次报价，报修已取消，不会产生任何费用。感谢您的理解，如仍需维修，欢迎随时重新报修。',
    );
    await detail.locator('.declined-new-repair').waitFor();
    expect(await detail.locator('.quote-accept, .quote-decline, .ticket-cancel, .ticket-urge').count()).toBe(0);
    expect(await timelineEvents(detail)).toEqual(['提交报修', '派单', '接单', '到场', '报价', '不同意报价']);
    await screenshot(detail, 'door-detail-declined');

    const stored = await storedTicket(s, id);
    expect(stored.state).toBe('cancelled');
    expect(stored.quote?.decision).toBe('declined');
    expect(pushesTo(s, CARPENTER.openid)).toEqual([expect.objectContaining({ templateId: 'local-ticket_cancelled' })]);

    // 重新报修 opens a fresh repair form.
    await detail.locator('.declined-new-repair').click();
    await visit(ROUTES.repairNew, 'door-new-repair', (r) => r.locator('.category-item'));
  });
});
