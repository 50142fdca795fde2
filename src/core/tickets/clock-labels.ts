import type { ClockName } from './model';

/** What staff call each clock (服务时限). */
export const CLOCK_LABELS: Record<ClockName, string> = {
  dispatch: '派单时限',
  onSite: '到场时限',
  return: '返单时限',
  repair: '维修时限',
  report: '暂不能修复报告时限',
  progress: '进展汇报时限',
  reply: '答复时限',
  issue: '办卡时限',
  callback: '回访时限',
};
