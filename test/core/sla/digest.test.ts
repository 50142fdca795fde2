import { deskDigest, deskDigestLine, registerDigest, registerDigestLine } from '@/core/sla/digest';
import { HOUR, MINUTE, T0, ticketIn } from '../fixtures';

const numbered = <T extends { no: string; createdAt: number }>(t: T, no: string, createdAt: number): T => ({ ...t, no, createdAt });

describe('daily digests', () => {
  it('front desk: open repairs, the breached and the unassigned among them, oldest first', () => {
    const tickets = [
      numbered(ticketIn('dispatched'), 'BX-2', T0 + 2 * MINUTE),
      numbered(ticketIn('submitted'), 'BX-1', T0),
      numbered(ticketIn('closed'), 'BX-9', T0),
      numbered(ticketIn('in_progress'), 'BX-3', T0 + 3 * MINUTE),
    ];
    // An hour later the submitted one is past its dispatch deadline, the dispatched one past on-site.
    const d = deskDigest(tickets, T0 + HOUR);
    expect(d).toEqual({ open: 3, breached: 2, unassigned: 1, oldest: ['BX-1', 'BX-2', 'BX-3'] });
    expect(deskDigestLine(d)).toBe('待跟进3单，超时2单，待派1单');
    expect(deskDigestLine(deskDigest([], T0))).toBe('今日无待跟进报修');
  });

  it('supervisor: yesterday’s register by kind with its anomalies (late, reopened, cancelled)', () => {
    const d = registerDigest([ticketIn('closed'), ticketIn('reopened'), ticketIn('cancelled'), ticketIn('submitted')], T0 + 10 * HOUR);
    expect(d.total).toBe(4);
    expect(d.byKind).toEqual({ repair: 4, complaint: 0, card: 0 });
    // The reopened one is also late: its new on-site clock ran out hours ago.
    expect(d.anomalies.map((a) => a.what)).toEqual(['报修·超时、返修', '报修·已取消', '报修·超时']);
    expect(registerDigestLine(d)).toBe('昨日受理4单，异常3单');
  });
});
