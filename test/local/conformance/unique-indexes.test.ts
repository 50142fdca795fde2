// CloudBase conformance (issue 17): a declared unique index (src/server/database.ts; staff.openid)
// is enforced on every write, with the same error as a duplicate _id. As in MongoDB, a document
// without the field counts as null, so two such documents collide too.
import tcb from '@cloudbase/node-sdk';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmulator } from '@/local/emulator';
import { startStack } from '@/local/stack';
import { COLLECTIONS } from '@/server/database';
import { startSdkStack, type SdkDatabase } from '../sdk-stack';
import { pendingAfter } from './emulator';

let close: () => Promise<void>;
let db: SdkDatabase;

beforeAll(async () => {
  ({ db, close } = await startSdkStack('conformance-unique-'));
});

afterAll(() => close());

const staff = () => db.collection('staff');
const DUPLICATE_OPENID = { code: 'DATABASE_DUPLICATE_KEY', message: expect.stringMatching(/^E11000 duplicate key error collection: staff index: openid dup key/) };

beforeEach(async () => {
  await staff().where({ _id: db.command.exists(true) }).remove();
  await staff().add([
    { _id: 's-wang', openid: 'o-wang', name: '王师傅' },
    { _id: 's-li', openid: 'o-li', name: '李师傅' },
  ]);
});

test('staff.openid is declared unique', () => {
  const staffSpec = COLLECTIONS.find((c) => c.name === 'staff')!;
  expect(staffSpec.indexes.find((i) => i.unique)).toMatchObject({ name: 'openid', keys: { openid: 1 }, unique: true });
});

test('the same error as a duplicate _id', async () => {
  const byId = await staff()
    .add({ _id: 's-wang', openid: 'o-other' })
    .catch((e: { code: string; message: string }) => e);
  expect(byId).toMatchObject({ code: 'DATABASE_DUPLICATE_KEY', message: expect.stringMatching(/^E11000 duplicate key error collection: staff index: _id_ dup key/) });
  await expect(staff().add({ _id: 's-zhao', openid: 'o-wang' })).rejects.toMatchObject(DUPLICATE_OPENID);
});

test('insert, update, set and upsert that would duplicate an openid are refused and write nothing', async () => {
  await expect(staff().add([{ _id: 's-new', openid: 'o-new' }, { _id: 's-zhao', openid: 'o-li' }])).rejects.toMatchObject(DUPLICATE_OPENID);
  await expect(staff().add([{ _id: 's-a', openid: 'o-same' }, { _id: 's-b', openid: 'o-same' }])).rejects.toMatchObject(DUPLICATE_OPENID);
  await expect(staff().doc('s-li').update({ openid: 'o-wang' })).rejects.toMatchObject(DUPLICATE_OPENID);
  await expect(staff().where({ _id: 's-li' }).update({ openid: 'o-wang' })).rejects.toMatchObject(DUPLICATE_OPENID);
  await expect(staff().doc('s-li').set({ openid: 'o-wang', name: '李师傅' })).rejects.toMatchObject(DUPLICATE_OPENID);
  await expect(staff().doc('s-zhao').set({ openid: 'o-wang', name: '赵师傅' })).rejects.toMatchObject(DUPLICATE_OPENID);
  await expect(staff().where({ _id: 's-li' }).updateAndReturn({ openid: 'o-wang' })).rejects.toMatchObject(DUPLICATE_OPENID);
  const { data } = await staff().orderBy('_id', 'asc').get();
  expect(data).toEqual([
    { _id: 's-li', openid: 'o-li', name: '李师傅' },
    { _id: 's-wang', openid: 'o-wang', name: '王师傅' },
  ]);
});

test('a document keeps its own key; a key freed by a change or a removal can be taken', async () => {
  expect(await staff().doc('s-wang').update({ openid: 'o-wang', name: '王工' })).toMatchObject({ updated: 1 });
  await staff().doc('s-wang').update({ openid: 'o-wang-2' });
  await staff().add({ _id: 's-zhao', openid: 'o-wang' });
  await staff().doc('s-li').remove();
  await staff().doc('s-sun').set({ openid: 'o-li' });
  expect((await staff().where({ openid: 'o-li' }).get()).data.map((s: { _id: string }) => s._id)).toEqual(['s-sun']);
});

test('a missing openid counts as null: two staff without one collide (MongoDB unique index)', async () => {
  await staff().add({ _id: 's-x', name: '无账号' });
  await expect(staff().add({ _id: 's-y', name: '也无账号' })).rejects.toMatchObject(DUPLICATE_OPENID);
  await expect(staff().add({ _id: 's-z', openid: null })).rejects.toMatchObject(DUPLICATE_OPENID);
});

test('enforced in a transaction, where a key being written is locked like a document', async () => {
  const tx = await db.startTransaction();
  await expect(tx.collection('staff').add({ _id: 's-zhao', openid: 'o-wang' })).rejects.toMatchObject(DUPLICATE_OPENID);
  await tx.rollback();

  const holder = await db.startTransaction();
  await holder.collection('staff').add({ _id: 's-zhao', openid: 'o-zhao' });
  // Another transaction taking the same key conflicts at once...
  const other = await db.startTransaction();
  await expect(other.collection('staff').add({ _id: 's-qian', openid: 'o-zhao' })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' });
  // ...a plain write waits for the holder, then meets the committed key.
  const plain = staff().add({ _id: 's-qian', openid: 'o-zhao' });
  expect(await pendingAfter(plain, 150)).toBe(true);
  await holder.commit();
  await expect(plain).rejects.toMatchObject(DUPLICATE_OPENID);
  expect((await staff().where({ openid: 'o-zhao' }).get()).data.map((s: { _id: string }) => s._id)).toEqual(['s-zhao']);
});

test('a stack whose stored staff already share an openid does not start (MongoDB refuses to build the index)', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'conformance-unique-build-'));
  try {
    const plain = await startEmulator({ dataDir, collections: [{ name: 'staff' }] });
    const raw = tcb.init({ env: 'local-dev', serviceUrl: plain.serviceUrl }).database();
    await raw.collection('staff').add([{ _id: 's1', openid: 'o-same' }, { _id: 's2', openid: 'o-same' }]);
    await plain.close();
    await expect(startStack({ dataDir, handlers: {} })).rejects.toThrow(/cannot build unique index staff\.openid/);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
