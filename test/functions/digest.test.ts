/**
 * The morning digests on the real stack: the use case run on the stack's database at chosen
 * instants (a working Monday, a holiday), and the timer entry called as its trigger calls it.
 */
import { nextOpening } from '@/core/sla/calendar';
import { DEFAULT_POLICY, HOUR } from '@/core/sla/policy';
import { withCalendar } from '@/server/calendar-cache';
import { defaultDeps } from '@/server/deps';
import { dailyDigest } from '@/server/usecases/digest';
import { ALL_OWNER_TEMPLATES, FRONT_DESK, LIN_UNIT, OWNER, startTestStack, SUPERVISOR, type TestStack } from './local-stack';


let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

/** China wall-clock time as an instant. */
const local = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min) - 8 * HOUR;
/** The digest at `at`, with the working calendar the function itself would read. */
const digestAt = async (at: number) => {
  const deps = { ...defaultDeps(), now: () => at };
  return dailyDigest(deps, await withCalendar(deps, DEFAULT_POLICY));
};
const pushedTo = (openid: string) => s.stack.emulator.messages().filter((m) => m.touser === openid && m.templateId === 'local-daily_digest');

describe('daily digests', () => {
  it('on a working morning: the desk gets the open repairs, the supervisor the register; staff open their task list', async () => {
    const { ticket } = await s.must(OWNER)('repair.submit', { unitId: LIN_UNIT, category: 'drain', description: '下水道堵塞', grantedTemplates: [...ALL_OWNER_TEMPLATES] });
    // The next working morning after it was submitted, whatever day the test runs.
    const at = nextOpening(ticket.createdAt + 12 * HOUR, DEFAULT_POLICY.workingHours, DEFAULT_POLICY.utcOffsetMinutes, (await withCalendar(defaultDeps(), DEFAULT_POLICY)).calendar);
    s.stack.emulator.clearMessages();
    const report = await digestAt(at);
    expect(report.skipped).toBe(false);
    expect(report.desk).toMatchObject({ open: 1, unassigned: 0, oldest: [ticket.no] });
    expect(report.sent).toBe(2);
    const [desk] = pushedTo(FRONT_DESK);
    expect(desk).toMatchObject({ page: 'staff/inbox/index', errcode: 0 });
    expect(desk.data).toMatchObject({ thing1: { value: '每日待跟进报修' } });
    expect((desk.data as Record<string, { value: string }>).thing2.value).toMatch(/^待跟进1单，超时\d单，待派0单$/);
    expect(pushedTo(SUPERVISOR)).toHaveLength(1);
  });

  it('on a holiday nothing is sent (国庆 2026-10-02)', async () => {
    s.stack.emulator.clearMessages();
    expect(await digestAt(local(2026, 10, 2, 8, 30))).toEqual({ skipped: true, desk: null, register: null, sent: 0 });
    expect(s.stack.emulator.messages()).toEqual([]);
  });

  it('the timer entry refuses a user and runs for its trigger', async () => {
    const event = { Type: 'Timer', TriggerName: 'workingMorning', Time: new Date().toISOString(), Message: '' };
    expect(await s.post('digest', event, FRONT_DESK)).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN' });
    expect(await s.post('digest', event)).toMatchObject({ ok: true });
  });
});
