// The real H5 build in real Chromium against the real local stack: an owner reports a leak, the
// plumber works it, the owner rates it; a second repair rated badly goes back to the plumber.
// Everything is done by tapping what a person sees; screenshots of every page land in
// test/e2e/screenshots/ (git-ignored) for a human look.
jest.setTimeout(240_000);

import type { Locator } from 'playwright-core';
import { arrive, expectText } from './browser';
import { addResultPhoto } from './owner-helpers';
import { ROUTES, story } from './story';

const { home: HOME, repairNew: REPAIR_NEW, tickets: TICKETS, detail: DETAIL, inbox: INBOX, task: TASK } = ROUTES;

const OWNER = { name: '林先生', openid: 'demo-owner-lin' };
const PLUMBER = { name: '王师傅', openid: 'demo-tech-wang' };

/** Each ticket is told apart in lists by its description, as a person would. */
const FIRST = { description: '厨房水龙头关不紧，一直滴水', note: '已更换水龙头阀芯，试水正常', comment: '师傅很专业，修得很快' };
const SECOND = { description: '卫生间插座没电，跳闸后合不上', note: '已更换插座', comment: '' };

const s = story('repair-lifecycle');
const { step, visit, atHome, backTo, switchIdentity, timelineEvents } = s;
const screenshot = (root: Locator, name: string) => s.screenshot(root, name);

/** 我要报修 → 水电 → a description → 提交报修; returns the new ticket's id from the detail page. */
const submitRepair = async (home: Locator, description: string, shot: string, unit?: string): Promise<{ id: string; detail: Locator }> => {
  await home.getByText('我要报修').click();
  const form = await visit(REPAIR_NEW, `${shot}-repair-form`, (r) => r.locator('.category-item'));
  if (unit) {
    await form.locator('.unit-picker .chip', { hasText: unit }).click();
    await form.locator('.unit-picker .chip--active', { hasText: unit }).waitFor();
  }
  await form.locator('.category-item', { hasText: '水电' }).click();
  await form.locator('.category-item--active', { hasText: '水电' }).waitFor();
  await form.locator('.repair-description textarea').fill(description);
  // The counter follows the text: the component saw the input, not only the DOM.
  await expectText(form.locator('.repair-description .field-textarea__counter'), `${description.length}/500`);
  await screenshot(form, `${shot}-repair-form-filled`);
  await form.locator('.repair-submit').click();

  const detail = await arrive(s.page, DETAIL);
  const id = new URLSearchParams(new URL(s.page.url()).hash.split('?')[1] ?? '').get('id');
  if (!id) throw new Error(`the detail page's address carries no ticket id: ${s.page.url()}`);
  return { id, detail };
};

/** As the plumber: 我的任务 → the card under 待接单 → 接单 → 到场签到 → 完工返单 (a note and a result photo). */
const workTask = async (home: Locator, description: string, note: string, shot: string): Promise<void> => {
  await home.getByText('我的任务').click();
  const inbox = await visit(INBOX, `${shot}-inbox-todo`, (r) => r.locator('.task-card', { hasText: description }));
  await inbox.locator('.task-card', { hasText: description }).click();

  const task = await visit(TASK, `${shot}-task-dispatched`, (r) => r.locator('.task-accept'));
  await expectText(task.locator('.ticket-state'), '已派单');
  await task.locator('.task-accept').click();
  await expectText(task.locator('.ticket-state'), '已接单');
  await screenshot(task, `${shot}-task-accepted`);

  await task.locator('.task-arrive').click();
  await expectText(task.locator('.ticket-state'), '师傅已到场');
  await screenshot(task, `${shot}-task-on-site`);

  await task.locator('.task-finish').click();
  const form = task.locator('.note-form');
  await form.locator('textarea').fill(note);
  await addResultPhoto(s.page, form);
  await screenshot(task, `${shot}-task-finish-form`);
  await form.getByText('确认完工').click();
  await expectText(task.locator('.ticket-state'), '待评价');
  await screenshot(task, `${shot}-task-returned`);
};

/** As the owner: 我的工单 → the card → the ticket's detail page. */
const openOwnTicket = async (home: Locator, description: string, shot: string): Promise<Locator> => {
  await home.getByText('我的工单').click();
  const list = await visit(TICKETS, `${shot}-my-tickets`, (r) => r.locator('.ticket-card', { hasText: description }));
  await list.locator('.ticket-card', { hasText: description }).click();
  return arrive(s.page, DETAIL);
};

/** The 回访评价 form: stars by their labels, a comment, 提交评价. */
const rate = async (detail: Locator, handling: number, staff: number, comment: string, shot: string): Promise<void> => {
  const form = detail.locator('.rating-section');
  for (const [question, stars] of [['处理结果满意度', handling], ['服务态度满意度', staff]] as const) {
    await form.locator(`[aria-label="${question} ${stars}星"]`).click();
    await form.locator(`[aria-label="${question} ${stars}星"][aria-checked="true"]`).waitFor();
  }
  if (comment) {
    await form.locator('textarea').fill(comment);
    await expectText(form.locator('.field-textarea__counter'), `${comment.length}/300`);
  }
  expect(await form.locator('.star-rating__star--on').count()).toBe(handling + staff);
  await screenshot(detail, `${shot}-rating-filled`);
  await form.getByText('提交评价').click();
};

// ---- the story -------------------------------------------------------------------------------

let first = '';
let second = '';

describe('a repair, from the owner\'s report to the rating, in the H5 app', () => {
  step('the owner opens the app and becomes 林先生', async () => {
    await s.page.goto(`${s.stack.url}/#${HOME}`);
    await atHome(OWNER.name, 'home-default');
    await switchIdentity(OWNER.name, 'owner');
  });

  step('林先生 reports a leak; it is dispatched to 王师傅 in the same call and he is pushed', async () => {
    const home = await arrive(s.page, HOME);
    const { id, detail } = await submitRepair(home, FIRST.description, 'first');
    first = id;
    await expectText(detail.locator('.ticket-state'), '已派单');
    // Who comes, with their phone, is shown once they accept; until then the promise says when.
    expect(await detail.locator('.assignee-card').count()).toBe(0);
    await expectText(detail.locator('.ticket-description'), FIRST.description);
    expect((await detail.locator('.ticket-no').innerText()).trim()).not.toBe('');
    await screenshot(detail, 'first-detail-dispatched');

    const pushes = s.stack.stack.emulator.messages().filter((m) => m.touser === PLUMBER.openid);
    expect(pushes).toEqual([expect.objectContaining({ templateId: 'local-task_assigned', errcode: 0 })]);
    expect(pushes[0].page).toContain(first);
  });

  step('王师傅 accepts, checks in on site and returns the job', async () => {
    const home = await switchIdentity(PLUMBER.name, 'plumber');
    await workTask(home, FIRST.description, FIRST.note, 'first');
  });

  step('林先生 rates 5 and 4 stars with a comment; the ticket is closed with its whole history', async () => {
    const home = await switchIdentity(OWNER.name, 'owner-again');
    const detail = await openOwnTicket(home, FIRST.description, 'first');
    await expectText(detail.locator('.ticket-state'), '待评价');
    await expectText(detail.locator('.assignee-card .contact-card__name'), PLUMBER.name);
    await screenshot(detail, 'first-detail-to-rate');
    await rate(detail, 5, 4, FIRST.comment, 'first');

    await expectText(detail.locator('.ticket-state'), '已完成');
    await detail.locator('.rating-result-section', { hasText: FIRST.comment }).waitFor();
    expect(await detail.locator('.rating-section').count()).toBe(0);
    expect(await timelineEvents(detail)).toEqual(['提交报修', '派单', '接单', '到场', '完工返单', '待回访评价', '回访评价']);
    await expectText(detail.locator('.timeline-item--latest .timeline-item__actor'), OWNER.name);
    await screenshot(detail, 'first-detail-closed');

    // Back in the list, the card shows the new state too.
    const list = await backTo(TICKETS);
    await expectText(list.locator('.ticket-card', { hasText: FIRST.description }).locator('.state-badge'), '已完成');
    await screenshot(list, 'first-my-tickets-closed');
  });

  step('a second repair, rated 2 stars, goes back to 王师傅 as 返修中', async () => {
    const home = await backTo(HOME);
    const { id, detail } = await submitRepair(home, SECOND.description, 'second', '4栋2单元301');
    second = id;
    expect(second).not.toBe(first);
    await expectText(detail.locator('.ticket-state'), '已派单');
    await detail.locator('.ticket-place', { hasText: '4栋2单元301' }).waitFor();
    await screenshot(detail, 'second-detail-dispatched');

    const plumberHome = await switchIdentity(PLUMBER.name, 'plumber-second');
    await workTask(plumberHome, SECOND.description, SECOND.note, 'second');

    s.stack.stack.emulator.clearMessages();
    const ownerHome = await switchIdentity(OWNER.name, 'owner-second');
    const ticket = await openOwnTicket(ownerHome, SECOND.description, 'second');
    await expectText(ticket.locator('.ticket-state'), '待评价');
    await rate(ticket, 2, 2, SECOND.comment, 'second');
    await expectText(ticket.locator('.ticket-state'), '返修中');
    await expectText(ticket.locator('.assignee-card .contact-card__name'), PLUMBER.name);
    await screenshot(ticket, 'second-detail-reopened');
    expect(s.stack.stack.emulator.messages()).toEqual([
      expect.objectContaining({ touser: PLUMBER.openid, templateId: 'local-task_reopened', errcode: 0 }),
    ]);
  });

  step('王师傅 finds the reopened job under 待接单 and the closed one under 已完成', async () => {
    const home = await switchIdentity(PLUMBER.name, 'plumber-reopened');
    await home.getByText('我的任务').click();
    const inbox = await visit(INBOX, 'plumber-inbox-todo-reopened', (r) => r.locator('.task-card', { hasText: SECOND.description }));
    await expectText(inbox.locator('.tab-todo[aria-selected="true"]'), '待接单');
    const reopened = inbox.locator('.task-card', { hasText: SECOND.description });
    await expectText(reopened.locator('.state-badge'), '返修中');
    expect(await inbox.locator('.task-card', { hasText: FIRST.description }).count()).toBe(0);

    await inbox.locator('.tab-done').click();
    const done = inbox.locator('.task-card', { hasText: FIRST.description });
    await done.waitFor();
    await expectText(done.locator('.state-badge'), '已完成');
    await screenshot(inbox, 'plumber-inbox-done');

    await inbox.locator('.tab-todo').click();
    await reopened.click();
    const task = await visit(TASK, 'plumber-task-reopened', (r) => r.locator('.task-accept'));
    await expectText(task.locator('.ticket-state'), '返修中');
    await task.locator('.rating-result-section').waitFor();
  });
});
