import tcb from '@cloudbase/node-sdk';
import type { ServerConfig } from './env';

export type CloudApp = ReturnType<typeof tcb.init>;
export type Database = ReturnType<CloudApp['database']>;

/** One SDK instance per warm function instance (and per local stack). */
export const initCloud = (config: ServerConfig): CloudApp =>
  tcb.init({
    env: config.envId ?? tcb.SYMBOL_CURRENT_ENV,
    ...(config.serviceUrl ? { serviceUrl: config.serviceUrl } : {}),
  });

/** The caller's WeChat identity, as the platform put it in the invocation context. */
export const openidFrom = (context: unknown): string => {
  if (!context || typeof context !== 'object') return '';
  try {
    const env = tcb.getCloudbaseContext(context as Parameters<typeof tcb.getCloudbaseContext>[0]) as { WX_OPENID?: string };
    return env.WX_OPENID ?? '';
  } catch {
    return '';
  }
};
