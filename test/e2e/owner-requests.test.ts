// Issue 3 "Owner experience", the requests an owner makes, in the real H5 build in Chromium
// against the local stack: a repair with photos (through the browser's own file chooser) and a
// booked visit; a complaint that goes to the zone's housekeeper, is handled and rated; an IC card
// reissue refused without a loss report, then 挂失 → 补办 with its fee, the front desk checking
// identity and an engineering technician doing the card; a repair cancelled before work starts.
// Screenshots of every page: test/e2e/screenshots/owner-requests/.
jest.setTimeout(240_000);

import type { Locator } from 'playwright-core';
import { formatAppointment, slotRange, upcomingDays } from '@/utils/appointment';
import { formatFull } from '@/utils/time';
import { arrive, expectText } from './browser';
import {
  CARPENTER,
  DESK,
  fillRepair,
  imagesLoaded,
  KEEPER_A,
  makeJpeg,
  makePng,
  openOwnTicket,
  openTask,
  OWNER,
  PLUMBER,
  pushesTo,
  quickRepair,
  rate,
  servedPhoto,
  staffStep,
  storedTicket,
  storedTickets,
  submitTo,
  toastText,
} from './owner-helpers';
import { ROUTES, routeOf, story } from './story';

const { home: HOME, repairNew: REPAIR_NEW, complaintNew: COMPLAINT_NEW, cardNew: CARD_NEW, detail: DETAIL, tickets: TICKETS } = ROUTES;

const s = story('owner-requests');
const { step, visit, atHome, switchIdentity, backTo, timelineEvents } = s;
const screenshot = (root: Locator, name: string) => s.screenshot(root, name);

const PHOTO_REPAIR = { unit: '1栋1单元1201', category: '门窗', description: '阳台推拉门滑轮坏了，推拉很费劲还有异响' };
const COMPLAINT = {
  unit: '1栋1单元1201',
  category: '环境卫生',
  description: '1栋1单元楼道的垃圾已经两天没人清理，气味很大',
  note: '已安排保洁当天清理，并加强该楼道的巡查',
  comment: '处理及时，谢谢管家',
};
const CARD_NO = 'A10086';
const CANCELLED = { category: '水电', description: '客厅灯不亮了，换了灯泡也不行' };

let photoRepair = '';
let complaint = '';
let lossReport = { id: '', no: '' };
let reissue = '';
/** The engineering technician routing gives the checked card to (any trade may do card work). */
let cardTechnician = { name: '', openid: '' };
const CARD_DONE = '新卡已开通，业主已签收';

describe('issue 3: what an owner asks for — repair with photos, complaint, IC card, cancel', () => {
  step('the app opens and the person becomes 林先生', async () => {
    await s.page.goto(`${s.stack.url}/#${HOME}`);
    await atHome(OWNER.name, 'home-default');
    await switchIdentity(OWNER.name, 'owner');
  });

  // ---- 1. a repair with photos and a booked visit ---------------------------------------------

  step('林先生 reports a broken door with photos from the file chooser and books 后天下午', async () => {
    const home = await arrive(s.page, HOME);
    await home.getByText('我要报修').click();
    const form = await visit(REPAIR_NEW, 'photo-repair-form', (r) => r.locator('.category-item'));
    await fillRepair(form, PHOTO_REPAIR);
    // 门窗 is paid work: its price list appears before anything is sent.
    await form.locator('.price-card', { hasText: '门锁更换' }).waitFor();

    // Two photos at once through the browser's own chooser (Taro.chooseMedia's <input type=file>).
    const png = makePng(96, 72, [198, 168, 120]);
    const jpeg = await makeJpeg(s.page, 120, 90, '#4a6fa5');
    const picker = form.locator('.photo-picker');
    await expectText(picker.locator('.photo-picker__counter'), '已选 0/9');
    const [chooser] = await Promise.all([s.page.waitForEvent('filechooser'), picker.locator('.photo-picker__add').click()]);
    expect(chooser.isMultiple()).toBe(true);
    expect(await chooser.element().getAttribute('accept')).toBe('image/*');
    await chooser.setFiles([
      { name: 'door-track.png', mimeType: 'image/png', buffer: png },
      { name: 'door-wheel.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    ]);
    await expectText(picker.locator('.photo-picker__counter'), '已选 2/9');
    await picker.locator('.photo-picker__photo').nth(1).waitFor();
    await picker.locator('.photo-picker__uploading').waitFor({ state: 'detached' });

    // A third one, then removed again with its ×: only two go with the repair.
    const extra = makePng(40, 40, [90, 160, 90]);
    const [again] = await Promise.all([s.page.waitForEvent('filechooser'), picker.locator('.photo-picker__add').click()]);
    await again.setFiles([{ name: 'extra.png', mimeType: 'image/png', buffer: extra }]);
    await expectText(picker.locator('.photo-picker__counter'), '已选 3/9');
    await picker.locator('.photo-picker__photo').nth(2).waitFor();
    await picker.locator('[aria-label="删除第3张照片"]').click();
    await expectText(picker.locator('.photo-picker__counter'), '已选 2/9');
    expect(await picker.locator('.photo-picker__photo').count()).toBe(2);
    expect(await imagesLoaded(picker.locator('.photo-picker__photo'))).toEqual([true, true]);

    // 预约时间 → the third day (后天) → 下午: not the default 尽快上门.
    const appointment = form.locator('.appointment-picker');
    await expectText(appointment.locator('.chip--active'), '尽快上门');
    await appointment.locator('.chip', { hasText: '预约时间' }).click();
    const day = upcomingDays(Date.now())[2];
    await appointment.locator('[aria-label="预约日期"] .chip').nth(2).click();
    await expectText(appointment.locator('[aria-label="预约日期"] .chip--active .chip__label'), '后天');
    await appointment.locator('[aria-label="预约时段"] .chip', { hasText: '下午' }).click();
    const booked = slotRange(day, 'afternoon');
    await expectText(appointment.locator('.appointment-picker__summary'), `已选：${formatAppointment(booked)}`);
    await screenshot(form, 'photo-repair-form-filled');

    const { id, detail } = await submitTo(s, form.locator('.repair-submit'));
    photoRepair = id;
    await expectText(detail.locator('.ticket-state'), '已派单');
    await expectText(detail.locator('.ticket-appointment'), formatAppointment(booked));
    // The promise is the booked window, not the standard's 15 minutes.
    const promise = (await detail.locator('.ticket-promise').innerText()).trim();
    expect(promise).toContain('您预约的');
    expect(promise).toContain('14:00–18:00');
    const photos = detail.locator('.ticket-photos .photo-grid__tile');
    expect(await photos.count()).toBe(2);
    await s.page.waitForFunction(
      () => Array.from(document.querySelectorAll<HTMLImageElement>('.taro_page_show .ticket-photos img')).every((i) => i.complete && i.naturalWidth > 0),
    );
    await screenshot(detail, 'photo-repair-detail');

    // On the server: the window as booked, the two photos byte for byte, the carpenter routed.
    const stored = await storedTicket(s, id);
    expect(stored.appointment).toEqual(booked);
    expect(stored.photos).toHaveLength(2);
    for (const ref of stored.photos) expect(ref).toMatch(/^local:\/\/photos\/[\w-]+\.(png|jpg)$/);
    const served = await Promise.all(stored.photos.map((ref) => servedPhoto(s, ref)));
    expect(served.map((b) => b.toString('base64')).sort()).toEqual([png, jpeg].map((b) => b.toString('base64')).sort());
    expect(stored.assignee?.openid).toBe(CARPENTER.openid);
    expect(pushesTo(s, CARPENTER.openid)).toEqual([expect.objectContaining({ templateId: 'local-task_assigned', errcode: 0 })]);
  });

  step('赵师傅 sees the photos and the booked visit on his task', async () => {
    const home = await switchIdentity(CARPENTER.name, 'carpenter');
    const task = await openTask(s, home, PHOTO_REPAIR.description, 'carpenter');
    expect(s.idInAddress()).toBe(photoRepair);
    await expectText(task.locator('.ticket-appointment'), `预约 ${formatAppointment(slotRange(upcomingDays(Date.now())[2], 'afternoon'))}`);
    expect(await task.locator('.ticket-photos .photo-grid__tile').count()).toBe(2);
    await s.page.waitForFunction(
      () => Array.from(document.querySelectorAll<HTMLImageElement>('.taro_page_show .ticket-photos img')).every((i) => i.complete && i.naturalWidth > 0),
    );
    await screenshot(task, 'carpenter-task-with-photos');
  });

  // ---- 2. a complaint, to the zone's housekeeper ----------------------------------------------

  step('林先生 complains about the rubbish; the form says what is missing first', async () => {
    const home = await switchIdentity(OWNER.name, 'owner-complaint');
    await home.getByText('我要投诉').click();
    const form = await visit(COMPLAINT_NEW, 'complaint-form', (r) => r.locator('.complaint-category .category-item'));

    // Sent empty: each missing field says so under itself, and nothing is created.
    await form.locator('.complaint-submit').click();
    await expectText(form.locator('.category-error'), '请选择投诉类别');
    await expectText(form.locator('.description-error'), '请填写投诉内容');
    await expectText(form.locator('.reply-error'), '请选择期望答复时间');
    await screenshot(form, 'complaint-form-missing');
    expect(await storedTickets(s, { kind: 'complaint' })).toEqual([]);

    await form.locator('.unit-picker .chip', { hasText: COMPLAINT.unit }).click();
    await form.locator('.complaint-category .category-item', { hasText: COMPLAINT.category }).click();
    await form.locator('.complaint-category .category-item--active', { hasText: COMPLAINT.category }).waitFor();
    expect(await form.locator('.category-error').count()).toBe(0);
    await form.locator('.complaint-description textarea').fill(COMPLAINT.description);
    await expectText(form.locator('.complaint-description .field-textarea__counter'), `${COMPLAINT.description.length}/500`);
    await form.locator('.reply-picker .chip', { hasText: '24小时内' }).click();
    await form.locator('.reply-picker .chip--active', { hasText: '24小时内' }).waitFor();
    expect(await form.locator('.field-error').count()).toBe(0);
    await screenshot(form, 'complaint-form-filled');

    const sentAt = Date.now();
    const { id, detail } = await submitTo(s, form.locator('.complaint-submit'));
    complaint = id;
    await expectText(detail.locator('.ticket-state'), '待受理');
    expect((await detail.locator('.ticket-no').innerText()).trim()).toMatch(/^TS/);
    await expectText(detail.locator('.complaint-category-name'), COMPLAINT.category);
    await expectText(detail.locator('.ticket-description'), COMPLAINT.description);
    // With the zone's housekeeper: said as 客服管家 until they take it.
    await expectText(detail.locator('.handler-section .handler-pending'), '已转交客服管家，管家受理后，这里会显示管家的姓名和电话');
    expect((await detail.locator('.ticket-promise').innerText()).trim()).toMatch(/^管家将在 .+ 前答复您$/);

    const stored = await storedTicket(s, id);
    expect(stored.kind).toBe('complaint');
    expect(stored.complaint?.replyBy).toBeGreaterThanOrEqual(sentAt + 24 * 3600_000 - 5_000);
    expect(stored.complaint?.replyBy).toBeLessThanOrEqual(Date.now() + 24 * 3600_000);
    await expectText(detail.locator('.complaint-reply-by'), `${formatFull(stored.complaint!.replyBy!)} 前`);
    // 1栋 is zone A: 张管家's, not 李管家's, and he was pushed.
    expect(stored.assignee?.openid).toBe(KEEPER_A.openid);
    expect(pushesTo(s, KEEPER_A.openid)).toEqual([expect.objectContaining({ templateId: 'local-task_assigned', errcode: 0 })]);
    expect(pushesTo(s, 'demo-keeper-li')).toEqual([]);
    await screenshot(detail, 'complaint-detail-submitted');
  });

  step('张管家 takes the complaint and marks it handled from his task page', async () => {
    const home = await switchIdentity(KEEPER_A.name, 'keeper');
    const task = await openTask(s, home, COMPLAINT.description, 'keeper');
    await expectText(task.locator('.ticket-state'), '待受理');
    await screenshot(task, 'keeper-task-to-take');
    await staffStep(task, '.task-accept', '处理中');
    await screenshot(task, 'keeper-task-taken');

    await task.locator('.task-finish').click();
    const form = task.locator('.note-form');
    await form.locator('textarea').fill(COMPLAINT.note);
    await screenshot(task, 'keeper-task-handled-form');
    await form.locator('.app-button', { hasText: '确认处理完毕' }).click();
    // Handled (已处理) and at once handed to the owner's callback.
    await expectText(task.locator('.ticket-state'), '待评价');
    await screenshot(task, 'keeper-task-handled');
    expect((await storedTicket(s, complaint)).state).toBe('callback_pending');
    expect(pushesTo(s, OWNER.openid).map((m) => m.templateId)).toEqual(expect.arrayContaining(['local-order_accepted', 'local-repair_done']));
  });

  step('林先生 sees who handled it and rates it; the complaint is closed', async () => {
    const home = await switchIdentity(OWNER.name, 'owner-rates-complaint');
    const detail = await openOwnTicket(s, home, COMPLAINT.description, 'complaint', '投诉');
    await expectText(detail.locator('.ticket-state'), '待评价');
    await expectText(detail.locator('.assignee-card .contact-card__name'), KEEPER_A.name);
    await detail.locator('.timeline-section', { hasText: COMPLAINT.note }).waitFor();
    await screenshot(detail, 'complaint-detail-to-rate');
    await rate(s, detail, 5, 5, COMPLAINT.comment, 'complaint');
    await expectText(detail.locator('.ticket-state'), '已完成');
    await detail.locator('.rating-result-section', { hasText: COMPLAINT.comment }).waitFor();
    expect(await timelineEvents(detail)).toEqual(['提交投诉', '转交管家', '受理投诉', '处理完毕', '待回访评价', '回访评价']);
    await screenshot(detail, 'complaint-detail-closed');
    const stored = await storedTicket(s, complaint);
    expect(stored.state).toBe('closed');
    expect(stored.rating).toEqual(expect.objectContaining({ handling: 5, staff: 5, comment: COMPLAINT.comment }));
  });

  // ---- 3. IC card: 补办 refused, 挂失, then 补办 with the fee ------------------------------------

  step('林先生 asks to reissue his access card; refused next to 办理事项 with a way to 挂失', async () => {
    const home = await backTo(HOME);
    await home.getByText('IC卡办理').click();
    const form = await visit(CARD_NEW, 'card-form', (r) => r.locator('.card-type-grid .category-item'));
    await form.locator('.card-type-grid .category-item', { hasText: '门禁卡' }).click();
    await form.locator('.card-action-picker .chip', { hasText: '补办' }).click();
    await form.locator('.card-action-picker .chip--active', { hasText: '补办' }).waitFor();
    await expectText(form.locator('.card-fee-notice .card-new__notice-title'), '补办需缴纳成本费 50 元，请到客服前台缴纳');
    await form.locator('.card-no-input input').fill(CARD_NO);
    await screenshot(form, 'card-reissue-filled');

    await form.locator('.card-submit').click();
    expect(await toastText(s.page)).toBe('补办前需要先挂失这张卡，请先提交挂失');
    await expectText(form.locator('.action-error'), '补办前需要先挂失这张卡，请先提交挂失');
    await form.locator('.card-go-lost').waitFor();
    expect(routeOf(s.page.url())).toBe(CARD_NEW); // still on the form, nothing lost
    expect(await form.locator('.card-no-input input').inputValue()).toBe(CARD_NO);
    await screenshot(form, 'card-reissue-refused');
    expect(await storedTickets(s, { kind: 'card' })).toEqual([]);

    // 先去挂失: the same form turns into a loss report; the refusal goes away.
    await form.locator('.card-go-lost').click();
    await form.locator('.card-action-picker .chip--active', { hasText: '挂失' }).waitFor();
    expect(await form.locator('.action-error').count()).toBe(0);
    expect(await form.locator('.card-go-lost').count()).toBe(0);
    await form.locator('.card-lost-notice').waitFor();
    expect(await form.locator('.card-custody').count()).toBe(0);
    expect(await form.locator('.card-no-input input').inputValue()).toBe(CARD_NO);
    await screenshot(form, 'card-lost-filled');

    const { id, detail } = await submitTo(s, form.locator('.card-submit'));
    await expectText(detail.locator('.ticket-state'), '待核验');
    await expectText(detail.locator('.card-action-name'), '挂失');
    await expectText(detail.locator('.card-no'), CARD_NO);
    expect(await detail.locator('.card-fee').count()).toBe(0);
    lossReport = { id, no: (await detail.locator('.ticket-no').innerText()).trim() };
    expect(lossReport.no).toMatch(/^KP/);
    await screenshot(detail, 'card-lost-detail');
    expect(pushesTo(s, DESK.openid)).toEqual([expect.objectContaining({ templateId: 'local-task_assigned', errcode: 0 })]);
  });

  step('from the loss report, 申请补办: the reissue carries the 50-yuan fee and the loss report', async () => {
    const loss = await arrive(s.page, DETAIL);
    await loss.locator('.card-reissue-link').click();
    const form = await visit(CARD_NEW, 'card-reissue-again', (r) => r.locator('.card-fee-notice'));
    // Prefilled from the loss report: the card, 补办 and its number.
    await form.locator('.card-type-grid .category-item--active', { hasText: '门禁卡' }).waitFor();
    await form.locator('.card-action-picker .chip--active', { hasText: '补办' }).waitFor();
    expect(await form.locator('.card-no-input input').inputValue()).toBe(CARD_NO);

    const { id, detail } = await submitTo(s, form.locator('.card-submit'));
    await expectText(detail.locator('.ticket-state'), '待核验');
    await expectText(detail.locator('.card-action-name'), '补办');
    await expectText(detail.locator('.card-fee'), '待到前台缴纳 50 元');
    await expectText(detail.locator('.card-loss-ticket'), `${lossReport.no} ›`);
    await screenshot(detail, 'card-reissue-detail');

    const stored = await storedTicket(s, id);
    expect(stored.card).toEqual(expect.objectContaining({ action: 'reissue', type: 'access', cardNo: CARD_NO, feeFen: 5000, lossTicket: lossReport }));

    // The loss report is one tap away.
    await detail.locator('.card-loss-ticket').click();
    const back = await arrive(s.page, DETAIL);
    await expectText(back.locator('.card-action-name'), '挂失');
    expect(s.idInAddress()).toBe(lossReport.id);
    reissue = id;
  });

  // ---- 4. the reissue in two stages (003 #11): the desk checks identity, engineering does it ---

  step('陈前台 checks 林先生’s identity on the reissue: 核验通过 hands it to engineering at once', async () => {
    s.stack.stack.emulator.clearMessages();
    const home = await switchIdentity(DESK.name, 'desk');
    const task = await openTask(s, home, '补办', 'desk');
    expect(s.idInAddress()).toBe(reissue);
    await expectText(task.locator('.ticket-state'), '待核验');
    await expectText(task.locator('.card-unverified'), '待前台核验业主身份');
    await expectText(task.locator('.card-fee'), '补办成本费 50 元，请向业主收取');
    await expectText(task.locator('.task-accept'), '核验通过');
    await screenshot(task, 'desk-card-to-verify');

    await staffStep(task, '.task-accept', '待办卡');
    expect((await task.locator('.card-verified').innerText()).trim()).toMatch(/^身份已由陈前台核验/);
    await expectText(task.locator('.card-fee'), '补办成本费 50 元，由前台核验时收取');
    expect(await task.locator('.task-actions').count()).toBe(0);
    expect((await timelineEvents(task)).slice(-2)).toEqual(['核验身份', '派单']);
    await screenshot(task, 'desk-card-verified');

    // On the server: engineering's now, given to a technician of any trade, who was pushed.
    const stored = await storedTicket(s, reissue);
    expect(stored).toMatchObject({ state: 'dispatched', team: 'engineering', card: { stage: 'issue', verifiedBy: { name: DESK.name } } });
    expect(stored.assignee?.role).toBe('technician');
    cardTechnician = { name: stored.assignee!.name, openid: stored.assignee!.openid };
    expect(pushesTo(s, cardTechnician.openid)).toEqual([expect.objectContaining({ templateId: 'local-task_assigned', errcode: 0 })]);
    expect(pushesTo(s, OWNER.openid)).toEqual([]);
  });

  step('林先生 reads that his identity is checked and engineering will do the card', async () => {
    const home = await switchIdentity(OWNER.name, 'owner-card-verified');
    const detail = await openOwnTicket(s, home, '补办', 'owner-card-verified', 'IC卡');
    expect(s.idInAddress()).toBe(reissue);
    await expectText(detail.locator('.ticket-state'), '待办卡');
    expect((await detail.locator('.ticket-promise').innerText()).trim()).toMatch(/^身份已核验，工程人员将在 .+ 前为您补办好新卡$/);
    await expectText(detail.locator('.handler-section .handler-pending'), '已转交工程人员，接单后，这里会显示经办人的姓名和电话');
    expect(await timelineEvents(detail)).toEqual(['提交IC卡申请', '转交前台', '核验身份', '派单']);
    // The fee was taken with the identity check at the desk.
    await expectText(detail.locator('.card-fee'), '50 元，已在前台核验时办理');
    await screenshot(detail, 'owner-card-verified');
  });

  step('the technician takes the card work and finishes it; 林先生 is asked to rate', async () => {
    const home = await switchIdentity(cardTechnician.name, 'card-technician');
    const task = await openTask(s, home, '补办', 'card-technician');
    expect(s.idInAddress()).toBe(reissue);
    await expectText(task.locator('.ticket-state'), '待办卡');
    expect((await task.locator('.card-verified').innerText()).trim()).toMatch(/^身份已由陈前台核验/);
    await expectText(task.locator('.task-accept'), '接单办卡');
    await expectText(task.locator('.task-hint'), '业主身份已由前台核验，请在办卡时限内办好，并请业主签收。');
    await screenshot(task, 'technician-card-to-take');
    await staffStep(task, '.task-accept', '办理中');
    await screenshot(task, 'technician-card-taken');

    await task.locator('.task-finish').click();
    const form = task.locator('.note-form');
    await form.locator('textarea').fill(CARD_DONE);
    await form.locator('.app-button', { hasText: '确认办卡完成' }).click();
    await expectText(task.locator('.ticket-state'), '待评价');
    await screenshot(task, 'technician-card-done');
    const stored = await storedTicket(s, reissue);
    expect(stored.state).toBe('callback_pending');
    expect(stored.clocks.issue?.stoppedAt).toBeDefined();
    expect(pushesTo(s, OWNER.openid).map((m) => m.templateId)).toEqual(['local-order_accepted', 'local-repair_done']);

    const owner = await switchIdentity(OWNER.name, 'owner-card-done');
    const detail = await openOwnTicket(s, owner, '补办', 'owner-card-done', 'IC卡');
    await expectText(detail.locator('.ticket-state'), '待评价');
    await expectText(detail.locator('.assignee-card .contact-card__name'), cardTechnician.name);
    await detail.locator('.rating-section').waitFor();
    await detail.locator('.timeline-section', { hasText: CARD_DONE }).waitFor();
    expect(await timelineEvents(detail)).toEqual(['提交IC卡申请', '转交前台', '核验身份', '派单', '接单办卡', '办理完成', '待回访评价']);
    await screenshot(detail, 'owner-card-to-rate');
  });

  // ---- 6. cancel before work starts -----------------------------------------------------------

  step('林先生 cancels a dispatched repair with a reason: 已取消, and 王师傅 is told', async () => {
    const home = await backTo(HOME);
    s.stack.stack.emulator.clearMessages();
    const { id, detail } = await quickRepair(s, home, CANCELLED, 'cancel');
    await expectText(detail.locator('.ticket-state'), '已派单');
    expect((await storedTicket(s, id)).assignee?.openid).toBe(PLUMBER.openid);

    await detail.locator('.ticket-cancel').click();
    const form = detail.locator('.cancel-form');
    await expectText(form.locator('.cancel-form__title'), '请告诉我们取消的原因');
    // Without a reason the form says so and nothing happens.
    await form.locator('.cancel-form__confirm').click();
    await expectText(form.locator('.error-notice__text'), '请选择或填写取消原因');
    await form.locator('.chip', { hasText: '时间安排有变' }).click();
    await form.locator('.chip--active', { hasText: '时间安排有变' }).waitFor();
    expect(await form.locator('.error-notice').count()).toBe(0);
    await screenshot(detail, 'cancel-form');
    expect((await storedTicket(s, id)).state).toBe('dispatched');

    await form.locator('.cancel-form__confirm').click();
    await expectText(detail.locator('.ticket-state'), '已取消');
    await detail.locator('.ticket-header', { hasText: '时间安排有变' }).waitFor();
    expect(await detail.locator('.ticket-cancel').count()).toBe(0);
    expect(await detail.locator('.ticket-urge').count()).toBe(0);
    expect(await timelineEvents(detail)).toEqual(['提交报修', '派单', '取消报修']);
    await screenshot(detail, 'cancel-detail-cancelled');

    const stored = await storedTicket(s, id);
    expect(stored.state).toBe('cancelled');
    expect(stored.cancelReason).toBe('时间安排有变');
    expect(pushesTo(s, PLUMBER.openid).map((m) => m.templateId)).toEqual(['local-task_assigned', 'local-ticket_cancelled']);

    // 我的工单 → 已完成: the cancelled repair is there, as 已取消.
    const again = await backTo(HOME);
    await again.getByText('我的工单').click();
    const list = await arrive(s.page, TICKETS);
    await list.locator('.status-filter .chip', { hasText: '已结束' }).click();
    await list.locator('.status-filter .chip--active', { hasText: '已结束' }).waitFor();
    await expectText(list.locator('.ticket-card', { hasText: CANCELLED.description }).locator('.state-badge'), '已取消');
    await screenshot(list, 'cancel-my-tickets');
  });
});
