// CloudBase conformance (issue 17): `updated` as CloudBase reports it.
// - doc().set() of an existing document: 1, even with identical data (WeChat's docs: "若指定的 _id
//   已存在则为 1，否则为 0"); 0 and upsertedId when it creates the document.
// - where().updateAndReturn() (findAndModify): 1 when a document matched, even with identical data
//   (node-sdk's test "验证findAndModify 更新相同值"); 0 and doc null when none matched.
// - update() with operators or fields: the documents it changed (MongoDB's nModified); identical
//   data changes nothing and reports 0.
import { startSdkStack, type SdkDatabase } from '../sdk-stack';

let close: () => Promise<void>;
let db: SdkDatabase;
let seq = 0;

beforeAll(async () => {
  ({ db, close } = await startSdkStack('conformance-updated-'));
});

afterAll(() => close());

async function items() {
  const name = `items_${++seq}`;
  await db.createCollection(name);
  await db.collection(name).add([
    { _id: 'a', n: 1, tags: ['x'] },
    { _id: 'b', n: 1 },
  ]);
  return db.collection(name);
}

test('doc().set() of an existing document reports updated 1, identical data included', async () => {
  const c = await items();
  expect(await c.doc('a').set({ n: 1, tags: ['x'] })).toMatchObject({ updated: 1 });
  expect(await c.doc('a').set({ n: 2 })).toMatchObject({ updated: 1 });
  expect((await c.doc('a').get()).data).toEqual([{ _id: 'a', n: 2 }]);
  const created = await c.doc('c').set({ n: 3 });
  expect(created).toMatchObject({ updated: 0, upsertedId: 'c' });
});

test('doc().set() in a transaction reports the same', async () => {
  const c = await items();
  const tx = await db.startTransaction();
  const same = await tx.collection(c.name).doc('b').set({ n: 1 });
  expect(same.updated).toBe(1);
  await tx.commit();
  expect((await c.doc('b').get()).data).toEqual([{ _id: 'b', n: 1 }]);
});

test('updateAndReturn reports updated 1 for the matched document, identical data included', async () => {
  const c = await items();
  expect(await c.where({ _id: 'a' }).updateAndReturn({ n: 1 })).toMatchObject({ updated: 1, doc: { _id: 'a', n: 1 } });
  expect(await c.where({ _id: 'a' }).updateAndReturn({ n: 5 })).toMatchObject({ updated: 1, doc: { _id: 'a', n: 5 } });
  expect(await c.where({ _id: 'zz' }).updateAndReturn({ n: 5 })).toMatchObject({ updated: 0, doc: null });
});

test('update() counts the documents it changed: identical data reports 0', async () => {
  const c = await items();
  const _ = db.command;
  expect(await c.doc('a').update({ n: 1 })).toMatchObject({ updated: 0 });
  expect(await c.doc('a').update({ tags: _.addToSet('x') })).toMatchObject({ updated: 0 });
  expect(await c.doc('a').update({ n: _.inc(1) })).toMatchObject({ updated: 1 });
  expect(await c.where({ n: _.gte(1) }).update({ n: 2 })).toMatchObject({ updated: 1 });
  expect(await c.doc('missing').update({ n: 1 })).toMatchObject({ updated: 0 });
});
