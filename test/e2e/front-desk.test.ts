// Issue 4 "Staff workbench and front desk", the front desk's day in the real H5 build in Chromium
// against the local stack: 林先生 phones; 陈前台 finds him by his room and registers the repair for
// him (代客登记, 电话). He sees it in 我的工单. 王师傅 accepts, arrives and finishes it through the real
// functions. 陈前台 opens the callback queue, calls 林先生 back and records 5/5 with his words; the
// ticket closes, and the day's register lists it as a phone request.
// Screenshots of every page: test/e2e/screenshots/front-desk/.
jest.setTimeout(300_000);

import type { Locator } from 'playwright-core';
import type { ActionInput, ActionName, ActionOutput } from '@/core/contract/actions';
import { functionOf } from '@/core/contract/names';
import { arrive, expectText } from './browser';
import { DESK, makePng, openOwnTicket, OWNER, PLUMBER, pushesTo, storedTicket } from './owner-helpers';
import { ROUTES, story } from './story';

const DESK_ROUTES = {
  register: '/staff/desk/register/index',
  callbacks: '/staff/desk/callbacks/index',
  callback: '/staff/desk/callback/index',
  daily: '/staff/desk/daily/index',
} as const;

const CALL = { description: '业主来电：卫生间水龙头一直滴水，关不紧', category: '水电' };
const WORDS = '王师傅很准时，水龙头修好了，一点也不滴了';

const s = story('front-desk');
const { step, visit, switchIdentity, backTo } = s;

let ticketId = '';
let ticketNo = '';

/** A function called as someone, the way the app calls it (the dev identity header of the local stack). */
const rpc =
  (openid: string) =>
  async <A extends ActionName>(action: A, input: ActionInput<A>): Promise<ActionOutput<A>> => {
    const res = await fetch(`${s.stack.url}/functions/${functionOf(action)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-dev-openid': openid },
      body: JSON.stringify({ action, input }),
    });
    const reply = (await res.json()) as { ok: boolean; data: ActionOutput<A>; code?: string; message?: string };
    if (!reply.ok) throw new Error(`${action} as ${openid}: ${reply.code} ${reply.message}`);
    return reply.data;
  };

/** A real photo uploaded to the stack's storage, as the technician's result photo. */
const uploadPhoto = async (): Promise<string> => {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(makePng(120, 90, [150, 180, 200]))], { type: 'image/png' }), 'result.png');
  const res = await fetch(`${s.stack.url}/_local/storage/upload`, { method: 'POST', body: form });
  const reply = (await res.json()) as { ok: boolean; data: { ref: string } };
  if (!reply.ok) throw new Error(`upload failed: ${JSON.stringify(reply)}`);
  return reply.data.ref;
};

/** The sheet's rows are 34 px high (Taro H5 picker); dragging up by k rows selects row k. */
const ROW = 34;

/** Opens one of the owner search's pickers (楼栋 / 单元 / 房号), drags to `text`, confirms. */
const pick = async (form: Locator, field: 'building' | 'unit' | 'room', text: string): Promise<void> => {
  const picker = form.locator(`taro-picker-core.find-${field}`);
  await picker.locator('.picker-field').click();
  const sheet = s.page.locator('.weui-picker').filter({ visible: true });
  await sheet.waitFor({ state: 'visible' });
  const group = sheet.locator('.weui-picker__group').first();
  const items = (await group.locator('.weui-picker__item').allInnerTexts()).map((t) => t.trim());
  const index = items.indexOf(text);
  if (index < 0) throw new Error(`${field} offers no ${text}: ${items.join(' ')}`);
  await s.page.waitForTimeout(400); // the sheet slides up first
  const box = await group.boundingBox();
  if (!box) throw new Error(`the ${field} column is not on screen`);
  // A long column (a tower's rooms) is dragged a few rows at a time, as a thumb would: the
  // column follows the pointer only while it stays over the column.
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const rows = Math.max(1, Math.floor((box.height / 2 - 10) / ROW));
  for (let left = index; left > 0; left -= Math.min(left, rows)) {
    await s.page.mouse.move(x, y);
    await s.page.mouse.down();
    await s.page.mouse.move(x, y - Math.min(left, rows) * ROW, { steps: 8 });
    await s.page.mouse.up();
    await s.page.waitForTimeout(400); // the column settles on the row
  }
  await sheet.locator('.weui-picker__action', { hasText: '确定' }).click();
  await expectText(picker.locator('.picker-field__value'), text);
};

/** 我的任务 (as desk staff) → one of the desk's entry tiles. */
const fromInbox = async (home: Locator, tile: string, shot: string): Promise<void> => {
  await home.getByText('我的任务').click();
  const inbox = await visit(ROUTES.inbox, shot, (r) => r.locator('.desk-entries'));
  await inbox.locator(tile).click();
};

describe('issue 4: the front desk registers a phone request and calls the owner back', () => {
  step('the app opens; 陈前台 has 代客登记, 回访队列 and 受理登记 at the top of her inbox', async () => {
    await s.open('open');
    const home = await switchIdentity(DESK.name, 'desk');
    await fromInbox(home, '.desk-entry-register', 'desk-inbox');
  });

  step('林先生 phones; 陈前台 finds him by his room: 1栋1单元1201', async () => {
    const form = await visit(DESK_ROUTES.register, 'register-empty', (r) => r.locator('.desk-register-submit'));
    // Nothing chosen yet: the form says what is missing, field by field.
    await form.locator('.desk-register-submit').click();
    await expectText(form.locator('.owner-error'), '请先查找并选择业主');
    await expectText(form.locator('.channel-error'), '请选择受理方式：电话或到访');
    await s.screenshot(form, 'register-errors');

    await pick(form, 'building', '1栋');
    await pick(form, 'unit', '1单元');
    await pick(form, 'room', '1201');
    await form.locator('.find-submit').click();
    const lin = form.locator('.desk-resident', { hasText: OWNER.name });
    await lin.waitFor();
    await expectText(lin.locator('.desk-resident__phone'), '13800000001');
    await s.screenshot(form, 'register-found');
    await lin.locator('.resident-pick', { hasText: '1栋1单元1201' }).click();
    await expectText(form.locator('.picked-unit'), '天利龙腾湾 1栋1单元1201');
  });

  step('陈前台 registers his call as a repair (电话); it is routed to 王师傅 and her task page says where it came from', async () => {
    const form = await s.arrive(DESK_ROUTES.register);
    await form.locator('.desk-channel .chip', { hasText: '电话' }).click();
    await form.locator('.desk-repair-category .category-item', { hasText: CALL.category }).click();
    await form.locator('.desk-description textarea').fill(CALL.description);
    await expectText(form.locator('.desk-description .field-textarea__counter'), `${CALL.description.length}/500`);
    await s.screenshot(form, 'register-filled');
    s.stack.stack.emulator.clearMessages();
    await form.locator('.desk-register-submit').click();

    const task = await arrive(s.page, ROUTES.task);
    await expectText(task.locator('.ticket-source'), '电话（陈前台代客登记）');
    await s.screenshot(task, 'registered-task');
    ticketId = s.idInAddress();
    const t = await storedTicket(s, ticketId);
    ticketNo = t.no;
    expect([t.state, t.channel, t.registeredBy?.name, t.owner.openid, t.assignee?.name]).toEqual(['dispatched', 'phone', DESK.name, OWNER.openid, PLUMBER.name]);
    // 王师傅 is pushed as for any request; 林先生, who tapped nothing, is not (no credit was granted).
    expect(pushesTo(s, PLUMBER.openid).map((m) => m.templateId)).toEqual(['local-task_assigned']);
    expect(pushesTo(s, OWNER.openid)).toEqual([]);
    expect(t.ownerCredits).toEqual({});
  });

  step('林先生 finds it in 我的工单; its timeline says 陈前台代客登记（电话）', async () => {
    const home = await switchIdentity(OWNER.name, 'owner');
    const detail = await openOwnTicket(s, home, CALL.description, 'owner');
    const submitted = detail.locator('.timeline-item', { hasText: '提交报修' });
    await expectText(submitted.locator('.timeline-item__note'), '陈前台代客登记（电话）');
    await s.screenshot(detail, 'owner-detail');
  });

  step('王师傅 accepts, arrives and returns it with a photo of the result (through the real functions)', async () => {
    const tech = rpc(PLUMBER.openid);
    await tech('task.accept', { ticketId });
    await tech('task.arrive', { ticketId });
    const { ticket } = await tech('task.finish', { ticketId, note: '更换水龙头阀芯，试水正常', photos: [await uploadPhoto()] });
    expect(ticket.state).toBe('callback_pending');
  });

  step('陈前台 opens the callback queue: the ticket is there with 林先生’s number and its due time', async () => {
    const home = await switchIdentity(DESK.name, 'desk-again');
    await fromInbox(home, '.desk-entry-callbacks', 'desk-inbox-again');
    const queue = await visit(DESK_ROUTES.callbacks, 'callback-queue', (r) => r.locator('.callback-item', { hasText: ticketNo }));
    const item = queue.locator('.callback-item', { hasText: ticketNo });
    await expectText(item.locator('.callback-item__owner'), '林先生 13800000001 · 1栋1单元1201');
    expect((await item.locator('.callback-item__due').innerText()).trim()).toMatch(/^剩余 (7 小时 \d+ 分钟|8 小时)$/);
    await item.click();
  });

  step('陈前台 calls him and records 5/5 with his words: the ticket closes as a phone callback', async () => {
    const page = await visit(DESK_ROUTES.callback, 'callback-page', (r) => r.locator('.callback-submit'));
    await expectText(page.locator('.callback-owner .contact-card__phone'), '13800000001');
    const form = page.locator('.callback-record');
    for (const question of ['处理结果满意度', '服务态度满意度']) {
      await form.locator(`[aria-label="${question} 5星"]`).click();
      await form.locator(`[aria-label="${question} 5星"][aria-checked="true"]`).waitFor();
    }
    await form.locator('.callback-words textarea').fill(WORDS);
    await s.screenshot(page, 'callback-filled');
    await form.locator('.callback-submit').click();

    const done = page.locator('.callback-done');
    await expectText(done.locator('.card__title'), '电话回访（陈前台记录）');
    await expectText(done.locator('.phone-callback__outcome'), '工单已完成。');
    await s.screenshot(page, 'callback-done');
    const t = await storedTicket(s, ticketId);
    expect(t.state).toBe('closed');
    expect(t.rating).toMatchObject({ handling: 5, staff: 5, comment: WORDS, by: 'phone', recordedBy: { name: DESK.name } });
    expect(t.history[t.history.length - 1].note).toBe(`电话回访（陈前台）：处理结果满意度 5 星，服务态度满意度 5 星；“${WORDS}”`);
  });

  step('the queue is empty of it, and the day’s register lists it as 电话, 已完成', async () => {
    const queue = await backTo(DESK_ROUTES.callbacks);
    await queue.locator('.callback-item', { hasText: ticketNo }).waitFor({ state: 'detached' });
    const inbox = await backTo(ROUTES.inbox);
    await inbox.locator('.desk-entry-daily').click();
    const register = await visit(DESK_ROUTES.daily, 'daily-register', (r) => r.locator('.register-row', { hasText: ticketNo }));
    const row = register.locator('.register-row', { hasText: ticketNo });
    await expectText(row.locator('.register-row__channel'), '电话');
    await expectText(row.locator('.register-row__state'), '已完成');
    expect(await row.innerText()).toContain('陈前台代客登记');

    await register.locator('.daily-channel .chip', { hasText: '电话' }).click();
    await expectText(register.locator('.daily-count'), '当日受理 1 单');
    await row.waitFor();
    await s.screenshot(register, 'daily-register-phone');
  });

  step('林先生 reads the callback on his ticket as a phone callback by 陈前台', async () => {
    const home = await switchIdentity(OWNER.name, 'owner-again');
    const detail = await openOwnTicket(s, home, CALL.description, 'owner-closed');
    await expectText(detail.locator('.ticket-state'), '已完成');
    await detail.locator('.rating-result__time', { hasText: '电话回访 · 陈前台记录于' }).waitFor();
    await s.screenshot(detail, 'owner-detail-closed');
  });
});
