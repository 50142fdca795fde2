/**
 * Staff are asked for reminders on their natural taps (docs/architecture.md, Subscription
 * credits): 开启提醒 in the inbox, 接单 on the task page. Through the built bundle each asks
 * WeChat inside the tap, for one to three templates, and the credits reach the stack. Opening the
 * inbox is not a tap and asks nothing.
 */
import { STAFF_TEMPLATES } from '@/core/notify/templates';
import type { StaffMember } from '@/core/routing/staff';
import { PLUMBER } from '../functions/local-stack';
import { submitRepair } from '../pages/stack';
import { guardConsole, type ConsoleGuard } from './console-guard';
import { startMiniProgram, type MiniProgram } from './mini-program';
import { subscribeRuleBreaches } from './subscribe-rule';

jest.setTimeout(60_000);

let mp: MiniProgram;
let guard: ConsoleGuard;
beforeAll(async () => {
  mp = await startMiniProgram();
  guard = guardConsole();
  mp.as(PLUMBER);
});
afterAll(async () => {
  guard?.restore();
  await mp?.close();
});

const credits = async () => ((await mp.stack.db.collection('staff').where({ openid: PLUMBER }).get()).data[0] as StaffMember).credits;
const staffIds = async () => {
  const whoami = await mp.stack.must(PLUMBER)('session.whoami', {});
  return STAFF_TEMPLATES.map((k) => whoami.templates.staff.find((r) => r.key === k)!.id);
};

it('the inbox asks nothing when it opens, and asks inside the tap on 开启提醒', async () => {
  const before = await credits();
  const inbox = await mp.open('staff/inbox/index');
  expect(mp.subscribeRequests).toEqual([]);
  await inbox.tap('开启提醒');
  await mp.waitFor(() => mp.toasts.includes('已开启提醒'));
  expect(mp.subscribeRequests).toEqual([{ tmplIds: await staffIds(), inTap: true, route: 'staff/inbox/index' }]);
  expect(mp.calls.find((c) => c.action === 'subscription.grant')?.reply).toEqual({ ok: true });
  expect((await credits()).task_assigned).toBe((before.task_assigned ?? 0) + 1);
  expect(mp.toasts).toContain('已开启提醒');
  inbox.close();
  expect(guard.take()).toEqual([]);
});

it('接单 asks inside its tap, then accepts the task', async () => {
  const ticket = await submitRepair(mp.stack);
  const asked = mp.subscribeRequests.length;
  const task = await mp.open('staff/task/index', { id: ticket.id });
  await task.tap('接单');
  await mp.waitFor(() => mp.calls.some((c) => c.action === 'task.accept' && c.reply));
  expect(mp.subscribeRequests.slice(asked)).toEqual([{ tmplIds: await staffIds(), inTap: true, route: 'staff/task/index' }]);
  expect(mp.calls.find((c) => c.action === 'task.accept')?.reply).toEqual({ ok: true });
  expect((await mp.stack.must(PLUMBER)('ticket.get', { ticketId: ticket.id })).ticket.state).toBe('accepted');
  task.close();
  expect(guard.take()).toEqual([]);
});

it('every request of this file was made in a tap, for 1–3 templates', () => {
  expect(mp.subscribeRequests.length).toBeGreaterThan(0);
  expect(subscribeRuleBreaches(mp.subscribeRequests)).toEqual([]);
});
