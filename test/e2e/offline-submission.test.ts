// Issue 9, weak network, in the real H5 build in Chromium against the local stack: 林先生 fills
// a repair with a photo, loses the network (the browser goes offline), taps 提交报修 and sees it
// kept under 待发送; the network comes back and the repair is sent by itself — exactly one ticket.
// Screenshots: test/e2e/screenshots/offline-submission/.
jest.setTimeout(180_000);

import { arrive, expectText } from './browser';
import { fillRepair, makePng, OWNER, storedTickets, toastText } from './owner-helpers';
import { ROUTES, story } from './story';

const s = story('offline-submission');
const { step, visit, atHome, switchIdentity, backTo } = s;

const REPAIR = { unit: '1栋1单元1201', category: '水电', description: '卫生间洗手盆下水管漏水，地面一直是湿的' };
const SAVED = '网络不佳，已保存，网络恢复后将自动提交';

describe('issue 9: a repair submitted without network waits on the phone and is sent once', () => {
  step('the app opens as 林先生, who has looked at 我的工单 before', async () => {
    await s.page.goto(`${s.stack.url}/#${ROUTES.home}`);
    await atHome(OWNER.name, 'home-default');
    const home = await switchIdentity(OWNER.name, 'owner');
    // 我的工单 once while online: the page's code is in the browser when the network goes.
    await home.getByText('我的工单').click();
    await arrive(s.page, ROUTES.tickets);
    await backTo(ROUTES.home);
  });

  step('he fills a repair with a photo, the network goes, he taps 提交报修 and sees it under 待发送', async () => {
    const home = await arrive(s.page, ROUTES.home);
    await home.getByText('我要报修').click();
    const form = await visit(ROUTES.repairNew, 'repair-form', (r) => r.locator('.category-item'));
    await fillRepair(form, REPAIR);
    const picker = form.locator('.photo-picker');
    const [chooser] = await Promise.all([s.page.waitForEvent('filechooser'), picker.locator('.photo-picker__add').click()]);
    await chooser.setFiles([{ name: 'leak.png', mimeType: 'image/png', buffer: makePng(120, 90, [120, 150, 190]) }]);
    await picker.locator('.photo-picker__photo').first().waitFor();
    await picker.locator('.photo-picker__uploading').waitFor({ state: 'detached' });
    await s.screenshot(form, 'repair-form-filled');

    await s.page.context().setOffline(true);
    await form.locator('.repair-submit').click();
    expect(await toastText(s.page)).toBe(SAVED);

    const list = await arrive(s.page, ROUTES.tickets);
    await expectText(list.locator('.pending-list__title'), '待发送（1）');
    await expectText(list.locator('.pending-item__kind'), '报修');
    await expectText(list.locator('.pending-item__summary'), `水电 · ${REPAIR.description}`);
    await expectText(list.locator('.pending-item__status'), '等待网络');
    expect(await list.locator('.pending-item__time').innerText()).toMatch(/^保存时间 \d\d-\d\d \d\d:\d\d$/);
    await s.screenshot(list, 'tickets-pending');
    expect(await storedTickets(s, { description: REPAIR.description })).toEqual([]);

    // Still offline, home says something waits.
    const back = await backTo(ROUTES.home);
    await expectText(back.locator('.home__pending'), '1条申请待发送，网络恢复后将自动提交 ›');
    await s.screenshot(back, 'home-pending');
  });

  step('the network comes back: the repair is sent by itself, once, with its photo', async () => {
    const home = await arrive(s.page, ROUTES.home);
    await home.locator('.home__pending').click();
    const list = await arrive(s.page, ROUTES.tickets);
    await expectText(list.locator('.pending-item__status'), '等待网络');

    await s.page.context().setOffline(false);
    await list.locator('.pending-list').waitFor({ state: 'detached' });
    await list.locator('.ticket-card', { hasText: REPAIR.description }).waitFor();
    await s.screenshot(list, 'tickets-sent');

    const tickets = await storedTickets(s, { description: REPAIR.description });
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.photos).toHaveLength(1);
    expect(tickets[0]!.state).toBe('dispatched');
    // Nothing left to send: home's notice is gone and a later reconnect sends nothing more.
    const back = await backTo(ROUTES.home);
    await back.locator('.home__pending').waitFor({ state: 'detached' });
    await s.page.context().setOffline(true);
    await s.page.context().setOffline(false);
    await s.page.waitForTimeout(500);
    expect(await storedTickets(s, { description: REPAIR.description })).toHaveLength(1);
  });
});
