// Issue 4 "Staff workbench", the housekeeper handling a complaint, in the real H5 build in
// Chromium against the local stack: 林先生 complains about the rubbish in his corridor; 张管家
// (A区) takes it, is prompted for his progress report as the 4 hours run out and reports from the
// prompt; he sends cleaning a sub-task (协办), which 孙组长 finds in his inbox and takes; 张管家
// marks the complaint handled with its result (confirming past the open sub-task); 林先生 reads the
// progress, that cleaning was arranged, and the result — never the sub-task itself.
// Screenshots of every page: test/e2e/screenshots/housekeeper/.
jest.setTimeout(240_000);

import tcb from '@cloudbase/node-sdk';
import type { Locator } from 'playwright-core';
import type { Ticket } from '@/core/tickets/model';
import { arrive, expectText } from './browser';
import { KEEPER_A, openOwnTicket, openTask, OWNER, pushesTo, staffStep, storedTicket, storedTickets, submitTo, toastText } from './owner-helpers';
import { ROUTES, story } from './story';

const { home: HOME, complaintNew: COMPLAINT_NEW } = ROUTES;

const s = story('housekeeper');
const { step, visit, atHome, switchIdentity, backTo, timelineEvents } = s;
const screenshot = (root: Locator, name: string) => s.screenshot(root, name);

const CLEANING_LEAD = { name: '孙组长', openid: 'demo-lead-sun' };
const COMPLAINT = { unit: '1栋1单元1201', category: '环境卫生', description: '1栋1单元楼道垃圾三天没人清理，气味很大' };
const PROGRESS = '已联系清洁部孙组长，今天下午安排清理，并加一次每日巡查';
const SUBTASK = '1栋1单元各层楼道垃圾今天下午清理干净，清理后拍照告诉我';
const RESULT = '楼道已清理干净，清洁部每日下午加巡一次；已向林先生致歉';

let complaint = { id: '', no: '' };
let subtask = { id: '', no: '' };

/**
 * Moves every instant of the stored complaint `ms` into the past, as if it had been taken that
 * much earlier: the only way to see the 4-hour report come due without waiting 4 hours.
 */
const backdate = async (id: string, ms: number) => {
  const db = tcb.init({ env: 'e2e', serviceUrl: s.stack.stack.serviceUrl }).database();
  const col = db.collection('tickets');
  const _ = db.command;
  const t: Ticket = await storedTicket(s, id);
  const earlier = (c: object) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, typeof v === 'number' ? v - ms : v]));
  await col.doc(id).update({
    clocks: _.set(Object.fromEntries(Object.entries(t.clocks).map(([name, c]) => [name, earlier(c)]))),
    history: _.set(t.history.map((h) => ({ ...h, at: h.at - ms }))),
    createdAt: t.createdAt - ms,
    updatedAt: t.updatedAt - ms,
    nextDueAt: t.nextDueAt === null ? null : t.nextDueAt - ms,
  });
};

describe('issue 4: the housekeeper handles a complaint with a progress report and a sub-task', () => {
  step('林先生 complains about the rubbish in his corridor; it goes to 张管家, the housekeeper of A区', async () => {
    await s.page.goto(`${s.stack.url}/#${HOME}`);
    await atHome(OWNER.name, 'home-default');
    const home = await switchIdentity(OWNER.name, 'owner');
    await home.getByText('我要投诉').click();
    const form = await visit(COMPLAINT_NEW, 'complaint-form', (r) => r.locator('.complaint-category .category-item'));
    await form.locator('.unit-picker .chip', { hasText: COMPLAINT.unit }).click();
    await form.locator('.complaint-category .category-item', { hasText: COMPLAINT.category }).click();
    await form.locator('.complaint-category .category-item--active', { hasText: COMPLAINT.category }).waitFor();
    await form.locator('.complaint-description textarea').fill(COMPLAINT.description);
    await form.locator('.reply-picker .chip', { hasText: '24小时内' }).click();
    await form.locator('.reply-picker .chip--active', { hasText: '24小时内' }).waitFor();
    await screenshot(form, 'complaint-form-filled');
    const { id, detail } = await submitTo(s, form.locator('.complaint-submit'));
    await expectText(detail.locator('.ticket-state'), '待受理');
    const stored = await storedTicket(s, id);
    complaint = { id, no: stored.no };
    expect(stored.assignee?.name).toBe(KEEPER_A.name);
    await screenshot(detail, 'complaint-submitted');
  });

  step('张管家 takes it (受理投诉); the next progress report is 4 hours away, said calmly at the top', async () => {
    const home = await switchIdentity(KEEPER_A.name, 'keeper');
    const task = await openTask(s, home, COMPLAINT.description, 'keeper');
    await screenshot(task, 'keeper-task-to-take');
    await staffStep(task, '.task-accept', '处理中');
    const notice = task.locator('.progress-notice');
    await expectText(notice.locator('.staff-task__notice-title'), '每4小时向前台汇报一次进展');
    expect(await notice.getAttribute('class')).toContain('staff-task__notice--info');
    expect(await task.locator('.progress-prompt__headline').count()).toBe(0);
    // 协办 is offered to him, with nothing arranged yet.
    await task.locator('.subtask-section .subtask-add').waitFor();
    await screenshot(task, 'keeper-task-taken');
  });

  step('3 h 25 min later the report is due within the hour: the prompt asks for it, and he reports from it', async () => {
    await backdate(complaint.id, 3 * 3_600_000 + 25 * 60_000);
    const home = await backTo(HOME);
    const task = await openTask(s, home, COMPLAINT.description, 'keeper-later', '进行中');
    const prompt = task.locator('.progress-notice');
    await expectText(prompt.locator('.progress-prompt__headline'), '距下次进展汇报还有 35 分钟');
    expect(await prompt.getAttribute('class')).toContain('staff-task__notice--due');
    await screenshot(task, 'keeper-progress-prompt');

    await prompt.locator('.progress-prompt__field textarea').fill(PROGRESS);
    await screenshot(task, 'keeper-progress-prompt-filled');
    await prompt.locator('.progress-prompt__submit').click();
    expect(await toastText(s.page)).toBe('已汇报进展');
    await task.locator('.progress-prompt__headline').waitFor({ state: 'detached' });
    expect(await task.locator('.progress-notice').getAttribute('class')).toContain('staff-task__notice--info');
    expect((await task.locator('.progress-notice__due').innerText()).trim()).toMatch(/（剩余 4 小时）。$/);
    const events = await timelineEvents(task);
    expect(events.at(-1)).toBe('进展汇报');
    await screenshot(task, 'keeper-progress-reported');
  });

  step('张管家 sends cleaning a sub-task (安排协办 → 家政保洁): routed at once to 孙组长, listed with its state', async () => {
    const task = await arrive(s.page, ROUTES.task);
    s.stack.stack.emulator.clearMessages();
    await task.locator('.subtask-add').click();
    const form = task.locator('.subtask-form');
    await form.locator('.category-item', { hasText: '家政保洁' }).click();
    await form.locator('.category-item--active', { hasText: '家政保洁' }).waitFor();
    await form.locator('.subtask-form__area .chip', { hasText: '公共区域' }).click();
    await form.locator('.subtask-form__area .chip--active', { hasText: '公共区域' }).waitFor();
    await form.locator('.subtask-form__description textarea').fill(SUBTASK);
    await screenshot(task, 'keeper-subtask-form');
    await form.locator('.subtask-form__confirm').click();
    expect(await toastText(s.page)).toBe('已派出协办单');

    const row = task.locator('.subtask-row');
    await expectText(row.locator('.subtask-row__title'), '🧹 家政保洁 · 清洁部');
    await expectText(row.locator('.subtask-row__state'), '已派单');
    expect((await row.locator('.subtask-row__who').innerText()).trim()).toMatch(/^公共区域 · 孙组长处理 · /);
    const stored = await storedTicket(s, complaint.id);
    subtask = { id: stored.subtasks![0].id, no: stored.subtasks![0].no };
    await expectText(row.locator('.subtask-row__no'), `${subtask.no} ›`);
    const sub = await storedTicket(s, subtask.id);
    expect([sub.kind, sub.team, sub.assignee?.name, sub.parent?.no, sub.owner.name]).toEqual(['repair', 'cleaning', CLEANING_LEAD.name, complaint.no, OWNER.name]);
    expect(pushesTo(s, CLEANING_LEAD.openid).map((m) => m.templateId)).toEqual(['local-task_assigned']);
    expect(pushesTo(s, OWNER.openid)).toEqual([]);
    await screenshot(task, 'keeper-subtask-listed');
  });

  step('孙组长 finds the sub-task under 待接单, sees which complaint it serves, and takes it', async () => {
    const home = await switchIdentity(CLEANING_LEAD.name, 'cleaning-lead');
    const task = await openTask(s, home, SUBTASK, 'cleaning-lead');
    await expectText(task.locator('.subtask-parent__text'), `本单是投诉 ${complaint.no} 的协办单，由张管家安排。`);
    await screenshot(task, 'cleaning-lead-subtask');
    await staffStep(task, '.task-accept', '已接单');
    await screenshot(task, 'cleaning-lead-subtask-taken');
  });

  step('张管家 sees 孙组长 has it, and marks the complaint handled with the result, confirming past the open sub-task', async () => {
    const home = await switchIdentity(KEEPER_A.name, 'keeper-again');
    const task = await openTask(s, home, COMPLAINT.description, 'keeper-again', '进行中');
    const row = task.locator('.subtask-row');
    await expectText(row.locator('.subtask-row__state'), '已接单');
    await screenshot(task, 'keeper-subtask-taken');

    await task.locator('.task-finish').click();
    await expectText(task.locator('.open-subtasks__title'), '还有 1 个协办单未完成');
    await expectText(task.locator('.open-subtasks__item'), `${subtask.no} · 清洁部 · 已接单`);
    const form = task.locator('.note-form');
    // The result is required, here too.
    await form.locator('.app-button', { hasText: '仍确认处理完毕' }).click();
    await expectText(form.locator('.error-notice'), '请填写处理结果，方便业主了解处理情况');
    await form.locator('textarea').fill(RESULT);
    await screenshot(task, 'keeper-finish-form');
    await form.locator('.app-button', { hasText: '仍确认处理完毕' }).click();
    await expectText(task.locator('.ticket-state'), '待评价');
    await expectText(task.locator('.subtask-row__state'), '已接单');
    await screenshot(task, 'keeper-complaint-handled');
    expect((await storedTicket(s, complaint.id)).state).toBe('callback_pending');
    expect((await storedTicket(s, subtask.id)).state).toBe('accepted');
  });

  step('林先生 reads the progress report, that cleaning was arranged, and the result; never the sub-task', async () => {
    const home = await switchIdentity(OWNER.name, 'owner-reads');
    const detail = await openOwnTicket(s, home, COMPLAINT.description, 'owner-reads', '投诉');
    await expectText(detail.locator('.ticket-state'), '待评价');
    const timeline = detail.locator('.timeline-section');
    await timeline.getByText(PROGRESS).waitFor();
    await timeline.getByText('已安排清洁部协助处理').waitFor();
    await timeline.getByText(RESULT).waitFor();
    expect(await timelineEvents(detail)).toEqual(['提交投诉', '转交管家', '受理投诉', '进展汇报', '安排协办', '处理完毕', '待回访评价']);
    const text = await detail.innerText();
    expect(text).not.toContain(subtask.no);
    expect(text).not.toContain(SUBTASK);
    await screenshot(detail, 'owner-complaint-handled');

    // 我的工单 lists his complaint, not the sub-task raised from it.
    const back = await backTo(HOME);
    await back.getByText('我的工单').click();
    const list = await s.arrive(ROUTES.tickets);
    await list.locator('.ticket-card', { hasText: COMPLAINT.description }).waitFor();
    expect(await list.locator('.ticket-card', { hasText: SUBTASK }).count()).toBe(0);
    expect(await storedTickets(s, { 'owner.openid': OWNER.openid })).toHaveLength(2);
    await screenshot(list, 'owner-my-tickets');
  });
});
