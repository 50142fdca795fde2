import type { ClockOutcome, KpiClock } from './clock-outcomes';
import type { CallbackSource, Outcome } from './facts';

/** What the dashboard and the CSV call each metric (月度统计). */
export const METRIC_LABELS = {
  volume: '工单量',
  requests: '业主请求数',
  subtasks: '协办单数',
  open: '处理中',
  closed: '已完成',
  cancelled: '已取消',
  referred: '已转介',
  completionRate: '完成率',
  onTime: '及时率',
  callbackRate: '回访率',
  callbacksOwner: '业主评价数',
  callbacksPhone: '电话回访数',
  callbacksAuto: '未回访自动结单数',
  callbacksDue: '应回访数',
  satisfactionHandling: '处理满意率',
  satisfactionStaff: '人员满意率',
  reopenRate: '返修率',
  reopens: '返修次数',
  complaints: '投诉数',
  complaintsAboutStaff: '投诉人员数',
  timeDispatch: '派单用时',
  timeArrive: '到场用时',
  timeReturn: '完工用时',
  timeClose: '结单用时',
  cardTurnaround: 'IC卡办理用时',
} as const;

export type MetricKey = keyof typeof METRIC_LABELS;

/** Each clock's on-time rate, by name: "派单及时率" … */
export const KPI_CLOCK_LABELS: Record<KpiClock, string> = {
  dispatch: '派单及时率',
  verify: 'IC卡核验及时率',
  onSite: '到场及时率',
  return: '返单及时率',
  repairSmall: '公区小修及时率',
  repairMedium: '公区中修及时率',
  repairMajor: '公区大修及时率',
  report: '暂不能修复报告及时率',
  progress: '投诉进展汇报及时率',
  reply: '投诉答复及时率',
  issue: 'IC卡办卡及时率',
  callback: '回访及时率',
};

export const CLOCK_OUTCOME_LABELS: Record<ClockOutcome, string> = { met: '按时', missed: '超时', running: '计时中', void: '不计' };

export const OUTCOME_LABELS: Record<Outcome, string> = { open: '处理中', closed: '已完成', cancelled: '已取消', referred: '已转介' };

export const CALLBACK_LABELS: Record<CallbackSource, string> = { owner: '业主评价', phone: '电话回访', auto: '未回访结单', none: '未回访' };

/** Averages and percentiles read as "平均" and "90%用时". */
export const AVG_LABEL = '平均';
export const P90_LABEL = '90%分位';

/** The breakdowns of the dashboard. */
export const DIMENSION_LABELS = { community: '小区', kind: '类型', team: '班组', staff: '人员' } as const;

/** The dashboard's ready-made ranges (本周, 本月, 上月, 近12周, 近6个月) and a custom one. */
export const KPI_PERIODS = ['thisWeek', 'thisMonth', 'lastMonth', 'last12Weeks', 'last6Months', 'custom'] as const;
export type KpiPeriod = (typeof KPI_PERIODS)[number];

export const KPI_PERIOD_LABELS: Record<KpiPeriod, string> = {
  thisWeek: '本周',
  thisMonth: '本月',
  lastMonth: '上月',
  last12Weeks: '近12周',
  last6Months: '近6个月',
  custom: '自定义',
};
