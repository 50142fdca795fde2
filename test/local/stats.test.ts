// Read/write counters: one per SDK request, by kind, action and collection; programmatic and HTTP.
import tcb from '@cloudbase/node-sdk';
import type { RunningStack } from '@/local/stack';
import { startSdkStack } from './sdk-stack';

let stack: RunningStack;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ stack, close } = await startSdkStack('local-stats-'));
});

afterAll(() => close());

test('reads (get/count/aggregate) and writes (insert/modify/remove) are counted per request', async () => {
  const db = tcb.init({ env: 'local-dev', serviceUrl: stack.serviceUrl }).database();
  stack.emulator.resetStats();
  await db.collection('tickets').add([{ _id: 'a', n: 1 }, { _id: 'b', n: 2 }]); // 1 write for 2 documents
  await db.collection('tickets').doc('a').update({ n: 5 });
  await db.collection('tickets').where({ n: 2 }).update({ n: 3 });
  await db.collection('tickets').doc('a').get();
  await db.collection('tickets').where({ n: 3 }).get();
  await db.collection('tickets').count();
  await db.collection('tickets').aggregate().match({}).end();
  await db.collection('admin_log').add({ at: 1 });
  await db.collection('tickets').doc('b').remove();
  const tx = await db.startTransaction();
  await tx.collection('tickets').doc('a').get();
  await tx.commit();

  const stats = stack.emulator.stats();
  // Documents returned: a (doc get) + b (where n 3) + a, b (aggregate) + a (in the transaction).
  expect(stats).toMatchObject({ reads: 5, writes: 5, docsRead: 5 });
  expect(stats.byCollection).toEqual({ tickets: { reads: 5, writes: 4, docsRead: 5 }, admin_log: { reads: 0, writes: 1, docsRead: 0 } });
  expect(stats.byAction).toMatchObject({
    'database.insertDocument': 2,
    'database.modifyDocument': 2,
    'database.removeDocument': 1,
    'database.getDocument': 3,
    'database.calculateDocument': 1,
    'database.aggregateDocuments': 1,
    'database.startTransaction': 1,
    'database.commitTransaction': 1,
  });

  const overHttp = await (await fetch(`${stack.url}/_local/stats`)).json();
  expect(overHttp).toEqual(stats);

  expect((await fetch(`${stack.url}/_local/stats/reset`, { method: 'POST' })).status).toBe(200);
  expect(stack.emulator.stats()).toEqual({ reads: 0, writes: 0, docsRead: 0, byAction: {}, byCollection: {} });
  await db.collection('tickets').doc('a').get();
  expect(stack.emulator.stats()).toMatchObject({ reads: 1, writes: 0 });
  stack.emulator.resetStats();
  expect(stack.emulator.stats().reads).toBe(0);
});
