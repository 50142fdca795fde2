// Local CloudBase emulator: the real @cloudbase/node-sdk, pointed at it with
// tcb.init({ env, serviceUrl }), runs unchanged.
export { startEmulator, type RunningEmulator, type StartEmulatorOptions } from './server';
export { createEmulator, type Emulator, type EmulatorControl, type EmulatorOptions } from './emulator';
export type { CollectionDeclaration, IndexDeclaration } from './indexes';
export { TRANSACTION_LIFETIME_MS } from './transactions';
export { FunctionNotFoundError, type FunctionInvoker } from './function-invoker';
export { buildScfContext, devOpenidOf, BadDevOpenidError, DEV_OPENID_HEADER, LOCAL_APPID, LOCAL_ENV_ID, type ScfContext } from './scf-context';
export { SDK_PATH } from './sdk-endpoint';
export type { StatsSnapshot } from './stats';
export type { FaultSpec, SubscribeMessageRecord } from './wx-api';
