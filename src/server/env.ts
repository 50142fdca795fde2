import { TEMPLATE_KEYS, templateEnvName, type TemplateKey } from '../core/notify/templates';

/**
 * Server configuration, read from the function's environment. Template ids differ per
 * mini-program, so they are never in code; locally they default to readable fake ids.
 */
export interface ServerConfig {
  /** Set only by the local stack: where the emulator listens. */
  serviceUrl: string | undefined;
  envId: string | undefined;
  templateIds: Record<TemplateKey, string>;
  /** Opened version of the mini-program the message links into. */
  miniprogramState: 'developer' | 'trial' | 'formal';
}

export const readConfig = (env: NodeJS.ProcessEnv = process.env): ServerConfig => {
  const local = !!env.CLOUDBASE_SERVICE_URL;
  const templateIds = {} as Record<TemplateKey, string>;
  for (const key of TEMPLATE_KEYS) templateIds[key] = env[templateEnvName(key)] ?? (local ? `local-${key}` : '');
  const state = env.MINIPROGRAM_STATE;
  return {
    serviceUrl: env.CLOUDBASE_SERVICE_URL || undefined,
    envId: env.TCB_ENV || env.CLOUDBASE_ENV_ID || undefined,
    templateIds,
    miniprogramState: state === 'developer' || state === 'trial' ? state : 'formal',
  };
};
