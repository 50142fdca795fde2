import { isRunning } from '../sla/clocks';
import type { Policy } from '../sla/policy';
import { formatLocal } from '../sla/time';
import type { ClockName, Ticket } from './model';

/**
 * The owner learns who handles the ticket, and their phone, once that person has accepted it:
 * an accept after the last dispatch (an IC card's identity check is the desk's accept; the
 * technician engineering's routing gives it to next is shown once they take it).
 */
export const ownerSeesHandler = (t: Pick<Ticket, 'history'>): boolean => {
  for (let i = t.history.length - 1; i >= 0; i--) {
    if (t.history[i].event === 'accept') return true;
    if (t.history[i].event === 'dispatch') return false;
  }
  return false;
};

/** "10:15" today, "11月23日 10:15" another day: how people say a time. */
export const sayTime = (at: number, now: number, policy: Policy): string => {
  const offset = policy.utcOffsetMinutes;
  const sameDay = formatLocal(at, offset, 'YYYYMMDD') === formatLocal(now, offset, 'YYYYMMDD');
  return sameDay ? formatLocal(at, offset, 'HH:mm') : formatLocal(at, offset, 'M月D日 HH:mm');
};

const sentence = (t: Ticket, clock: ClockName, due: number, now: number, policy: Policy): string | null => {
  const at = sayTime(due, now, policy);
  const who = t.assignee && ownerSeesHandler(t) ? t.assignee.name : '';
  switch (clock) {
    case 'dispatch':
      if (t.kind === 'card') return `前台将在 ${at} 前核验您的身份`;
      if (t.kind === 'complaint') return `预计 ${at} 前转交管家受理`;
      return `预计 ${at} 前为您派单`;
    case 'onSite':
      if (t.appointment && t.appointment.end === due) {
        return `${who || '师傅'}将在您预约的 ${sayTime(t.appointment.start, now, policy)}–${formatLocal(t.appointment.end, policy.utcOffsetMinutes, 'HH:mm')} 上门`;
      }
      return `${who || '师傅'}预计 ${at} 前上门`;
    case 'reply':
      return `${who || '管家'}将在 ${at} 前答复您`;
    case 'issue': {
      // After the desk's identity check: engineering does the card (003 #11).
      const work = t.card?.action === 'lost' ? '办好挂失' : t.card?.action === 'reissue' ? '补办好新卡' : '开通';
      return who ? `${who}将在 ${at} 前为您${work}` : `身份已核验，工程人员将在 ${at} 前为您${work}`;
    }
    case 'return':
    case 'repair':
      return `${who || '师傅'}预计 ${at} 前修好`;
    case 'progress':
      return null; // the housekeeper's rhythm of reports; the owner's promise is the reply time
    case 'report':
      return null;
    case 'callback':
      return null; // the rating form itself asks the owner
  }
};

/**
 * The next thing promised to the owner, in plain words, from the clock that runs out first.
 * Breached promises are not repeated as if still ahead: the owner is told we are on it.
 */
export const ownerPromise = (t: Ticket, now: number, policy: Policy): string | null => {
  const running = (Object.entries(t.clocks) as [ClockName, NonNullable<Ticket['clocks'][ClockName]>][])
    .filter(([, c]) => isRunning(c))
    .sort((a, b) => a[1].dueAt - b[1].dueAt);
  const paused = running.find(([name, c]) => name !== 'callback' && c.pausedAt !== undefined);
  if (paused) return `计时已暂停：${paused[1].pauseReason ?? '等待您的确认'}`;
  for (const [clock, c] of running) {
    const said = sentence(t, clock, c.dueAt, now, policy);
    if (said === null) continue;
    if (clock !== 'callback' && c.dueAt < now) return '已超出承诺时间，我们正在加紧处理，给您带来不便敬请谅解';
    return said;
  }
  return null;
};
