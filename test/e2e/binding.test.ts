// A resident without a bound unit asks to bind one in the H5 app, the front desk approves it
// from the staff pages, and the resident can then report a repair for that unit. Pickers are
// driven the way a person uses them: open the sheet, drag the column, tap 确定.
jest.setTimeout(240_000);

import type { Locator } from 'playwright-core';
import { arrive, expectText } from './browser';
import { ROUTES, story } from './story';

/** The identity card says 未绑定用户; home greets a guest as 访客 until a unit is bound. */
const GUEST = { card: '未绑定用户', shownAs: '访客', openid: 'demo-guest' };
const DESK = { name: '陈前台', openid: 'demo-desk-chen' };
const APPLICANT = { name: '周女士', phone: '13812345678' };
const UNIT = { building: '2栋', unit: '2单元', room: '103', label: '2栋2单元103' };

const s = story('binding');
const { step, visit, switchIdentity } = s;

/** The sheet's rows are 34 px high (Taro H5 picker); dragging up by k rows selects row k. */
const ROW = 34;

/** Opens a picker field, drags its column to `text`, confirms, and checks the field shows it. */
const pick = async (form: Locator, field: string, text: string, shot: string): Promise<void> => {
  const picker = form.locator(`.field-${field} taro-picker-core`);
  await picker.locator('.picker-field').click();
  // The sheet is drawn over the whole page, outside the field: the one open sheet.
  const sheet = s.page.locator('.weui-picker').filter({ visible: true });
  await sheet.waitFor({ state: 'visible' });
  const group = sheet.locator('.weui-picker__group').first();
  const items = await group.locator('.weui-picker__item').allInnerTexts();
  const index = items.map((t) => t.trim()).indexOf(text);
  if (index < 0) throw new Error(`${field} offers no ${text}: ${items.join(' ')}`);
  // Let the slide-up finish before touching the column.
  await s.page.waitForTimeout(400);
  const box = await group.boundingBox();
  if (!box) throw new Error(`the ${field} column is not on screen`);
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  if (index > 0) {
    await s.page.mouse.move(x, y);
    await s.page.mouse.down();
    await s.page.mouse.move(x, y - index * ROW, { steps: 8 });
    await s.page.mouse.up();
    await s.page.waitForTimeout(400); // the column settles on the row
  }
  await s.screenshot(form, `${shot}-${field}-sheet`);
  await sheet.locator('.weui-picker__action', { hasText: '确定' }).click();
  await expectText(form.locator(`.field-${field} .picker-field__value`), text);
};

describe('binding a unit (房屋绑定), approved by the front desk', () => {
  step('an unbound resident sees why and how to bind', async () => {
    await s.open('open');
    const home = await switchIdentity(GUEST.card, 'guest', GUEST.shownAs);
    await home.getByText('申请绑定房屋').waitFor();
    await home.locator('.home__step').first().waitFor();
    await s.screenshot(home, 'guest-home');
  });

  step('周女士 asks to bind 2栋2单元103 as its owner', async () => {
    const home = await arrive(s.page, ROUTES.home);
    await home.getByText('申请绑定房屋').click();
    const form = await visit(ROUTES.bindingNew, 'binding-form', (r) => r.locator('.binding-submit'));

    // Sending nothing shows what is missing next to each field.
    await form.locator('.binding-submit').click();
    await expectText(form.locator('.field-building .form-field__error'), '请选择楼栋');
    await expectText(form.locator('.field-phone .form-field__error'), '请填写手机号');
    await s.screenshot(form, 'binding-form-errors');

    await pick(form, 'building', UNIT.building, 'binding');
    await pick(form, 'unit', UNIT.unit, 'binding');
    await pick(form, 'room', UNIT.room, 'binding');
    await form.locator('.binding-name input').fill(APPLICANT.name);
    await form.locator('.binding-phone input').fill(APPLICANT.phone);
    await form.locator('.field-relation').getByText('业主', { exact: true }).click();
    await s.screenshot(form, 'binding-form-filled');
    await form.locator('.binding-submit').click();

    const mine = await visit(ROUTES.bindingIndex, 'my-units-pending', (r) => r.locator('.request-row', { hasText: UNIT.label }));
    await mine.locator('.request-row', { hasText: UNIT.label }).getByText('审核中').waitFor();
  });

  step('陈前台 finds the request under 绑定审核 and approves it', async () => {
    const home = await switchIdentity(DESK.name, 'desk');
    await home.getByText('我的任务').click();
    const inbox = await visit(ROUTES.inbox, 'desk-inbox', (r) => r.locator('.binding-review-entry'));
    await inbox.locator('.binding-review-entry').click();
    const review = await visit(ROUTES.bindingsReview, 'desk-bindings', (r) => r.locator('.binding-request', { hasText: APPLICANT.name }));
    const request = review.locator('.binding-request', { hasText: APPLICANT.name });
    await expectText(request.locator('.staff-bindings__phone'), APPLICANT.phone);
    await request.locator('.binding-approve').click();
    // Taro's H5 modal: confirm with the button the page named 通过.
    const modal = s.page.locator('.taro__modal');
    await modal.getByText('通过', { exact: true }).click();
    await review.locator('.binding-request', { hasText: APPLICANT.name }).waitFor({ state: 'detached' });
    await s.screenshot(review, 'desk-bindings-done');
  });

  step('周女士 now has the unit and reports a repair for it', async () => {
    const home = await switchIdentity(GUEST.card, 'guest-bound', APPLICANT.name);
    await home.locator('.home__unit', { hasText: UNIT.label }).waitFor();
    expect(await home.getByText('申请绑定房屋').count()).toBe(0);

    await home.getByText('我要报修').click();
    const form = await visit(ROUTES.repairNew, 'repair-form', (r) => r.locator('.category-item'));
    await form.locator('.category-item', { hasText: '门窗' }).click();
    await form.locator('.repair-description textarea').fill('入户门锁芯卡住，钥匙拧不动');
    await form.locator('.repair-submit').click();
    const detail = await arrive(s.page, ROUTES.detail);
    await expectText(detail.locator('.ticket-state'), '已派单');
    await detail.locator('.ticket-place', { hasText: UNIT.label }).waitFor();
    await s.screenshot(detail, 'repair-detail');
  });
});
