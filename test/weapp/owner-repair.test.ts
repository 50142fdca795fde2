/**
 * 林先生 reports a repair through the built bundle: he picks 水电, describes the leak, adds a photo
 * (chooseMedia, then wx.cloud.uploadFile into the stack's storage) and taps 提交报修. The tap asks
 * WeChat for the three owner reminders (inside the tap, as WeChat requires), the bundle calls the
 * repair function with his openid, and the ticket is on the local stack afterwards, dispatched,
 * with his photo and the reminders he accepted. The page then opens the ticket, which shows it.
 */
import { OWNER_SUBMIT_TEMPLATES } from '@/core/notify/templates';
import type { Ticket } from '@/core/tickets/model';
import { LIN_UNIT, OWNER } from '../functions/local-stack';
import { guardConsole, type ConsoleGuard } from './console-guard';
import { startMiniProgram, type MiniProgram } from './mini-program';
import { subscribeRuleBreaches } from './subscribe-rule';

jest.setTimeout(60_000);

let mp: MiniProgram;
let guard: ConsoleGuard;
beforeAll(async () => {
  mp = await startMiniProgram();
  guard = guardConsole();
});
afterAll(async () => {
  guard?.restore();
  await mp?.close();
});

const DESCRIPTION = '卫生间洗手盆下水管漏水';

describe('the owner’s repair, submitted through the bundle', () => {
  let ticketId: string;

  it('submits from the form to the local stack', async () => {
    mp.as(OWNER);
    const form = await mp.open('pages/repair/new');
    await form.tap('水电');
    await form.type('请描述故障位置和现象', DESCRIPTION);
    await form.tap('添加照片');
    expect(await form.waitForText('已选 1/9')).toContain('已选 1/9');
    expect(mp.subscribeRequests).toEqual([]);

    await form.tap('提交报修');
    await mp.waitFor(() => mp.navigations.some((n) => n.api === 'redirectTo'));
    const submit = mp.calls.filter((c) => c.action === 'repair.submit');
    expect(submit).toEqual([expect.objectContaining({ name: 'repair', openid: OWNER, reply: { ok: true } })]);
    const to = mp.navigations.find((n) => n.api === 'redirectTo')?.url ?? '';
    expect(to).toMatch(/^\/pages\/ticket\/detail\?id=/);
    ticketId = decodeURIComponent(to.split('id=')[1]);
    form.close();
    expect(guard.take()).toEqual([]);
  });

  it('asked for the owner reminders inside the submit tap, three at most', async () => {
    const whoami = await mp.stack.must(OWNER)('session.whoami', {});
    const ids = OWNER_SUBMIT_TEMPLATES.map((k) => whoami.templates.owner.find((r) => r.key === k)!.id);
    expect(mp.subscribeRequests).toEqual([{ tmplIds: ids, inTap: true, route: 'pages/repair/new' }]);
    expect(subscribeRuleBreaches(mp.subscribeRequests)).toEqual([]);
  });

  it('left the ticket on the stack: his, dispatched, with his photo and the accepted reminders', async () => {
    const stored = (await mp.stack.db.collection('tickets').doc(ticketId).get()).data[0] as Ticket;
    expect(stored).toMatchObject({
      kind: 'repair',
      owner: { openid: OWNER, name: '林先生' },
      unit: { id: LIN_UNIT },
      category: 'plumbing_electric',
      description: DESCRIPTION,
      state: 'dispatched',
      assignee: expect.objectContaining({ name: '王师傅' }),
    });
    expect(stored.photos).toHaveLength(1);
    expect(stored.photos[0]).toMatch(/^local:\/\/photos\//);
    expect(stored.ownerCredits).toEqual({ order_accepted: 1, quote_pending: 1, repair_done: 1 });
    // Through the owner's own function call too: it is in his list.
    const mine = await mp.stack.must(OWNER)('ticket.list', {});
    expect(mine.tickets.map((t) => t.id)).toContain(ticketId);
  });

  it('opens the new ticket, which shows what he reported', async () => {
    const detail = await mp.open('pages/ticket/detail', { id: ticketId });
    const text = await detail.waitForText(DESCRIPTION, '已派单');
    expect(text).toContain(DESCRIPTION);
    expect(text).toContain('已派单');
    detail.close();
    expect(guard.take()).toEqual([]);
  });
});
