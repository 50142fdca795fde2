import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { COLLECTIONS } from '@/server/database';
import type { Database } from '@/server/cloudbase';
import { cloudbaseBindingStore, cloudbaseCommunityDirectory } from '@/server/adapters/bindings';
import { cloudbaseOwnerDirectory, cloudbaseStaffDirectory } from '@/server/adapters/directories';
import { cloudbaseHandoverStore } from '@/server/adapters/handover-store';
import { cloudbaseKpiStore } from '@/server/adapters/kpi-store';
import { cloudbaseTicketStore } from '@/server/adapters/ticket-store';
import { startSdkStack, type SdkDatabase } from '../local/sdk-stack';

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

  it('keeps every collection ADMINONLY: clients reach data only through functions', () => {
    expect(COLLECTIONS.filter((c) => c.security !== 'ADMINONLY').map((c) => c.name)).toEqual([]);
  });

  it('names each index once per collection', () => {
    for (const c of COLLECTIONS) {
      const names = c.indexes.map((i) => i.name);
      expect([c.name, new Set(names).size]).toEqual([c.name, names.length]);
    }
  });
});

/** A read the adapters asked for: the fields it filters on and the field it sorts by. */
interface QueryShape {
  collection: string;
  filter: string[];
  sort: string[];
}

/**
 * The real SDK database, with every `where`/`orderBy` … `get()` chain noted as it runs. Reads
 * by `doc(id)` are left out: `_id` is always indexed.
 */
const recording = (db: SdkDatabase, seen: QueryShape[]): Database => {
  type Chain = { where?: unknown; orderBy?: unknown; limit?: unknown; skip?: unknown; field?: unknown; get?: unknown };
  const chain = (real: Chain, shape: QueryShape): unknown =>
    new Proxy(real, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        if (prop === 'where') return (q: object) => chain(value.call(target, q), { ...shape, filter: [...shape.filter, ...Object.keys(q)] });
        if (prop === 'orderBy') return (field: string, dir: string) => chain(value.call(target, field, dir), { ...shape, sort: [...shape.sort, field] });
        if (prop === 'limit' || prop === 'skip' || prop === 'field') return (n: unknown) => chain(value.call(target, n), shape);
        if (prop === 'get') return () => (seen.push(shape), value.call(target));
        return value.bind(target);
      },
    });
  return new Proxy(db, {
    get(target, prop) {
      if (prop === 'collection') return (name: string) => chain(target.collection(name) as Chain, { collection: name, filter: [], sort: [] });
      const value = Reflect.get(target, prop, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  }) as unknown as Database;
};

/**
 * Served by a listed index: one whose leading field the query filters or sorts on, that holds a
 * field the query filters on (else it is a scan in index order), and that holds the sort field
 * (so the database never sorts a large match in memory). `_id` is built in.
 */
const servingIndex = (q: QueryShape): string | null => {
  const fields = new Set([...q.filter, ...q.sort]);
  if (q.filter.includes('_id') || (q.filter.length === 0 && q.sort.every((s) => s === '_id'))) return '_id_';
  const spec = COLLECTIONS.find((c) => c.name === q.collection);
  const index = spec?.indexes.find((i) => {
    const keys = Object.keys(i.keys);
    return fields.has(keys[0]) && (q.filter.length === 0 || q.filter.some((f) => keys.includes(f))) && q.sort.every((s) => keys.includes(s));
  });
  return index?.name ?? null;
};

describe('every read the adapters make is served by a listed index', () => {
  let stack: Awaited<ReturnType<typeof startSdkStack>>;
  beforeAll(async () => {
    stack = await startSdkStack('query-indexes-');
  });
  afterAll(() => stack.close());

  it('checks each list/find/by method of each adapter, run on the emulator', async () => {
    const seen: QueryShape[] = [];
    const db = recording(stack.db, seen);
    const tickets = cloudbaseTicketStore(db);
    const staff = cloudbaseStaffDirectory(db);
    const owners = cloudbaseOwnerDirectory(db);
    const bindings = cloudbaseBindingStore(db);
    const handovers = cloudbaseHandoverStore(db);
    const communities = cloudbaseCommunityDirectory(db);
    const kpi = cloudbaseKpiStore(db);
    const reads: Record<string, () => Promise<unknown>> = {
      'tickets.listByOwner': () => tickets.listByOwner('o1', 20),
      'tickets.listByOwner(kind, states)': () => tickets.listByOwner('o1', 20, { kind: 'repair', states: ['submitted'] }),
      'tickets.findCardLoss': () => tickets.findCardLoss('u-1-1-101', 'door', ''),
      'tickets.listByAssignee': () => tickets.listByAssignee('s1', ['dispatched'], 20),
      'tickets.listByStates': () => tickets.listByStates(['submitted'], 20),
      'tickets.listByNumbers': () => tickets.listByNumbers(['R1']),
      'tickets.listDue': () => tickets.listDue(Date.now(), 20),
      'tickets.listLate': () => tickets.listLate(['dispatched'], 20),
      'tickets.listLate(staffId)': () => tickets.listLate(['dispatched'], 20, 's1'),
      'tickets.listWaitingForHelp': () => tickets.listWaitingForHelp(20),
      'tickets.listWaitingForHelp(team)': () => tickets.listWaitingForHelp(20, 'engineering'),
      'tickets.listOpenOfKind': () => tickets.listOpenOfKind('repair', 20),
      'tickets.listCreatedBetween': () => tickets.listCreatedBetween(0, Date.now(), 20),
      'tickets.listAwaitingCallback': () => tickets.listAwaitingCallback(20),
      'tickets.versionsCreatedBetween': () => tickets.versionsCreatedBetween(0, Date.now(), 0, 1000),
      'kpi.days': () => kpi.days('2026-11-01', '2026-11-30'),
      'kpi.versionsOf': () => kpi.versionsOf('2026-11-01'),
      'kpi.listReports': () => kpi.listReports(24),
      'kpi.report': () => kpi.report('2026-10'), // by _id: no query
      'staff.byOpenid': () => staff.byOpenid('o1'),
      'owners.byOpenid': () => owners.byOpenid('o1'), // by _id: no query
      'staff.team': () => staff.team('engineering'),
      'staff.byRoles': () => staff.byRoles(['supervisor']),
      'owners.byUnit': () => owners.byUnit('u-1-1-101', 5),
      'owners.byPhone': () => owners.byPhone('13800000000', 5),
      'bindings.listByOpenid': () => bindings.listByOpenid('o1', 20),
      'bindings.listPending': () => bindings.listPending(null, 20),
      'bindings.listPending(zones)': () => bindings.listPending(['A区'], 20),
      'handovers.listPending': () => handovers.listPending(20),
      'handovers.listPending(team)': () => handovers.listPending(20, 'customer_service'),
      'handovers.listRecent': () => handovers.listRecent('customer_service', 20),
      'communities.list': () => communities.list(),
    };
    // A new read method fails here until it is added above (and its index to the list).
    const isRead = (name: string) => /^(list|find|by|team$|versions|days$|report$)/.test(name);
    const stores = { tickets, staff, owners, bindings, handovers, communities, kpi };
    const methods = Object.entries(stores).flatMap(([store, s]) => Object.keys(s).filter(isRead).map((m) => `${store}.${m}`));
    expect(methods.filter((m) => !Object.keys(reads).some((r) => r === m || r.startsWith(`${m}(`)))).toEqual([]);

    const unserved: string[] = [];
    for (const [name, read] of Object.entries(reads)) {
      const before = seen.length;
      await read();
      const shapes = seen.slice(before);
      if (shapes.length === 0 && name !== 'owners.byOpenid' && name !== 'kpi.report') unserved.push(`${name}: made no query`);
      for (const q of shapes) if (!servingIndex(q)) unserved.push(`${name}: ${q.collection} where ${q.filter.join(', ')} order by ${q.sort.join(', ')}`);
    }
    expect(unserved).toEqual([]);
  });

  it('would notice a query no index serves', () => {
    expect(servingIndex({ collection: 'tickets', filter: ['priority'], sort: ['createdAt'] })).toBeNull();
    expect(servingIndex({ collection: 'tickets', filter: ['state'], sort: ['priority'] })).toBeNull();
    expect(servingIndex({ collection: 'staff', filter: ['openid'], sort: [] })).toBe('openid');
  });
});
