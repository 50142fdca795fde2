import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '@/server/database';

const SERVER = path.resolve(__dirname, '../../src/server');

/** Collection names the server's source opens with `collection('…')`. */
const collectionsUsed = (): Set<string> => {
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) for (const m of readFileSync(full, 'utf8').matchAll(/collection\('([a-z_]+)'\)/g)) used.add(m[1]);
    }
  };
  walk(SERVER);
  return used;
};

describe('the collection and index list (src/server/database.ts)', () => {
  it('lists every collection the server uses, and no other', () => {
    expect(COLLECTIONS.map((c) => c.name).sort()).toEqual([...collectionsUsed()].sort());
  });

  it('has the index the sweep finds due tickets by: nextDueAt alone', () => {
    const tickets = COLLECTIONS.find((c) => c.name === 'tickets');
    expect(tickets?.indexes.find((i) => i.name === 'due')?.keys).toEqual({ nextDueAt: 1 });
  });

  it('names each index once per collection', () => {
    for (const c of COLLECTIONS) {
      const names = c.indexes.map((i) => i.name);
      expect([c.name, new Set(names).size]).toEqual([c.name, names.length]);
    }
  });
});
