// Privacy on the real stack: who reads an owner's phone in full, who gets the ticket's photos (as
// short-lived signed URLs from private storage), and the pii_access trail of every staff member
// served either. One repair with a phone and a photo, viewed by every kind of person.
import type { PiiAccess } from '@/server/ports';
import { CARPENTER, FRONT_DESK, LIN_UNIT, MANAGER, OTHER_OWNER, OWNER, PLUMBER, startTestStack, SUPERVISOR, type TestStack } from './local-stack';

const LEAD = 'demo-lead-ma';
const KEEPER = 'demo-keeper-zhang';
const GUEST = 'demo-guest';
const FULL = '13800000001'; // 林先生
const MASKED = '138****0001';

const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 3000 }, (_, i) => (i * 7) % 251)]);

let s: TestStack;
let ticketId: string;
let ref: string;

const uploadJpeg = () => s.uploadPhoto(JPEG);

const accessLog = async (): Promise<PiiAccess[]> =>
  ((await s.db.collection('pii_access').where({}).limit(1000).get()).data ?? []) as PiiAccess[];

/** What `openid` is served by ticket.get, and what pii_access gained from that one view. */
const view = async (openid: string) => {
  const before = (await accessLog()).length;
  const reply = await s.as(openid)('ticket.get', { ticketId });
  const added = (await accessLog()).slice(before);
  return { reply, added };
};

const fetchPhoto = (url: string) => fetch(`${s.stack.url}${url}`);

beforeAll(async () => {
  s = await startTestStack();
  ref = await uploadJpeg();
  const { ticket } = await s.must(OWNER)('repair.submit', {
    unitId: LIN_UNIT,
    category: 'plumbing_electric',
    description: '卫生间水管渗水',
    urgent: false,
    photos: [ref],
  });
  ticketId = ticket.id;
  await s.must(PLUMBER)('task.accept', { ticketId });
});
afterAll(() => s.close());

describe('ticket.get of a held repair, viewer by viewer', () => {
  it.each([
    ['the owner', OWNER, FULL, []],
    ['the handler (王师傅)', PLUMBER, FULL, ['phone', 'photos']],
    ['the front desk', FRONT_DESK, FULL, ['phone', 'photos']],
    ['the team lead', LEAD, MASKED, ['photos']],
    ['the zone housekeeper', KEEPER, MASKED, ['photos']],
    ['the supervisor', SUPERVISOR, MASKED, ['photos']],
    ['the manager', MANAGER, MASKED, ['photos']],
  ])('%s reads the phone as it should, gets a working photo URL, and the trail says so', async (_who, openid, phone, what) => {
    const { reply, added } = await view(openid);
    if (!reply.ok) throw new Error(reply.message);
    const { ticket } = reply.data;
    expect(ticket.owner).toEqual({ name: '林先生', phone });
    expect(ticket.photos).toHaveLength(1);
    const url = ticket.photos[0]!;
    expect(url).toMatch(/^\/_local\/storage\/photos\/[0-9a-f]{32}\.jpg\?expires=\d+&sign=[0-9a-f]{64}$/);
    expect(url).not.toContain(ref); // the stored reference itself never travels
    const res = await fetchPhoto(url);
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(JPEG);

    if (what.length === 0) return expect(added).toEqual([]);
    const staff = (await s.db.collection('staff').where({ openid }).get()).data[0] as { _id: string; name: string; role: string };
    expect(added).toEqual([
      expect.objectContaining({ ticketId, what, viewer: { staffId: staff._id, name: staff.name, role: staff.role }, at: expect.any(Number) }),
    ]);
  });

  it.each([
    ['another owner', OTHER_OWNER],
    ['an unbound user', GUEST],
    ['a technician of another trade', CARPENTER],
  ])('%s learns nothing: not found, no phone, no photo, nothing in the trail', async (_who, openid) => {
    const { reply, added } = await view(openid);
    expect(reply).toEqual({ ok: false, code: 'TICKET.NOT_FOUND', message: expect.any(String) });
    expect(JSON.stringify(reply)).not.toMatch(/13800000001|138\*\*\*\*0001|_local\/storage/);
    expect(added).toEqual([]);
  });
});

describe('photo URLs', () => {
  const signedUrl = async (maxAge = 60) => {
    const res = await s.app.getTempFileURL({ fileList: [{ fileID: ref, maxAge }] });
    return res.fileList[0]!.tempFileURL;
  };

  it('refuses the bare storage path, a tampered signature, a moved expiry and another photo under the same signature', async () => {
    const url = await signedUrl();
    expect((await fetchPhoto(url)).status).toBe(200);
    const path = url.slice(0, url.indexOf('?'));
    const other = (await uploadJpeg()).slice('local://'.length);
    const tampered = url.replace(/sign=([0-9a-f])/, (_m, c: string) => `sign=${c === '0' ? '1' : '0'}`);
    const later = url.replace(/expires=(\d+)/, (_m, e: string) => `expires=${Number(e) + 3600}`);
    for (const bad of [path, tampered, later, url.replace(/photos\/[0-9a-f]{32}\.jpg/, other), `${path}?expires=9999999999`]) {
      const res = await fetchPhoto(bad);
      expect([bad, res.status]).toEqual([bad, 403]);
      expect(await res.text()).not.toContain('\xff\xd8');
    }
  });

  it('refuses a URL once it has expired', async () => {
    const url = await signedUrl(1);
    await new Promise((r) => setTimeout(r, 1100));
    const res = await fetchPhoto(url);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ ok: false, message: '照片链接已过期，请刷新页面' });
  });

  it('answers STORAGE_FILE_NONEXIST for a reference the storage does not hold (and the view leaves it out)', async () => {
    const res = await s.app.getTempFileURL({ fileList: [{ fileID: 'local://photos/00000000000000000000000000000000.jpg', maxAge: 60 }] });
    expect(res.fileList).toEqual([{ code: 'STORAGE_FILE_NONEXIST', fileID: 'local://photos/00000000000000000000000000000000.jpg', tempFileURL: '' }]);
  });
});

describe('after a reassignment', () => {
  it('the former handler reads the phone masked, the new one in full', async () => {
    const current = (await s.must(SUPERVISOR)('ticket.get', { ticketId })).ticket;
    await s.must(SUPERVISOR)('task.reassign', { ticketId, staffId: 's-lead-ma', reason: '王师傅临时请假', version: current.version });
    expect((await s.must(PLUMBER)('ticket.get', { ticketId })).ticket.owner.phone).toBe(MASKED);
    const { reply, added } = await view(LEAD);
    expect(reply.ok && reply.data.ticket.owner.phone).toBe(FULL);
    expect(added.map((a) => [a.viewer.staffId, a.what])).toEqual([['s-lead-ma', ['phone', 'photos']]]);
  });
});

describe('desk lists', () => {
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  it('the day register shows the front desk the phone (one trail entry naming the tickets), a housekeeper masked', async () => {
    const before = (await accessLog()).length;
    const desk = await s.must(FRONT_DESK)('desk.daily', { date: today() } as never);
    expect(desk.rows.find((r) => r.id === ticketId)?.ownerPhone).toBe(FULL);
    const added = (await accessLog()).slice(before);
    expect(added).toEqual([expect.objectContaining({ via: 'desk.daily', what: ['phone'], ticketId: null, ticketIds: expect.arrayContaining([ticketId]) })]);

    const keeper = await s.must(KEEPER)('desk.daily', { date: today() } as never);
    expect(keeper.rows.find((r) => r.id === ticketId)?.ownerPhone).toBe(MASKED);
    expect((await accessLog()).length).toBe(before + 1);
  });
});

describe('a failing pii_access write', () => {
  it('is logged, and the view is still answered in full', async () => {
    const lost = expect.stringContaining('[pii_access] not recorded: s-desk-chen');
    const consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    s.stack.emulator.injectDbFault({ collection: 'pii_access', action: 'database.insertDocument', times: 1 });
    try {
      const { reply, added } = await view(FRONT_DESK);
      expect(reply.ok && reply.data.ticket.owner.phone).toBe(FULL);
      expect(reply.ok && reply.data.ticket.photos).toHaveLength(1);
      expect(added).toEqual([]);
      expect(consoleError).toHaveBeenCalledWith(lost, expect.objectContaining({ code: 'DATABASE_REQUEST_FAILED' }));
      // The next view is recorded again: the fault was one write, not the log.
      expect((await view(FRONT_DESK)).added).toHaveLength(1);
    } finally {
      s.stack.emulator.clearFaults();
      consoleError.mockRestore();
    }
  });
});
