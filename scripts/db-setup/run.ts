import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Database } from '../../src/server/cloudbase';
import { COLLECTIONS, type CollectionSpec } from '../../src/server/database';
import { setupCollections } from './collections';
import { parseCompany, type CompanyData } from './company';
import { importCompany } from './import-company';
import type { ManagerApi } from './manager-api';
import { changedAnything, collectionsReport, importReport } from './report';
import { missingSettingsMessage, readSettings, type SetupSettings } from './settings';

export interface SetupDeps {
  manager(settings: SetupSettings): ManagerApi;
  database(settings: SetupSettings): Database;
  out(text: string): void;
  err(text: string): void;
  collections?: readonly CollectionSpec[];
}

const USAGE = [
  '用法 Usage: npm run db:setup [-- --company <company.json>]',
  '  创建集合、索引并设置安全规则；加 --company 时再导入小区和员工（示例：config/company.example.json）。',
  '  Creates collections and indexes and sets security rules; --company also imports communities and staff.',
].join('\n');

const readCompanyFile = (file: string): { company?: CompanyData; problems: string[] } => {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return { problems: [`读不到公司文件 ${file}（Cannot read the company file）`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { problems: [`公司文件不是有效的 JSON：${(e as Error).message}`] };
  }
  const parsed = parseCompany(data);
  return parsed.ok ? { company: parsed.company, problems: [] } : { problems: parsed.problems };
};

const apiError = (e: unknown): string => {
  const err = e as { message?: string; code?: string; requestId?: string };
  return [`调用云开发接口失败 / CloudBase API call failed: ${err.message ?? String(e)}`, err.code ? `code: ${err.code}` : '', err.requestId ? `RequestId: ${err.requestId}` : '']
    .filter(Boolean)
    .join('\n');
};

/** `npm run db:setup`: returns the process exit code. Everything is checked before the first call. */
export const runSetup = async (argv: string[], env: NodeJS.ProcessEnv, deps: SetupDeps): Promise<number> => {
  const collections = deps.collections ?? COLLECTIONS;
  let args: { company?: string; help?: boolean };
  try {
    args = parseArgs({ args: argv, options: { company: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }).values;
  } catch (e) {
    deps.err(`${(e as Error).message}\n${USAGE}`);
    return 1;
  }
  if (args.help) {
    deps.out(USAGE);
    return 0;
  }

  const read = readSettings(env);
  if (!read.ok) {
    deps.err(missingSettingsMessage(read.missing));
    return 1;
  }
  const { settings } = read;

  let company: CompanyData | undefined;
  if (args.company !== undefined) {
    const file = readCompanyFile(args.company);
    if (!file.company) {
      deps.err([`公司文件 ${args.company} 有 ${file.problems.length} 处问题，未写入任何内容：`, ...file.problems.map((p) => `  - ${p}`)].join('\n'));
      return 1;
    }
    company = file.company;
  }

  let failed = false;
  try {
    deps.out(`云开发环境 CloudBase env: ${settings.envId}\n`);
    const outcomes = await setupCollections(deps.manager(settings), settings.envId, collections);
    const ruleOf = (name: string) => collections.find((c) => c.name === name)?.security ?? '';
    deps.out(collectionsReport(outcomes, ruleOf));
    deps.out('');
    for (const o of outcomes) {
      for (const index of o.indexesDiffering) {
        failed = true;
        deps.err(`索引 ${o.name}.${index} 已存在但字段或唯一性与 src/server/database.ts 不同：请在控制台删除该索引后重新运行。`);
        deps.err(`Index ${o.name}.${index} exists with other keys or uniqueness: drop it in the console, then run again.`);
      }
      if (o.ruleError) {
        failed = true;
        deps.err(`集合 ${o.name} 的安全规则未能设置（${o.ruleError}）。请手动设置 / Set it by hand:`);
        deps.err(`  控制台 → 数据库 → ${o.name} → 数据权限 → 无权限（仅管理员）`);
        deps.err(`  或 or: tcb permission set collection:${o.name} --level adminonly -e ${settings.envId}`);
      }
    }
    if (!changedAnything(outcomes) && !failed) deps.out('已存在：所有集合、索引和安全规则都已就绪，本次没有改动。\nAlready set up: nothing changed.');
    else if (!failed) deps.out('数据库已就绪 / Database ready.');

    if (company) {
      const imported = await importCompany(deps.database(settings), company);
      deps.out(`\n导入公司文件 / Company import: ${imported.length} 条\n`);
      deps.out(importReport(imported));
    }
  } catch (e) {
    deps.err(apiError(e));
    return 1;
  }
  return failed ? 1 : 0;
};
