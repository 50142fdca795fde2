// CloudBase conformance (issue 17): paging with skip is deterministic only over a total order. A
// database returns documents that tie on the sort key in any order, and not necessarily the same
// order for each page, so every query the product pages with skip sorts by its key and then _id.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from '@/server/cloudbase';
import { cloudbaseTicketStore } from '@/server/adapters/ticket-store';
import { startSdkStack, type SdkDatabase } from '../sdk-stack';

let close: () => Promise<void>;
let db: SdkDatabase;

beforeAll(async () => {
  ({ db, close } = await startSdkStack('conformance-paging-'));
});

afterAll(() => close());

const SERVER = path.resolve(__dirname, '../../../src/server');

const sourcesOf = (dir: string): Array<{ file: string; text: string }> =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourcesOf(full);
    return entry.name.endsWith('.ts') ? [{ file: path.relative(SERVER, full), text: readFileSync(full, 'utf8') }] : [];
  });

test('every query of the server that pages with skip() orders by _id last', () => {
  const pages: string[] = [];
  for (const { file, text } of sourcesOf(SERVER)) {
    for (const m of text.matchAll(/\.skip\(/g)) {
      // The query chain the skip belongs to: from its .where( or .collection( up to the skip.
      const before = text.slice(0, m.index);
      const start = Math.max(before.lastIndexOf('.where('), before.lastIndexOf('.collection('), before.lastIndexOf('col\n'));
      const chain = before.slice(start);
      const orders = [...chain.matchAll(/\.orderBy\('([^']+)'/g)].map((o) => o[1]);
      pages.push(`${file}: ${orders.join(', ')}`);
      expect([file, orders.at(-1)]).toEqual([file, '_id']);
    }
  }
  // The paging queries there are today (a new one is checked by the same rule).
  expect(pages).toEqual(['adapters/ticket-store.ts: createdAt, _id']);
});

test('versionsCreatedBetween pages through tickets created in the same millisecond without repeats or gaps', async () => {
  const tickets = cloudbaseTicketStore(db as unknown as Database);
  const at = Date.UTC(2026, 10, 3, 2, 0, 0);
  // 12 tickets over 3 instants, written in an order unrelated to their ids.
  const ids = ['k', 'c', 'h', 'a', 'l', 'e', 'j', 'b', 'g', 'd', 'i', 'f'];
  await db.collection('tickets').add(ids.map((id, i) => ({ _id: id, createdAt: at + (i % 3), version: i + 1 })));
  // One outside the range on each side.
  await db.collection('tickets').add([
    { _id: 'before', createdAt: at - 1, version: 1 },
    { _id: 'after', createdAt: at + 3, version: 1 },
  ]);

  const seen: string[] = [];
  for (let skip = 0; ; skip += 5) {
    const page = await tickets.versionsCreatedBetween(at, at + 3, skip, 5);
    seen.push(...page.map((p) => p.id));
    if (page.length < 5) break;
  }
  const expected = ids
    .map((id, i) => ({ id, createdAt: at + (i % 3) }))
    .sort((x, y) => x.createdAt - y.createdAt || x.id.localeCompare(y.id))
    .map((t) => t.id);
  expect(seen).toEqual(expected);
  expect(new Set(seen).size).toBe(12);
});
