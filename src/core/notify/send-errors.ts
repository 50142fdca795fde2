/**
 * What WeChat's subscribeMessage.send answers mean for the outbox (documented error codes).
 * sent: done. no_credit: the recipient's one-time credit is gone (don't retry, zero the credit).
 * rejected: the message itself is wrong (template, openid, data, page) — retrying cannot help.
 * uncertain: no answer in time; WeChat may have delivered it and has no idempotency key, so it is
 * never sent again (a message must never reach someone twice for one event).
 * retry: anything else (system busy, rate limits, a failed connection): try again with backoff.
 */
export type SendOutcome = 'sent' | 'no_credit' | 'rejected' | 'uncertain' | 'retry';

/**
 * Our own answer when a send is not answered within the policy's timeout. WeChat's codes are 0,
 * -1 (system busy) and positive numbers, so -2 cannot be mistaken for one of them.
 */
export const SEND_TIMEOUT = { errcode: -2, errmsg: 'timeout' } as const;

export const SEND_ERRORS: Readonly<Record<number, { outcome: SendOutcome; meaning: string }>> = {
  0: { outcome: 'sent', meaning: '已发送' },
  [SEND_TIMEOUT.errcode]: { outcome: 'uncertain', meaning: '发送超时，可能未送达' },
  43101: { outcome: 'no_credit', meaning: '用户未授权或提醒次数已用完' },
  47003: { outcome: 'rejected', meaning: '模板参数不合规' },
  40037: { outcome: 'rejected', meaning: '模板ID不正确' },
  40003: { outcome: 'rejected', meaning: '接收者openid不正确' },
  41030: { outcome: 'rejected', meaning: '跳转页面不存在或小程序未发布' },
};

export const sendOutcome = (errcode: number): SendOutcome => SEND_ERRORS[errcode]?.outcome ?? 'retry';
