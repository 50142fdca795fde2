// Photos on a repair submission, end to end on the local stack: a photo is uploaded to the
// stack's storage as the H5 app does, its reference travels in repair.submit and is kept on the
// ticket and served back as a short-lived link; anything that is not such a reference is refused
// before a single write.
import { LIN_UNIT, OWNER, PLUMBER, startTestStack, TEST_JPEG, type TestStack } from './local-stack';

let s: TestStack;
beforeAll(async () => {
  s = await startTestStack();
});
afterAll(() => s.close());

const valid = { unitId: LIN_UNIT, category: 'plumbing_electric' as const, description: '卫生间水管渗水', urgent: false };

const uploadJpeg = () => s.uploadPhoto();

/** repair.submit must be refused with `message`, and the database must not change. */
const refusedWith = async (photos: unknown, message: string) => {
  const before = s.stack.emulator.stats().writes;
  const reply = await s.post('repair', { action: 'repair.submit', input: { ...valid, photos } }, OWNER);
  expect(reply).toEqual({ ok: false, code: 'INPUT.INVALID', message });
  expect(s.stack.emulator.stats().writes).toBe(before);
};

describe('repair.submit with photos', () => {
  it.each([
    ['a web URL', ['https://evil.example/x.jpg']],
    ['a traversal out of the storage', ['local://photos/../../journal.ejsonl']],
    ['a javascript: URL', ['javascript:alert(1)']],
    ['a Mongo operator object', [{ $ne: null }]],
    ['an operator object instead of the list', { $exists: true }],
    ['a good reference followed by a bad one', ['cloud://env-1.bucket-1/photos/a.jpg', 'cloud://a.jpg']],
  ])('refuses %s with 照片格式不正确 and writes nothing', async (_name, photos) => {
    await refusedWith(photos, '照片格式不正确');
  });

  it('refuses ten photos with 最多上传9张照片 and writes nothing', async () => {
    const ref = await uploadJpeg();
    await refusedWith(Array(10).fill(ref), '最多上传9张照片');
  });

  it('keeps an uploaded photo on the ticket: the owner and the technician get a link to it, and it can be fetched', async () => {
    const ref = await uploadJpeg();
    const cloudRef = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/photos/202501/lx3k9a2b.jpg';
    const { ticket } = await s.must(OWNER)('repair.submit', { ...valid, photos: [ref, cloudRef] });

    // The cloud:// reference is not in the local storage: no link can be made for it, so it is left out.
    const link = expect.stringMatching(new RegExp(`^/_local/storage/${ref.slice('local://'.length)}\\?expires=\\d+&sign=`));
    expect(ticket.photos).toEqual([link]);
    const stored = (await s.db.collection('tickets').doc(ticket.id).get()).data[0] as { photos: string[] };
    expect(stored.photos).toEqual([ref, cloudRef]);
    const forPlumber = (await s.must(PLUMBER)('ticket.get', { ticketId: ticket.id })).ticket.photos;
    expect(forPlumber).toEqual([link]);

    const res = await fetch(`${s.stack.url}${forPlumber[0]}`);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(TEST_JPEG);
  });
});
