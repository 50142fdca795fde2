export * from './actions';
export * from './envelope';
export * from './fields';
export * from './views';
