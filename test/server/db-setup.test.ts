// `npm run db:setup` against a recorded fake of the CloudBase management API (the real one needs
// credentials), and its company import against the local emulator through the real SDK.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { COLLECTIONS } from '@/server/database';
import type { Database } from '@/server/cloudbase';
import { toCreateIndex } from '../../scripts/db-setup/collections';
import { parseCompany } from '../../scripts/db-setup/company';
import { runSetup } from '../../scripts/db-setup/run';
import { startSdkStack } from '../local/sdk-stack';
import { FakeManagerApi } from './fixtures/manager-api';

jest.setTimeout(30000);

const ENV = { CLOUD_ENV_ID: 'prod-1a2b3c', TENCENTCLOUD_SECRETID: 'AKIDexample', TENCENTCLOUD_SECRETKEY: 'secret-example' };
const EXAMPLE = path.resolve(__dirname, '../../config/company.example.json');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'db-setup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let emulator: Awaited<ReturnType<typeof startSdkStack>>;
beforeAll(async () => {
  emulator = await startSdkStack('db-setup-');
});
afterAll(() => emulator.close());

const run = async (fake: FakeManagerApi, argv: string[] = [], env: NodeJS.ProcessEnv = ENV, db?: Database) => {
  const out: string[] = [];
  const err: string[] = [];
  let managers = 0;
  const code = await runSetup(argv, env, {
    manager: (s) => {
      managers += 1;
      expect(s).toMatchObject({ envId: 'prod-1a2b3c', secretId: 'AKIDexample', secretKey: 'secret-example' });
      return fake;
    },
    database: () => {
      if (!db) throw new Error('no database in this test');
      return db;
    },
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), managers };
};

/** An index as the fake environment holds it, written back in the list's own terms. */
const indexesIn = (fake: FakeManagerApi, collection: string) =>
  fake.collections
    .get(collection)!
    .indexes.filter((i) => i.Name !== '_id_')
    .map((i) => ({ name: i.Name, keys: Object.fromEntries(i.Keys.map((k) => [k.Name, Number(k.Direction)])), unique: i.Unique }));

const listed = (collection: string) =>
  COLLECTIONS.find((c) => c.name === collection)!.indexes.map((i) => ({ name: i.name, keys: i.keys, unique: i.unique ?? false }));

/** The example company file with real-looking openids in place of its placeholders. */
const exampleWithOpenids = () => {
  const data = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8'));
  data.staff.forEach((s: { openid: string }, i: number) => (s.openid = `oAbCdEfGhIjKlMnOpQrStUv-${i}`));
  return data;
};
const writeJson = (name: string, data: unknown) => {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, JSON.stringify(data));
  return file;
};

describe('db:setup against a fresh environment', () => {
  it('creates every collection and index with their exact keys, directions and uniqueness, and makes each ADMINONLY', async () => {
    const fake = new FakeManagerApi();
    const { code, out } = await run(fake);
    expect(code).toBe(0);
    expect(fake.created.sort()).toEqual(COLLECTIONS.map((c) => c.name).sort());
    for (const c of COLLECTIONS) {
      expect([c.name, indexesIn(fake, c.name)]).toEqual([c.name, listed(c.name)]);
      expect([c.name, fake.collections.get(c.name)!.aclTag]).toEqual([c.name, 'ADMINONLY']);
    }
    // The request itself, as UpdateTable takes it: Direction is a string, uniqueness explicit.
    const staffUpdate = fake.calls.find((c) => c.method === 'database.updateCollection' && c.args[0] === 'staff')!;
    expect(staffUpdate.args[1]).toEqual({
      CreateIndexes: expect.arrayContaining([
        { IndexName: 'openid', MgoKeySchema: { MgoIndexKeys: [{ Name: 'openid', Direction: '1' }], MgoIsUnique: true } },
        { IndexName: 'team_active', MgoKeySchema: { MgoIndexKeys: [{ Name: 'team', Direction: '1' }, { Name: 'active', Direction: '1' }], MgoIsUnique: false } },
      ]),
    });
    const ticketsUpdate = fake.calls.find((c) => c.method === 'database.updateCollection' && c.args[0] === 'tickets')!;
    expect((ticketsUpdate.args[1] as { CreateIndexes: unknown[] }).CreateIndexes).toContainEqual({
      IndexName: 'owner_created',
      MgoKeySchema: { MgoIndexKeys: [{ Name: 'owner.openid', Direction: '1' }, { Name: 'createdAt', Direction: '-1' }], MgoIsUnique: false },
    });
    // A collection without indexes is created and protected, with no UpdateTable call.
    expect(fake.calls.filter((c) => c.method === 'database.updateCollection' && c.args[0] === 'communities')).toEqual([]);
    expect(out).toMatch(/tickets\s+新建 created\s+新建 13 \/ 已存在 0\s+ADMINONLY 已设置 set \(原 PRIVATE\)/);
    expect(out).toContain('数据库已就绪');
  });

  it('changes nothing on a second run, and says so', async () => {
    const fake = new FakeManagerApi();
    await run(fake);
    const before = fake.writes();
    const callsBefore = fake.calls.length;
    const { code, out } = await run(fake);
    expect(code).toBe(0);
    expect(fake.writes()).toEqual(before);
    // It did look: every collection was checked again.
    expect(fake.calls.slice(callsBefore).filter((c) => c.method === 'database.describeCollection')).toHaveLength(COLLECTIONS.length);
    expect(out).toMatch(/tickets\s+已存在 exists\s+新建 0 \/ 已存在 13\s+ADMINONLY 已存在 unchanged/);
    expect(out).toContain('已存在：所有集合、索引和安全规则都已就绪，本次没有改动。');
  });
});

describe('db:setup against a partly set up environment', () => {
  it('creates only the missing collections, indexes and rules', async () => {
    const tickets = COLLECTIONS.find((c) => c.name === 'tickets')!;
    const staff = COLLECTIONS.find((c) => c.name === 'staff')!;
    const fake = new FakeManagerApi()
      .given('tickets', tickets.indexes.filter((i) => i.name === 'due' || i.name === 'no_created').map(toCreateIndex))
      .given('staff', staff.indexes.map(toCreateIndex), 'ADMINONLY');
    const { code } = await run(fake);
    expect(code).toBe(0);
    expect(fake.created.sort()).toEqual(COLLECTIONS.map((c) => c.name).filter((n) => n !== 'tickets' && n !== 'staff').sort());
    const ticketsUpdate = fake.calls.filter((c) => c.method === 'database.updateCollection' && c.args[0] === 'tickets');
    expect(ticketsUpdate).toHaveLength(1);
    expect((ticketsUpdate[0].args[1] as { CreateIndexes: Array<{ IndexName: string }> }).CreateIndexes.map((i) => i.IndexName)).toEqual(
      tickets.indexes.map((i) => i.name).filter((n) => n !== 'due' && n !== 'no_created'),
    );
    expect(fake.writes().filter((w) => w.includes(' staff'))).toEqual([]);
    expect(indexesIn(fake, 'tickets').map((i) => i.name).sort()).toEqual(tickets.indexes.map((i) => i.name).sort());
    expect(fake.collections.get('tickets')!.aclTag).toBe('ADMINONLY');
  });

  it('reports an index that exists with other keys, and neither drops nor recreates it', async () => {
    const fake = new FakeManagerApi().given('tickets', [{ IndexName: 'due', MgoKeySchema: { MgoIndexKeys: [{ Name: 'nextDueAt', Direction: '-1' }], MgoIsUnique: false } }]);
    const { code, err } = await run(fake);
    expect(code).toBe(1);
    expect(err).toContain('索引 tickets.due 已存在但字段或唯一性与 src/server/database.ts 不同');
    expect(indexesIn(fake, 'tickets').find((i) => i.name === 'due')!.keys).toEqual({ nextDueAt: -1 });
  });

  it('tells how to set a rule by hand when the API refuses it', async () => {
    const fake = new FakeManagerApi();
    fake.failing.set('ModifyDatabaseACL', { code: 'UnauthorizedOperation', message: 'not authorized' });
    const { code, err } = await run(fake);
    expect(code).toBe(1);
    expect(err).toContain('集合 tickets 的安全规则未能设置（not authorized）');
    expect(err).toContain('控制台 → 数据库 → tickets → 数据权限 → 无权限（仅管理员）');
    expect(err).toContain('tcb permission set collection:tickets --level adminonly -e prod-1a2b3c');
  });
});

describe('db:setup checks everything before the first call', () => {
  it('stops with a message naming the missing settings, and calls nothing', async () => {
    const fake = new FakeManagerApi();
    const { code, err, managers } = await run(fake, [], { CLOUD_ENV_ID: 'prod-1a2b3c', TENCENTCLOUD_SECRETID: ' ' });
    expect(code).toBe(1);
    expect(err).toContain('缺少设置：TENCENTCLOUD_SECRETID、TENCENTCLOUD_SECRETKEY');
    expect(err).toContain('Missing settings: TENCENTCLOUD_SECRETID, TENCENTCLOUD_SECRETKEY');
    expect(managers).toBe(0);
    expect(fake.calls).toEqual([]);
  });

  it('rejects a bad company file entry by entry, in Chinese, and writes nothing anywhere', async () => {
    const data = exampleWithOpenids();
    data.staff[1].role = 'cashier';
    data.staff[2].phone = '12345';
    data.staff[3].trades = [];
    data.staff[0].zones = ['C区'];
    data.communities[0].buildings[1].code = '1';
    const fake = new FakeManagerApi();
    const { code, err } = await run(fake, ['--company', writeJson('bad.json', data)], ENV, emulator.db);
    expect(code).toBe(1);
    expect(err).toMatch(/有 \d+ 处问题，未写入任何内容/);
    expect(err).toContain('staff 第 2 项（陈前台） 的 role：');
    expect(err).toContain('staff 第 3 项（张管家） 的 phone：请填写正确的 11 位手机号');
    expect(fake.calls).toEqual([]);
    expect((await emulator.db.collection('staff').count()).total).toBe(0);

    // Cross-entry checks run once the shapes are right.
    data.staff[1].role = 'front_desk';
    data.staff[2].phone = '13900000003';
    const second = await run(fake, ['--company', writeJson('bad2.json', data)], ENV, emulator.db);
    expect(second.err).toContain('员工「王师傅」是维修师傅，但 trades（工种）为空');
    expect(second.err).toContain('员工「周主任」的片区「C区」不在任何小区的楼栋里');
    expect(second.err).toContain('building code 1 is used twice');
    expect(fake.calls).toEqual([]);
  });

  it('refuses the example file as it is: its openids are placeholders', () => {
    const parsed = parseCompany(JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toHaveLength(4);
    expect(!parsed.ok && parsed.problems[0]).toContain('staff 第 1 项（周主任） 的 openid：不是有效的 openid');
    expect(parseCompany(exampleWithOpenids()).ok).toBe(true);
  });
});

describe('db:setup --company', () => {
  it('upserts the communities and staff the server reads, keeping what the server keeps on a member', async () => {
    const data = exampleWithOpenids();
    const file = writeJson('company.json', data);
    const fake = new FakeManagerApi();
    const first = await run(fake, ['--company', file], ENV, emulator.db);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/员工 staff\s+s-tech-1\s+王师傅\s+新增 created/);

    const community = (await emulator.db.collection('communities').doc('c-example').get()).data[0];
    expect(community).toEqual({ ...data.communities[0] });
    const tech = (await emulator.db.collection('staff').doc('s-tech-1').get()).data[0];
    expect(tech).toEqual({ ...data.staff[3], active: true, credits: {}, openTasks: 0 });
    expect((await emulator.db.collection('staff').where({ openid: data.staff[0].openid }).get()).data.map((s: { role: string }) => s.role)).toEqual(['supervisor']);

    // Meanwhile the member subscribed and took a task; the file then changes their shifts.
    await emulator.db.collection('staff').doc('s-tech-1').update({ credits: { task_assigned: 3 }, openTasks: 2 });
    data.staff[3].shifts = [{ weekdays: [6, 7], start: '09:00', end: '18:00' }];
    delete data.staff[3].cap;
    const second = await run(fake, ['--company', writeJson('company2.json', data)], ENV, emulator.db);
    expect(second.code).toBe(0);
    expect(second.out).toMatch(/s-tech-1\s+王师傅\s+已更新 updated/);
    const after = (await emulator.db.collection('staff').doc('s-tech-1').get()).data[0];
    expect(after).toEqual({ ...data.staff[3], active: true, credits: { task_assigned: 3 }, openTasks: 2 });
    expect((await emulator.db.collection('staff').count()).total).toBe(4);
  });
});
