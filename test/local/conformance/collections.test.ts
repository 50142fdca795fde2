// CloudBase conformance (issue 17): a collection that was never created answers
// DATABASE_COLLECTION_NOT_EXIST, to reads and writes alike. The local stack creates the declared
// collections (src/server/database.ts) at start, as `npm run db:setup` does in the cloud, and
// refuses any other.
import tcb from '@cloudbase/node-sdk';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStack } from '@/local/stack';
import { COLLECTIONS } from '@/server/database';
import { startSdkStack, type SdkDatabase } from '../sdk-stack';

let close: () => Promise<void>;
let db: SdkDatabase;

beforeAll(async () => {
  ({ db, close } = await startSdkStack('conformance-collections-'));
});

afterAll(() => close());

const NOT_EXIST = { code: 'DATABASE_COLLECTION_NOT_EXIST', message: expect.stringContaining('Db or Table not exist') };

test('every declared collection exists from the start, empty', async () => {
  for (const { name } of COLLECTIONS) {
    expect([name, (await db.collection(name).count()).total]).toEqual([name, 0]);
    expect([name, (await db.collection(name).get()).data]).toEqual([name, []]);
  }
});

test('an undeclared collection is refused for reads and writes, and no write creates it', async () => {
  const c = db.collection('outbox');
  const _ = db.command;
  const attempts: Array<[string, () => Promise<unknown>]> = [
    ['get', () => c.get()],
    ['where().get', () => c.where({ a: 1 }).get()],
    ['doc().get', () => c.doc('x').get()],
    ['count', () => c.count()],
    ['aggregate', () => c.aggregate().match({}).end()],
    ['add', () => c.add({ a: 1 })],
    ['doc().set', () => c.doc('x').set({ a: 1 })],
    ['doc().update', () => c.doc('x').update({ a: _.inc(1) })],
    ['where().update', () => c.where({ a: 1 }).update({ a: 2 })],
    ['where().updateAndReturn', () => c.where({ a: 1 }).updateAndReturn({ a: 2 })],
    ['doc().remove', () => c.doc('x').remove()],
    ['where().remove', () => c.where({ a: 1 }).remove()],
  ];
  for (const [what, attempt] of attempts) {
    await expect(attempt().catch((e: { code?: string; message?: string }) => ({ what, code: e.code, message: e.message }))).resolves.toEqual({
      what,
      ...NOT_EXIST,
    });
  }
  await expect(c.get()).rejects.toMatchObject(NOT_EXIST);
});

test('inside a transaction too', async () => {
  const tx = await db.startTransaction();
  await expect(tx.collection('outbox').add({ _id: 'm1' })).rejects.toMatchObject(NOT_EXIST);
  await expect(tx.collection('outbox').doc('m1').get()).rejects.toMatchObject(NOT_EXIST);
  await tx.rollback();
});

test('db.createCollection() makes a collection usable, as in the cloud', async () => {
  await db.createCollection('scratch');
  await db.collection('scratch').add({ _id: 'x', a: 1 });
  expect((await db.collection('scratch').doc('x').get()).data).toEqual([{ _id: 'x', a: 1 }]);
  await expect(db.createCollection('scratch')).rejects.toMatchObject({ code: 'DATABASE_COLLECTION_ALREADY_EXIST' });
});

test('a created collection survives a restart; the declared ones are not created twice', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-collections-restart-'));
  try {
    const first = await startStack({ dataDir, handlers: {} });
    const db1 = tcb.init({ env: 'local-dev', serviceUrl: first.serviceUrl }).database();
    await db1.createCollection('kept');
    await db1.collection('tickets').add({ _id: 't1' });
    await first.close();

    const second = await startStack({ dataDir, handlers: {} });
    const db2 = tcb.init({ env: 'local-dev', serviceUrl: second.serviceUrl }).database();
    expect((await db2.collection('kept').count()).total).toBe(0);
    expect((await db2.collection('tickets').get()).data).toEqual([{ _id: 't1' }]);
    await expect(db2.collection('never').get()).rejects.toMatchObject(NOT_EXIST);
    await second.close();
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
