/** What `db:setup` needs to reach a CloudBase environment. */
export interface SetupSettings {
  envId: string;
  secretId: string;
  secretKey: string;
  /** Only for temporary (STS) keys. */
  sessionToken?: string;
}

/** The same names manager-node itself reads from the environment, plus the project's env id. */
export const SETTING_NAMES = {
  envId: 'CLOUD_ENV_ID',
  secretId: 'TENCENTCLOUD_SECRETID',
  secretKey: 'TENCENTCLOUD_SECRETKEY',
  sessionToken: 'TENCENTCLOUD_SESSIONTOKEN',
} as const;

export type SettingsResult = { ok: true; settings: SetupSettings } | { ok: false; missing: string[] };

export const readSettings = (env: NodeJS.ProcessEnv): SettingsResult => {
  const value = (name: string) => env[name]?.trim() ?? '';
  const required = [SETTING_NAMES.envId, SETTING_NAMES.secretId, SETTING_NAMES.secretKey];
  const missing = required.filter((name) => !value(name));
  if (missing.length) return { ok: false, missing };
  const token = value(SETTING_NAMES.sessionToken);
  return {
    ok: true,
    settings: {
      envId: value(SETTING_NAMES.envId),
      secretId: value(SETTING_NAMES.secretId),
      secretKey: value(SETTING_NAMES.secretKey),
      ...(token ? { sessionToken: token } : {}),
    },
  };
};

export const missingSettingsMessage = (missing: readonly string[]): string =>
  [
    `缺少设置：${missing.join('、')}`,
    `Missing settings: ${missing.join(', ')}`,
    '',
    '请在仓库根目录的 .env 文件（可从 .env.example 复制）或环境变量中填写：',
    'Set them in .env at the repository root (copy .env.example) or in the environment:',
    `  ${SETTING_NAMES.envId}=<云开发环境 ID / CloudBase env id>`,
    `  ${SETTING_NAMES.secretId}=<腾讯云 API 密钥 SecretId>`,
    `  ${SETTING_NAMES.secretKey}=<腾讯云 API 密钥 SecretKey>`,
    '密钥在 腾讯云控制台 → 访问管理 → API 密钥管理 创建；子账号需有云开发（TCB）的管理权限。',
    'Keys: Tencent Cloud console → CAM → API keys; a sub-account needs CloudBase (TCB) admin rights.',
  ].join('\n');
