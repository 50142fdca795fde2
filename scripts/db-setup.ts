/**
 * `npm run db:setup [-- --company <file.json>]`: creates every collection and index the cloud
 * functions need (src/server/database.ts) in the CloudBase environment CLOUD_ENV_ID, sets each
 * collection's security rule (ADMINONLY), and optionally imports communities and staff.
 * Credentials: TENCENTCLOUD_SECRETID / TENCENTCLOUD_SECRETKEY, from the environment or `.env`.
 */
import tcb from '@cloudbase/node-sdk';
import CloudBase from '@cloudbase/manager-node';
import { runSetup } from './db-setup/run';
import { loadDotEnv } from './dotenv';

loadDotEnv();

runSetup(process.argv.slice(2), process.env, {
  manager: (s) => new CloudBase({ secretId: s.secretId, secretKey: s.secretKey, token: s.sessionToken, envId: s.envId }),
  database: (s) => tcb.init({ env: s.envId, secretId: s.secretId, secretKey: s.secretKey, sessionToken: s.sessionToken }).database(),
  out: (text) => console.log(text),
  err: (text) => console.error(text),
}).then((code) => {
  process.exitCode = code;
});
