import { KPI_CLOCKS, type KpiClock } from './clock-outcomes';
import type { TicketFacts } from './facts';
import { KPI_CLOCK_LABELS } from './labels';

/**
 * The tickets behind a number (drill-down): each key names the tickets a figure counts, or those it
 * counts against (超时, 未回访, 不满意 …).
 */
export const KPI_DRILLS = [
  'volume',
  'open',
  'notDone',
  'cancelled',
  'referred',
  ...KPI_CLOCKS.map((c) => `late.${c}` as const),
  'noCallback',
  'unsatisfied.handling',
  'unsatisfied.staff',
  'reopened',
  'aboutStaff',
] as const;
export type KpiDrill = (typeof KPI_DRILLS)[number];

export const KPI_DRILL_LABELS: Record<KpiDrill, string> = {
  volume: '全部工单',
  open: '处理中的工单',
  notDone: '未完成的工单',
  cancelled: '已取消的工单',
  referred: '已转介的工单',
  ...(Object.fromEntries(KPI_CLOCKS.map((c) => [`late.${c}`, `${KPI_CLOCK_LABELS[c].replace(/及时率$/, '')}超时的工单`])) as Record<`late.${KpiClock}`, string>),
  noCallback: '应回访未回访的工单',
  'unsatisfied.handling': '处理不满意的工单',
  'unsatisfied.staff': '人员不满意的工单',
  reopened: '返修过的工单',
  aboutStaff: '投诉人员的工单',
};

const request = (f: TicketFacts) => !f.subtask;

/** Whether a ticket is behind the number `drill` names; the same definitions as figuresOf. */
export const drillMatches = (drill: KpiDrill) => (f: TicketFacts): boolean => {
  if (drill.startsWith('late.')) return f.clocks[drill.slice(5) as KpiClock] === 'missed';
  switch (drill) {
    case 'volume':
      return true;
    case 'open':
    case 'cancelled':
    case 'referred':
      return f.outcome === drill;
    case 'notDone':
      return !f.done && f.outcome !== 'cancelled';
    case 'noCallback':
      return request(f) && f.callbackDue && f.callback !== 'owner' && f.callback !== 'phone';
    case 'unsatisfied.handling':
      return request(f) && !!f.rating && !f.rating.handlingSatisfied;
    case 'unsatisfied.staff':
      return request(f) && !!f.rating && !f.rating.staffSatisfied;
    case 'reopened':
      return request(f) && f.reopenCount > 0;
    case 'aboutStaff':
      return f.kind === 'complaint' && f.aboutStaff !== null;
    default:
      return false;
  }
};
