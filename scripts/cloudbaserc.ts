/**
 * cloudbaserc.json, the CloudBase CLI's deploy configuration (`tcb fn deploy`), as the code
 * defines it: one entry per built function with its timeout, timer triggers and every setting the
 * functions read, each taken from .env by the CLI's dynamic variables (`{{env.X}}`, config
 * version 2.0). The file is committed, since the CLI reads it from the repository root;
 * test/build/deploy-config.test.ts keeps it equal to what this script writes.
 * `npx tsx scripts/cloudbaserc.ts` rewrites it after a function, trigger or setting changes.
 *
 * Format: https://docs.cloudbase.net/cli-v1/config and https://docs.cloudbase.net/cli-v1/functions/configs
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { FUNCTION_SETTINGS } from '../src/server/env';
import { functionTimeoutMs } from '../src/server/triggers';
import { functionConfig, functionNames } from './build-functions';

/** The Node.js runtime the functions run on; scripts/build-functions.ts bundles for the same major (node18). */
export const FUNCTION_RUNTIME = 'Nodejs18.15';

const envVariables = () => Object.fromEntries(FUNCTION_SETTINGS.map((name) => [name, `{{env.${name}}}`]));

export const cloudbaserc = () => ({
  version: '2.0',
  envId: '{{env.CLOUD_ENV_ID}}',
  functionRoot: 'dist/cloudfunctions',
  functions: functionNames()
    .sort()
    .map((name) => {
      const { triggers } = functionConfig(name) as { triggers?: unknown[] };
      return {
        name,
        handler: 'index.main',
        runtime: FUNCTION_RUNTIME,
        installDependency: true,
        timeout: functionTimeoutMs(name) / 1000,
        envVariables: envVariables(),
        ...(triggers ? { triggers } : {}),
      };
    }),
});

export const cloudbasercText = () => JSON.stringify(cloudbaserc(), null, 2) + '\n';

if (require.main === module) {
  writeFileSync(path.resolve(__dirname, '..', 'cloudbaserc.json'), cloudbasercText());
  console.log('cloudbaserc.json written');
}
