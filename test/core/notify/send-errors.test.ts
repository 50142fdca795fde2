import { SEND_ERRORS, SEND_TIMEOUT, sendOutcome } from '@/core/notify/send-errors';

describe('what a send answer means', () => {
  it('a timeout is its own answer: uncertain, never a retry (WeChat may have delivered it)', () => {
    expect(SEND_TIMEOUT).toEqual({ errcode: -2, errmsg: 'timeout' });
    expect(sendOutcome(SEND_TIMEOUT.errcode)).toBe('uncertain');
    expect(SEND_ERRORS[SEND_TIMEOUT.errcode].meaning).toBe('发送超时，可能未送达');
  });

  it('WeChat’s own system error stays retryable: it did not deliver', () => {
    expect(sendOutcome(-1)).toBe('retry');
  });

  it('only the timeout code is uncertain', () => {
    const uncertain = Object.entries(SEND_ERRORS).filter(([, e]) => e.outcome === 'uncertain').map(([code]) => Number(code));
    expect(uncertain).toEqual([SEND_TIMEOUT.errcode]);
  });
});
