/**
 * Part of `npm run build`: puts the mini-program's appid (WX_APPID, from the environment or .env)
 * into project.private.config.json, which WeChat DevTools reads over project.config.json
 * ("project.private.config.json 中的相同设置优先级高于 project.config.json", appid included:
 * https://developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html). The committed
 * project.config.json keeps the placeholder appid and stays unchanged; the private file is
 * git-ignored and keeps whatever else DevTools wrote into it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { DOTENV } from './dotenv';

const root = path.resolve(__dirname, '..');
export const PRIVATE_CONFIG = path.join(root, 'project.private.config.json');

/** An appid as WeChat issues them: "wx" and 16 hexadecimal digits. */
export const APPID = /^wx[0-9a-f]{16}$/;

/** WX_APPID from the environment, else from .env; undefined when neither sets it. */
export const configuredAppid = (env: NodeJS.ProcessEnv = process.env, dotenvFile = DOTENV): string | undefined => {
  const fromFile = existsSync(dotenvFile) ? parseEnv(readFileSync(dotenvFile, 'utf8')).WX_APPID : undefined;
  return (env.WX_APPID || fromFile || '').trim() || undefined;
};

/** The private config with `appid` set, the rest of an existing file kept. */
export const withAppid = (existing: Record<string, unknown>, appid: string) => ({
  description: '项目私有配置：appid 由 npm run build 从 WX_APPID 写入 / private config: appid written by npm run build from WX_APPID',
  ...existing,
  appid,
});

export const writeProjectConfig = (appid: string | undefined, file = PRIVATE_CONFIG): string => {
  if (!appid) return 'WX_APPID not set: WeChat DevTools opens the project with the appid of project.config.json (tourist mode).';
  if (!APPID.test(appid)) throw new Error(`WX_APPID "${appid}" is not a mini-program appid (wx + 16 hex digits) / WX_APPID 格式不对`);
  const existing = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, JSON.stringify(withAppid(existing, appid), null, 2) + '\n');
  return `${path.basename(file)}: appid ${appid}`;
};

if (require.main === module) {
  try {
    console.log(writeProjectConfig(configuredAppid()));
  } catch (e) {
    console.error((e as Error).message);
    process.exit(1);
  }
}
