import { keepNewest, PUSH_FAILURES_KEPT, pushFailureLine } from '@/core/notify/push-failures';
import type { PushFailure } from '@/core/tickets/model';

const failure = (over: Partial<PushFailure> = {}): PushFailure => ({
  messageId: 't1.1.0',
  template: 'task_assigned',
  recipient: 'assignee',
  staffId: 's-tech-wang',
  recipientName: '王师傅',
  errcode: null,
  reason: 'no_credit',
  at: 1,
  ...over,
});

describe('a message that did not reach someone, in the staff’s words', () => {
  it.each<[Partial<PushFailure>, string]>([
    [{}, '王师傅 · 新任务提醒未送达：提醒次数已用完'],
    [{ errcode: 43101 }, '王师傅 · 新任务提醒未送达：提醒次数已用完'],
    [{ reason: 'rejected', errcode: 47003 }, '王师傅 · 新任务提醒未送达：模板参数不合规'],
    [{ reason: 'rejected', errcode: 40037 }, '王师傅 · 新任务提醒未送达：模板ID不正确'],
    [{ reason: 'uncertain', errcode: -2 }, '王师傅 · 新任务提醒未确认送达：发送超时，可能未送达'],
    [{ reason: 'gave_up', errcode: -1 }, '王师傅 · 新任务提醒未送达：多次重试失败'],
    [{ recipient: 'owner', recipientName: undefined, staffId: undefined, template: 'order_accepted', errcode: 43101 }, '业主 · 接单通知未送达：提醒次数已用完'],
    [{ recipient: 'staff', recipientName: undefined, template: 'sla_escalation', reason: 'gave_up', errcode: -1 }, '相关同事 · 工单超时提醒未送达：多次重试失败'],
  ])('%o → %s', (over, line) => {
    expect(pushFailureLine(failure(over))).toBe(line);
  });
});

describe('the ticket keeps the newest failures only', () => {
  it('appends in order and drops the oldest beyond the bound', () => {
    const many = Array.from({ length: PUSH_FAILURES_KEPT + 5 }, (_, i) => failure({ messageId: `m${i}`, at: i }));
    const kept = keepNewest(many.slice(0, 10), many.slice(10));
    expect(kept).toHaveLength(PUSH_FAILURES_KEPT);
    expect(kept[0].messageId).toBe('m5');
    expect(kept.at(-1)!.messageId).toBe(`m${PUSH_FAILURES_KEPT + 4}`);
  });

  it('starts from nothing on tickets saved before the list existed', () => {
    expect(keepNewest(undefined, [failure()])).toEqual([failure()]);
    expect(keepNewest(undefined, [])).toEqual([]);
  });
});
