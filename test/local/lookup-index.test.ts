// The emulator's index lookups narrow what a query looks at and never what it finds: for any
// documents, writes and pinned filters, the answer is the full scan's, in the scan's order.
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { compileFilter } from '@/local/emulator/engine';
import { LookupIndexes } from '@/local/emulator/lookup-index';
import { Store } from '@/local/emulator/store';

const STATES = ['submitted', 'dispatched', 'accepted', 'closed'];
const STAFF = ['s1', 's2', 's3'];

const assigneeArb = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.constantFrom(...STAFF).map((staffId) => ({ staffId })),
  // An array on the path: matched element-wise by the query, so always a candidate.
  fc.constantFrom(...STAFF).map((staffId) => [{ staffId }]),
);
const docArb = fc.record({
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
  state: fc.oneof(fc.constantFrom(...STATES), fc.constant(7), fc.constant(null)),
  assignee: assigneeArb,
});
const writeArb = fc.oneof(
  { weight: 4, arbitrary: docArb.map((d) => ({ op: 'put' as const, d })) },
  { weight: 1, arbitrary: fc.constantFrom('a', 'b', 'c').map((id) => ({ op: 'delete' as const, id })) },
);
const filterArb = fc.oneof(
  fc.constantFrom(...STATES).map((state) => ({ state })),
  fc.subarray(STATES, { minLength: 1 }).map((states) => ({ state: { $in: states } })),
  fc.constantFrom(...STAFF).map((staffId) => ({ 'assignee.staffId': staffId })),
  fc.constantFrom(...STAFF).map((staffId) => ({ 'assignee.staffId': { $eq: staffId }, state: { $in: ['dispatched', 'accepted'] } })),
  fc.constant({ 'assignee.staffId': null }),
  fc.constant({ state: 7 }),
);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lookup-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('an indexed query finds what a scan finds, in the same order, across writes', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.array(writeArb, { maxLength: 6 }), filterArb), { minLength: 1, maxLength: 8 }), (rounds) => {
      fs.rmSync(dir, { recursive: true, force: true });
      const store = Store.open(dir);
      try {
        store.commit([{ op: 'create', coll: 'tickets' }]);
        const lookup = new LookupIndexes(store);
        lookup.declare([{ name: 'tickets', indexes: [{ name: 'state', keys: { state: 1 } }, { name: 'assignee', keys: { 'assignee.staffId': 1, state: 1 } }] }]);
        for (const [writes, filter] of rounds) {
          for (const w of writes) {
            if (w.op === 'delete') {
              if (store.get('tickets', w.id)) store.commit([{ op: 'delete', coll: 'tickets', id: w.id }]);
            } else {
              const { id, assignee, ...rest } = w.d;
              store.commit([{ op: 'put', coll: 'tickets', doc: { _id: id, ...rest, ...(assignee === undefined ? {} : { assignee }) } }]);
            }
          }
          const test = compileFilter(filter);
          const scanned = store.docs('tickets').filter(test).map((d) => d._id);
          const narrowed = lookup.candidates('tickets', filter);
          expect(narrowed).toBeDefined();
          expect(narrowed!.filter(test).map((d) => d._id)).toEqual(scanned);
        }
      } finally {
        store.close();
      }
    }),
    { numRuns: 150 },
  );
});

test('a filter that pins no indexed field is left to the scan', () => {
  const store = Store.open(dir);
  try {
    store.commit([{ op: 'create', coll: 'tickets' }]);
    const lookup = new LookupIndexes(store);
    lookup.declare([{ name: 'tickets', indexes: [{ name: 'state', keys: { state: 1 } }] }]);
    expect(lookup.candidates('tickets', { state: { $ne: 'closed' } })).toBeUndefined();
    expect(lookup.candidates('tickets', { kind: 'repair' })).toBeUndefined();
    expect(lookup.candidates('owners', { state: 'x' })).toBeUndefined();
  } finally {
    store.close();
  }
});
