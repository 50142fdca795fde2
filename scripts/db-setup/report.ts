import type { CollectionOutcome } from './collections';
import type { ImportOutcome } from './import-company';

/** Columns line up in a terminal: CJK characters take two cells. */
const width = (text: string): number => [...text].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const pad = (text: string, cells: number): string => text + ' '.repeat(Math.max(0, cells - width(text)));

export const table = (header: string[], rows: string[][]): string => {
  const cells = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (r: string[]) => r.map((c, i) => pad(c, cells[i])).join('  ').trimEnd();
  return [line(header), cells.map((n) => '-'.repeat(n)).join('  '), ...rows.map(line)].join('\n');
};

const indexCell = (o: CollectionOutcome): string => {
  const total = o.indexesCreated.length + o.indexesExisting.length + o.indexesDiffering.length;
  if (total === 0) return '无需索引 none';
  const parts = [`新建 ${o.indexesCreated.length}`, `已存在 ${o.indexesExisting.length}`];
  if (o.indexesDiffering.length) parts.push(`字段不同 ${o.indexesDiffering.length}`);
  return parts.join(' / ');
};

const ruleCell = (o: CollectionOutcome, rule: string): string => {
  if (o.ruleError) return `${rule} 设置失败 failed`;
  return o.ruleSet ? `${rule} 已设置 set (原 ${o.ruleBefore || '?'})` : `${rule} 已存在 unchanged`;
};

export const collectionsReport = (outcomes: readonly CollectionOutcome[], ruleOf: (name: string) => string): string =>
  table(
    ['集合 collection', '集合 status', '索引 indexes', '权限 rule'],
    outcomes.map((o) => [o.name, o.created ? '新建 created' : '已存在 exists', indexCell(o), ruleCell(o, ruleOf(o.name))]),
  );

export const changedAnything = (outcomes: readonly CollectionOutcome[]): boolean =>
  outcomes.some((o) => o.created || o.indexesCreated.length > 0 || o.ruleSet);

const COLLECTION_NAMES = { communities: '小区 community', staff: '员工 staff' } as const;

export const importReport = (outcomes: readonly ImportOutcome[]): string =>
  table(
    ['类别 kind', '_id', '名称 name', '结果 result'],
    outcomes.map((o) => [COLLECTION_NAMES[o.collection], o.id, o.name, o.action === 'created' ? '新增 created' : '已更新 updated']),
  );
