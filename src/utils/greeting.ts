import { chinaParts } from './time';

/** 早上好 / 上午好 / 中午好 / 下午好 / 晚上好, by the hour in China. */
export const greetingFor = (now: number): string => {
  const h = chinaParts(now).hour;
  if (h < 5) return '晚上好';
  if (h < 9) return '早上好';
  if (h < 12) return '上午好';
  if (h < 14) return '中午好';
  if (h < 18) return '下午好';
  return '晚上好';
};
