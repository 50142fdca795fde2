/**
 * The deploy configuration checked against what the platforms document:
 * - each built function's config.json, read by WeChat DevTools when it uploads a function;
 * - cloudbaserc.json, read by the CloudBase CLI (`tcb fn deploy`), kept equal to what
 *   scripts/cloudbaserc.ts generates from the code;
 * - project.config.json, read by WeChat DevTools when it opens the repository root, and the
 *   appid step of `npm run build` (scripts/project-config.ts).
 * Needs `npm run build` first (dist/weapp and dist/cloudfunctions).
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import { FUNCTION_SETTINGS } from '@/server/env';
import { CronError, parseCron } from '@/local/timers';
import { cloudbasercText } from '../../scripts/cloudbaserc';
import { configuredAppid, writeProjectConfig } from '../../scripts/project-config';

const root = path.resolve(__dirname, '../..');
const functionsOut = path.join(root, 'dist', 'cloudfunctions');
const readJson = (file: string): unknown => JSON.parse(readFileSync(path.resolve(root, file), 'utf8'));
const builtFunctions = (): string[] => readdirSync(functionsOut).filter((n) => existsSync(path.join(functionsOut, n, 'index.js'))).sort();

/** The problems of a cron expression ([] when it parses), by the parser the local stack fires timers with. */
export const cronProblems = (cron: string): string[] => {
  try {
    parseCron(cron);
    return [];
  } catch (e) {
    if (e instanceof CronError) return [e.message];
    throw e;
  }
};

const trigger = z.strictObject({
  // "最大支持 60 个字符，支持 a-z, A-Z, 0-9, - 和 _。必须以字母开头"
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/),
  // "目前仅支持 timer"
  type: z.literal('timer'),
  config: z.string().refine((cron) => cronProblems(cron).length === 0, { message: 'cron does not parse' }),
});
// "triggers 字段是触发器数组，目前仅支持一个触发器"
const triggers = z.array(trigger).min(1).max(1);
// Seconds, "取值范围 1-60": https://docs.cloudbase.net/cli-v1/functions/configs
const timeout = z.number().int().min(1).max(60);

// config.json: https://developers.weixin.qq.com/miniprogram/dev/wxcloud/guide/functions/triggers.html and
// the openapi permission of subscribeMessage.send (cloud call): https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
const functionConfigJson = z.strictObject({
  permissions: z.strictObject({ openapi: z.array(z.enum(['subscribeMessage.send'])).min(1) }),
  timeout: timeout.optional(),
  triggers: triggers.optional(),
});

// Runtimes of https://docs.cloudbase.net/cloud-function/runtime-support (Node.js)
const RUNTIMES = ['Nodejs16.13', 'Nodejs18.15', 'Nodejs20.19', 'Nodejs22.21', 'Nodejs24.11'] as const;

// cloudbaserc.json: https://docs.cloudbase.net/cli-v1/config (version 2.0, dynamic variables) and
// https://docs.cloudbase.net/cli-v1/functions/configs (function fields)
const cloudbaserc = z.strictObject({
  version: z.enum(['2.0', '2.1']),
  envId: z.string().min(1),
  functionRoot: z.string().min(1),
  functions: z.array(
    z.strictObject({
      // SCF function names: letters, digits, - and _, starting with a letter, at most 60.
      name: z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,59}$/),
      handler: z.string().regex(/^[\w.-]+\.\w+$/),
      runtime: z.enum(RUNTIMES),
      installDependency: z.boolean(),
      timeout: timeout,
      memorySize: z.union([z.literal(128), z.literal(256), z.literal(512), z.literal(1024), z.literal(2048)]).optional(),
      envVariables: z.record(z.string(), z.string()),
      triggers: triggers.optional(),
    }),
  ),
});

// project.config.json: https://developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html
const relativeDir = z.string().refine((p) => !path.isAbsolute(p) && !p.split(/[\\/]/).includes('..'), { message: 'a path inside the repository' });
const projectConfig = z.looseObject({
  miniprogramRoot: relativeDir,
  cloudfunctionRoot: relativeDir,
  compileType: z.literal('miniprogram'),
  appid: z.string().min(1),
  projectname: z.string().min(1),
  setting: z.looseObject({}).optional(),
});

describe('the cron check itself', () => {
  it.each(['0 * * * * * *', '0 30 8 * * * *', '*/5 * * * * * *', '0 0 2 1 * * *', '0 0 9 * * MON-FRI *', '1/10 0,30 8-18 1-15 JAN,JUL 0-6 2026'])('accepts %s', (cron) => {
    expect(cronProblems(cron)).toEqual([]);
  });
  it.each(['0 * * * * *', '60 * * * * * *', '0 0 24 * * * *', '0 0 0 0 * * *', '0 0 0 * 13 * *', '0 0 0 * * 7 *', '0 0 0 * * * 1969', '/5 * * * * * *', '0 0 9-8 * * * *', 'a * * * * * *', '0 0 8 ? * * *', '0 0 8 * * * */0'])(
    'refuses %s',
    (cron) => {
      expect(cronProblems(cron)).not.toEqual([]);
    },
  );
});

describe('deploy configuration', () => {
  beforeAll(() => {
    if (!existsSync(functionsOut)) throw new Error(`${functionsOut} is missing: run \`npm run build\` before this test.`);
  });

  describe('dist/cloudfunctions/*/config.json (WeChat DevTools upload)', () => {
    it('every built function has one', () => {
      expect(builtFunctions().length).toBeGreaterThan(0);
      for (const name of builtFunctions()) expect(existsSync(path.join(functionsOut, name, 'config.json'))).toBe(true);
    });

    it.each(existsSync(functionsOut) ? builtFunctions() : [])('%s: documented fields only, openapi permission, 1–60 s, one timer trigger with a 7-field cron', (name) => {
      const result = functionConfigJson.safeParse(readJson(`dist/cloudfunctions/${name}/config.json`));
      expect(result.error?.issues ?? []).toEqual([]);
    });
  });

  describe('cloudbaserc.json (tcb fn deploy)', () => {
    const rc = () => cloudbaserc.parse(readJson('cloudbaserc.json'));

    it('is what scripts/cloudbaserc.ts generates from the code (run `npx tsx scripts/cloudbaserc.ts` after a change)', () => {
      expect(readFileSync(path.join(root, 'cloudbaserc.json'), 'utf8')).toBe(cloudbasercText());
    });

    it('has the documented shape', () => {
      const result = cloudbaserc.safeParse(readJson('cloudbaserc.json'));
      expect(result.error?.issues ?? []).toEqual([]);
    });

    it('takes the environment id from .env and deploys the built functions folder, the same as WeChat DevTools', () => {
      const { envId, functionRoot } = rc();
      expect(envId).toBe('{{env.CLOUD_ENV_ID}}');
      expect(existsSync(path.join(root, functionRoot))).toBe(true);
      const project = projectConfig.parse(readJson('project.config.json'));
      expect(path.normalize(functionRoot + '/')).toBe(path.normalize(project.cloudfunctionRoot + '/'));
    });

    it('lists every built function, and only those', () => {
      expect(rc().functions.map((f) => f.name).sort()).toEqual(builtFunctions());
    });

    it("each function's handler is its bundle's exported main, its dependencies installed in the cloud", () => {
      const { functionRoot, functions } = rc();
      for (const f of functions) {
        const [file, exported] = f.handler.split('.');
        expect(existsSync(path.join(root, functionRoot, f.name, `${file}.js`))).toBe(true);
        expect(readFileSync(path.join(root, functionRoot, f.name, `${file}.js`), 'utf8')).toMatch(new RegExp(`\\b${exported}:\\(\\)=>`));
        // The SDKs are external to the bundle (see the function's package.json).
        expect(f.installDependency).toBe(true);
      }
    });

    it('runs on the Node.js major the functions are bundled for (scripts/build-functions.ts target)', () => {
      const target = /target:\s*'node(\d+)'/.exec(readFileSync(path.join(root, 'scripts/build-functions.ts'), 'utf8'))?.[1];
      expect(target).toBeDefined();
      for (const f of rc().functions) expect(f.runtime).toMatch(new RegExp(`^Nodejs${target}\\.`));
    });

    it("gives each function its config.json's timeout and triggers, so both ways of deploying agree", () => {
      for (const f of rc().functions) {
        const config = functionConfigJson.parse(readJson(`dist/cloudfunctions/${f.name}/config.json`));
        expect(f.triggers).toEqual(config.triggers);
        if (config.timeout) expect(f.timeout).toBe(config.timeout);
      }
    });

    it('passes every setting the functions read, each from the .env variable of the same name, which .env.example lists', () => {
      const documented = new Set([...readFileSync(path.join(root, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]));
      for (const f of rc().functions) {
        expect(Object.keys(f.envVariables).sort()).toEqual([...FUNCTION_SETTINGS].sort());
        for (const [name, value] of Object.entries(f.envVariables)) {
          expect(value).toBe(`{{env.${name}}}`);
          expect(documented).toContain(name);
        }
      }
      expect(documented).toContain('CLOUD_ENV_ID');
    });
  });

  describe('project.config.json (WeChat DevTools opens the repository root)', () => {
    const project = () => projectConfig.parse(readJson('project.config.json'));

    it('has the documented shape', () => {
      const result = projectConfig.safeParse(readJson('project.config.json'));
      expect(result.error?.issues ?? []).toEqual([]);
    });

    it('miniprogramRoot is the weapp build, with its app.json', () => {
      expect(path.normalize(project().miniprogramRoot + '/')).toBe(path.normalize('dist/weapp/'));
      expect(existsSync(path.join(root, project().miniprogramRoot, 'app.json'))).toBe(true);
    });

    it('cloudfunctionRoot is the built functions, each folder with index.js, package.json and config.json', () => {
      expect(path.normalize(project().cloudfunctionRoot + '/')).toBe(path.normalize('dist/cloudfunctions/'));
      for (const name of builtFunctions()) {
        for (const file of ['index.js', 'package.json', 'config.json']) expect(existsSync(path.join(root, project().cloudfunctionRoot, name, file))).toBe(true);
      }
    });
  });
});

describe('the appid step of npm run build (scripts/project-config.ts)', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'project-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('takes WX_APPID from the environment over .env, from .env otherwise, and nothing when neither has it', () => {
    const dotenv = path.join(dir, '.env');
    writeFileSync(dotenv, '# comment\nCLOUD_ENV_ID=prod-1\nWX_APPID=wx00000000000000aa\n');
    expect(configuredAppid({}, dotenv)).toBe('wx00000000000000aa');
    expect(configuredAppid({ WX_APPID: 'wx00000000000000bb' }, dotenv)).toBe('wx00000000000000bb');
    expect(configuredAppid({}, path.join(dir, 'none'))).toBeUndefined();
    writeFileSync(dotenv, 'WX_APPID=\n');
    expect(configuredAppid({}, dotenv)).toBeUndefined();
  });

  it("writes the appid into project.private.config.json, keeping what DevTools wrote there", () => {
    const file = path.join(dir, 'project.private.config.json');
    writeFileSync(file, JSON.stringify({ setting: { urlCheck: false }, appid: 'wx0000000000000old' }));
    writeProjectConfig('wx1234567890abcdef', file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ setting: { urlCheck: false }, appid: 'wx1234567890abcdef' });
  });

  it('writes nothing without an appid, and refuses one that is not an appid', () => {
    const file = path.join(dir, 'project.private.config.json');
    writeProjectConfig(undefined, file);
    expect(existsSync(file)).toBe(false);
    expect(() => writeProjectConfig('touristappid', file)).toThrow(/WX_APPID/);
    expect(() => writeProjectConfig('wx123', file)).toThrow(/WX_APPID/);
    expect(existsSync(file)).toBe(false);
  });
});
