// Issue 5 "Routing and push", the shared pool in the real H5 build in Chromium against the local
// stack: with no plumber on duty, 林先生's leak waits; the engineering lead 马组长 is pushed, finds
// it under 待协调 with why and who was asked, and takes it himself. Household cleaning goes to the
// cleaning lead 孙组长. Screenshots of every page: test/e2e/screenshots/routing-pool/.
jest.setTimeout(240_000);

import tcb from '@cloudbase/node-sdk';
import { arrive, expectText } from './browser';
import { openTask, OWNER, pushesTo, quickRepair, staffStep, storedTicket } from './owner-helpers';
import { ROUTES, story } from './story';

const { home: HOME } = ROUTES;

const s = story('routing-pool');
const { step, atHome, switchIdentity, backTo, timelineEvents } = s;

const LEAD = { name: '马组长', openid: 'demo-lead-ma' };
const CLEANING_LEAD = { name: '孙组长', openid: 'demo-lead-sun' };
const LEAK = { unit: '1栋1单元1201', category: '水电', description: '夜里卫生间水管爆了，水一直在流' };
const CLEANING = { unit: '1栋1单元1201', category: '家政保洁', description: '周六上午全屋保洁，三室两厅' };

let leakId = '';
const staffDb = () => tcb.init({ env: 'e2e', serviceUrl: s.stack.stack.serviceUrl }).database().collection('staff');

describe('issue 5: the shared pool (待协调) and household services', () => {
  step('the app opens as 林先生; 王师傅, the only plumber, is off duty', async () => {
    await staffDb().doc('s-tech-wang').update({ active: false });
    await s.page.goto(`${s.stack.url}/#${HOME}`);
    await atHome(OWNER.name, 'home-default');
    await switchIdentity(OWNER.name, 'owner');
  });

  step('林先生 reports the leak: it waits for a person (待派单), and 马组长 is pushed to arrange it', async () => {
    const home = await arrive(s.page, HOME);
    s.stack.stack.emulator.clearMessages();
    const { id, detail } = await quickRepair(s, home, LEAK, 'leak');
    leakId = id;
    await expectText(detail.locator('.ticket-state'), '待派单');
    // The owner is told when it will be dispatched, never the desk's coordination.
    expect(await detail.innerText()).not.toContain('待协调');
    await s.screenshot(detail, 'leak-detail-waiting');
    const asks = pushesTo(s, LEAD.openid).filter((m) => m.templateId === 'local-dispatch_help');
    expect(asks.map((m) => m.data.thing3)).toEqual([{ value: '没有可承接此类工作的人员，请安排接单' }]);
    expect((await storedTicket(s, id)).help).toMatchObject({ rung: 'team_lead', told: [LEAD.name] });
  });

  step('马组长 finds it under 待协调 with why and who was asked, and takes it himself', async () => {
    const home = await switchIdentity(LEAD.name, 'lead');
    const task = await openTask(s, home, LEAK.description, 'lead-pool', '待协调');
    // The inbox card (still under the task page) said why it waits and who was asked.
    const help = s.page.locator('.task-card', { hasText: LEAK.description }).locator('.ticket-card-item__help');
    expect((await help.innerText()).trim()).toBe('待协调：没有可承接此类工作的人员，请安排接单（已通知马组长）');
    await s.screenshot(task, 'lead-task-waiting');
    await staffStep(task, '.task-accept', '已接单');
    await s.screenshot(task, 'lead-task-accepted');
    const events = await timelineEvents(task);
    expect(events.slice(-3)).toEqual(expect.arrayContaining(['请求协调派单', '派单', '接单']));
    const t = await storedTicket(s, leakId);
    expect([t.state, t.assignee?.name, t.help]).toEqual(['accepted', LEAD.name, null]);
  });

  step('the pool is empty again', async () => {
    const home = await backTo(HOME);
    await home.getByText('我的任务').click();
    const inbox = await s.arrive(ROUTES.inbox);
    await inbox.locator('.tabs__item', { hasText: '待协调' }).click();
    await inbox.getByText('暂无需要协调派单的工单').waitFor();
    await s.screenshot(inbox, 'lead-pool-empty');
  });

  step('家政保洁 goes to the cleaning lead 孙组长, who sees it under 待接单', async () => {
    await staffDb().doc('s-tech-wang').update({ active: true });
    let home = await switchIdentity(OWNER.name, 'owner-again');
    const { detail } = await quickRepair(s, home, CLEANING, 'cleaning');
    await expectText(detail.locator('.ticket-state'), '已派单');
    await s.screenshot(detail, 'cleaning-detail');
    home = await switchIdentity(CLEANING_LEAD.name, 'cleaning-lead');
    const task = await openTask(s, home, CLEANING.description, 'cleaning-lead');
    await s.screenshot(task, 'cleaning-lead-task');
  });
});
