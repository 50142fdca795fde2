/**
 * The layering rules in .dependency-cruiser.js: the real tree obeys them, and each rule really
 * fires on a fixture tree that breaks it. dependency-cruiser is ESM-only, so it runs as its CLI
 * in a child process (JSON output) rather than through its JS API inside jest.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, copyFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../..');
const CONFIG = join(ROOT, '.dependency-cruiser.js');
const BIN = join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}
interface CruiseResult {
  summary: { violations: Violation[]; error: number; totalCruised: number };
}

const depcruise = (cwd: string, args: string[]) => spawnSync(process.execPath, [BIN, '--config', '.dependency-cruiser.js', ...args], { cwd, encoding: 'utf8' });

const cruise = (cwd: string, paths: string[]): CruiseResult => {
  const run = depcruise(cwd, ['--output-type', 'json', ...paths]);
  if (run.status !== 0 && !run.stdout) throw new Error(`depcruise failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout) as CruiseResult;
};

const pairs = (r: CruiseResult) => r.summary.violations.map((v) => [v.rule.name, v.from]).sort();

const config = require(CONFIG) as { forbidden: { name: string; severity: string }[] };

describe('.dependency-cruiser.js', () => {
  it('declares the layering rules, all as errors', () => {
    expect(config.forbidden.map((r) => r.name).sort()).toEqual([
      'client-no-server-or-local',
      'core-no-node-builtins',
      'core-no-outer-layers',
      'core-no-platform-packages',
      'functions-no-local',
    ]);
    for (const rule of config.forbidden) expect([rule.name, rule.severity]).toEqual([rule.name, 'error']);
  });

  it('src/core as it is has no violation (and was really cruised)', () => {
    const r = cruise(ROOT, ['src/core']);
    expect(r.summary.violations).toEqual([]);
    expect(r.summary.totalCruised).toBeGreaterThan(15);
  });

  it('the whole tree (`depcruise --config .dependency-cruiser.js src cloudfunctions`) exits 0', () => {
    const paths = ['src', 'cloudfunctions'].filter((p) => existsSync(join(ROOT, p)));
    const run = depcruise(ROOT, paths);
    expect([run.status, run.stdout + run.stderr]).toEqual([0, expect.stringContaining('no dependency violations found')]);
  });
});

describe('the rules fire on a fixture tree that breaks them', () => {
  const FILES: Record<string, string> = {
    // core importing platform packages and Node built-ins
    'src/core/bad-node-fs.ts': "import fs from 'node:fs';\nexport const a = fs;\n",
    'src/core/bad-path.ts': "import path from 'path';\nexport const a = path;\n",
    'src/core/bad-taro.ts': "import Taro from '@tarojs/taro';\nexport const a = Taro;\n",
    'src/core/bad-cloudbase.ts': "import tcb from '@cloudbase/node-sdk';\nexport const a = tcb;\n",
    'src/core/bad-wx.ts': "import cloud from 'wx-server-sdk';\nexport const a = cloud;\n",
    'src/core/bad-react-type.ts': "import type { FC } from 'react';\nexport type A = FC;\n",
    'src/core/bad-react-dom.ts': "import { createRoot } from 'react-dom/client';\nexport const a = createRoot;\n",
    'src/core/bad-outer.ts': "import { db } from '@/local/db';\nexport const a = db;\n",
    // core importing what it may: npm libraries, itself through the alias and relatively
    'src/core/good.ts': "import { z } from 'zod';\nimport dayjs from 'dayjs';\nimport { x } from '@/core/util';\nimport { y } from './util';\nexport const ok = [z, dayjs, x, y];\n",
    'src/core/util.ts': 'export const x = 1;\nexport const y = 2;\n',
    // client code reaching into the back end
    'src/pages/repair/new.tsx': "import { db } from '@/local/db';\nexport const a = db;\n",
    'src/staff/task/index.tsx': "import { handler } from '../../server/repair';\nexport const a = handler;\n",
    'src/components/Card.tsx': "import { handler } from '@/server/repair';\nexport const a = handler;\n",
    'src/services/api.ts': "import { db } from '../local/db';\nimport { x } from '@/core/util';\nexport const a = [db, x];\n",
    // back-end layers
    'src/local/db.ts': "import { handler } from '@/server/repair';\nexport const db = handler;\n",
    'src/server/repair.ts': "import { x } from '@/core/util';\nexport const handler = x;\n",
    'cloudfunctions/repair/index.ts': "import { db } from '../../src/local/db';\nimport { handler } from '../../src/server/repair';\nexport const main = [db, handler];\n",
    'tsconfig.json': JSON.stringify({ compilerOptions: { baseUrl: '.', paths: { '@/*': ['src/*'] }, jsx: 'react-jsx' } }),
  };

  const EXPECTED = [
    ['client-no-server-or-local', 'src/components/Card.tsx'],
    ['client-no-server-or-local', 'src/pages/repair/new.tsx'],
    ['client-no-server-or-local', 'src/services/api.ts'],
    ['client-no-server-or-local', 'src/staff/task/index.tsx'],
    ['core-no-node-builtins', 'src/core/bad-node-fs.ts'],
    ['core-no-node-builtins', 'src/core/bad-path.ts'],
    ['core-no-outer-layers', 'src/core/bad-outer.ts'],
    ['core-no-platform-packages', 'src/core/bad-cloudbase.ts'],
    ['core-no-platform-packages', 'src/core/bad-react-dom.ts'],
    ['core-no-platform-packages', 'src/core/bad-react-type.ts'],
    ['core-no-platform-packages', 'src/core/bad-taro.ts'],
    ['core-no-platform-packages', 'src/core/bad-wx.ts'],
    ['functions-no-local', 'cloudfunctions/repair/index.ts'],
  ].sort();

  const makeFixture = (withNodeModules: boolean): string => {
    const dir = mkdtempSync(join(tmpdir(), 'depcruise-fixture-'));
    copyFileSync(CONFIG, join(dir, '.dependency-cruiser.js'));
    for (const [file, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), text);
    }
    if (withNodeModules) symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
    return dir;
  };

  const dirs: string[] = [];
  afterAll(() => {
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['packages not installed (unresolved imports)', false],
    ['packages installed (resolved into node_modules)', true],
  ])('with %s, exactly the breaking imports are reported, each naming its rule', (_label, withNodeModules) => {
    const dir = makeFixture(withNodeModules);
    dirs.push(dir);
    const r = cruise(dir, ['src', 'cloudfunctions']);
    expect(pairs(r)).toEqual(EXPECTED);
    expect(r.summary.error).toBe(EXPECTED.length);
  });

  it('the CLI exits non-zero on the broken fixture, so an npm script fails the build', () => {
    const dir = makeFixture(false);
    dirs.push(dir);
    const run = depcruise(dir, ['src/core/bad-node-fs.ts', 'src/core/bad-taro.ts']);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain('core-no-node-builtins');
    expect(run.stdout).toContain('core-no-platform-packages');
  });
});
