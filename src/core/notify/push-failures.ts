import type { PushFailure } from '../tickets/model';
import { SEND_ERRORS } from './send-errors';
import { TEMPLATES } from './templates';

/** Failures a ticket keeps: enough to see what went wrong lately, few enough to keep the document small. */
export const PUSH_FAILURES_KEPT = 20;

/** The ticket's failures after adding `added`: oldest first, the newest PUSH_FAILURES_KEPT only. */
export const keepNewest = (earlier: readonly PushFailure[] | undefined, added: readonly PushFailure[]): PushFailure[] =>
  [...(earlier ?? []), ...added].slice(-PUSH_FAILURES_KEPT);

/** Who, when the message does not name the person (an escalation names only a staff id). */
const RECIPIENT_WORDS: Record<PushFailure['recipient'], string> = { owner: '业主', assignee: '处理人', staff: '相关同事' };

/** Why, in the staff's words. */
export const pushFailureReason = (f: Pick<PushFailure, 'reason' | 'errcode'>): string => {
  switch (f.reason) {
    case 'no_credit':
      return '提醒次数已用完';
    case 'rejected':
      return (f.errcode !== null && SEND_ERRORS[f.errcode]?.meaning) || '消息被微信拒绝';
    case 'uncertain':
      return '发送超时，可能未送达';
    case 'gave_up':
      return '多次重试失败';
  }
};

/** One line for the staff task page, e.g. "王师傅 · 新任务提醒未送达：提醒次数已用完". */
export const pushFailureLine = (f: PushFailure): string => {
  const who = f.recipientName ?? RECIPIENT_WORDS[f.recipient];
  // A timed-out send may have arrived: say "not confirmed", not "not delivered".
  const status = f.reason === 'uncertain' ? '未确认送达' : '未送达';
  return `${who} · ${TEMPLATES[f.template].title}${status}：${pushFailureReason(f)}`;
};
