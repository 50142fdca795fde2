import { parseFieldKeys, type FieldKeys } from '../core/notify/field-keys';
import { TEMPLATES, TEMPLATE_KEYS, templateEnvName, type TemplateKey } from '../core/notify/templates';
import { DEFAULT_POLICY, type Policy } from '../core/sla/policy';
import { withSettings } from '../core/sla/settings';

/**
 * The functions' settings, read from their environment (cloudbaserc.json maps each one to the
 * value in .env; .env.example says what each is for). Checked in plain code rather than zod: the
 * timer functions bundle no zod, and these few checks are not worth 18 KB of their cold start.
 */
export interface ServerConfig {
  /** Set only by the local stack: where the emulator listens. */
  serviceUrl: string | undefined;
  envId: string | undefined;
  templateIds: Record<TemplateKey, string>;
  /** Per template, WeChat's keyword key for each field whose key differs from ours (optional). */
  templateFields: Partial<Record<TemplateKey, FieldKeys>>;
  /** Opened version of the mini-program the message links into. */
  miniprogramState: MiniprogramState;
  /** IC card reissue fee (补办成本费), in fen; undefined keeps the policy's. */
  reissueFeeFen: number | undefined;
}

export const MINIPROGRAM_STATES = ['developer', 'trial', 'formal'] as const;
export type MiniprogramState = (typeof MINIPROGRAM_STATES)[number];

/** Settings with no template: the state messages open and the reissue fee; both optional. */
export const MINIPROGRAM_STATE = 'MINIPROGRAM_STATE';
export const CARD_REISSUE_FEE_YUAN = 'CARD_REISSUE_FEE_YUAN';
/** The fee a company may ask at most: a typo (5000 for 50) must not reach an owner. */
export const MAX_REISSUE_FEE_YUAN = 1000;

/** `TEMPLATE_FIELDS_<KEY>`: the keys of a template whose keywords WeChat numbered differently. */
export const templateFieldsEnvName = (key: TemplateKey): string => `TEMPLATE_FIELDS_${key.toUpperCase()}`;

/** The settings a production function cannot start without. */
export const REQUIRED_SETTINGS: readonly string[] = TEMPLATE_KEYS.map(templateEnvName);

/** Every setting a function reads, as cloudbaserc.json must pass it to each function. */
export const FUNCTION_SETTINGS: readonly string[] = [
  ...REQUIRED_SETTINGS,
  ...TEMPLATE_KEYS.map(templateFieldsEnvName),
  MINIPROGRAM_STATE,
  CARD_REISSUE_FEE_YUAN,
];

/** One error naming every missing or malformed setting, so one deploy fixes them all. */
export class SettingsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(
      '云函数配置不完整 / missing or invalid settings:\n' +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\n请在 .env 中填写后重新部署 / set them in .env (see .env.example) and deploy again (tcb fn deploy).',
    );
    this.name = 'SettingsError';
  }
}

/** Unset: absent, blank, or a `{{env.X}}` placeholder the CLI left unresolved. */
const valueOf = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value && !/^\{\{.*\}\}$/.test(value) ? value : undefined;
};

const YUAN = /^\d+(\.\d{1,2})?$/;

/**
 * The settings, or a SettingsError listing every problem. `local` (the local stack and the tests)
 * fills missing template ids with readable fake ones; in the cloud every template id is required.
 * Malformed values are errors in both.
 */
export const readConfig = (env: NodeJS.ProcessEnv = process.env, local = !!env.CLOUDBASE_SERVICE_URL): ServerConfig => {
  const problems: string[] = [];

  const templateIds = {} as Record<TemplateKey, string>;
  for (const key of TEMPLATE_KEYS) {
    const name = templateEnvName(key);
    const id = valueOf(env, name) ?? (local ? `local-${key}` : undefined);
    if (id) templateIds[key] = id;
    else problems.push(`${name} (订阅消息「${TEMPLATES[key].title}」的模板 ID / template id): 未设置 / not set`);
  }

  const templateFields: Partial<Record<TemplateKey, FieldKeys>> = {};
  for (const key of TEMPLATE_KEYS) {
    const text = valueOf(env, templateFieldsEnvName(key));
    if (text === undefined) continue;
    const parsed = parseFieldKeys(key, text);
    if ('keys' in parsed) templateFields[key] = parsed.keys;
    else problems.push(`${templateFieldsEnvName(key)} (「${TEMPLATES[key].title}」的字段对应 / field keys): ${parsed.problem}`);
  }

  const state = valueOf(env, MINIPROGRAM_STATE) ?? 'formal';
  const miniprogramState = MINIPROGRAM_STATES.find((s) => s === state);
  if (!miniprogramState) {
    problems.push(`${MINIPROGRAM_STATE} (消息打开的小程序版本 / version messages open): 应为 ${MINIPROGRAM_STATES.join(' | ')}，现为 / got "${state}"`);
  }

  const fee = valueOf(env, CARD_REISSUE_FEE_YUAN);
  let reissueFeeFen: number | undefined;
  if (fee !== undefined) {
    if (YUAN.test(fee) && Number(fee) <= MAX_REISSUE_FEE_YUAN) reissueFeeFen = Math.round(Number(fee) * 100);
    else problems.push(`${CARD_REISSUE_FEE_YUAN} (IC 卡补办成本费，元 / card reissue fee in yuan): 应为 0–${MAX_REISSUE_FEE_YUAN} 的金额，最多两位小数，现为 / got "${fee}"`);
  }

  if (problems.length > 0) throw new SettingsError(problems);
  return {
    serviceUrl: env.CLOUDBASE_SERVICE_URL || undefined,
    // Set by the platform; unset, the SDK uses the environment the function runs in.
    envId: env.TCB_ENV || undefined,
    templateIds,
    templateFields,
    miniprogramState: miniprogramState!,
    reissueFeeFen,
  };
};

let localStackExpected = false;

/**
 * Called by the local stack (src/local) before it loads the functions: it sets their environment
 * (CLOUDBASE_SERVICE_URL) only once it starts, after the modules have loaded.
 */
export const expectLocalStack = (): void => {
  localStackExpected = true;
};

/**
 * The settings, checked when a function's module loads (createFunction, createTimerFunction): a
 * deployment with missing settings fails at once, in the function's log, naming all of them,
 * instead of on the first message it sends.
 */
export const settingsAtStart = (env: NodeJS.ProcessEnv = process.env): ServerConfig =>
  readConfig(env, !!env.CLOUDBASE_SERVICE_URL || localStackExpected);

/** The policy a function runs with: the standards' defaults with the deployment's settings, checked at start. */
export const policyAtStart = (env: NodeJS.ProcessEnv = process.env): Policy => withSettings(DEFAULT_POLICY, settingsAtStart(env));
