export * from './actions';
export * from './envelope';
export { readRequest } from './request';
export * from './fields';
export * from './people';
export * from './template-refs';
export * from './views';
