/** KPIs: ticket facts → mergeable tallies → figures, by group and trend bucket, as CSV. Pure. */
export * from './clock-outcomes';
export * from './facts';
export * from './tally';
export * from './figures';
export * from './group';
export * from './csv';
export * from './labels';
export * from './compact';
export * from './scope';
export * from './drill';
