import fc from 'fast-check';
import {
  checkPhoto,
  extensionOf,
  isPhotoRef,
  MAX_PHOTO_BYTES,
  MAX_PHOTOS,
  PHOTO_MESSAGES,
  PHOTO_REF,
  photoExtOf,
  sniffPhotoExt,
} from '@/core/catalog/photos';
import { photosField } from '@/core/contract/photos';

const MB = 1024 * 1024;
const CLOUD = 'cloud://prod-1a2b.7072-prod-1a2b-1300000000';

describe('photo policy', () => {
  it('allows 9 photos of at most 10 MB each, with the messages owners see', () => {
    expect(MAX_PHOTOS).toBe(9);
    expect(MAX_PHOTO_BYTES).toBe(10 * MB);
    expect(PHOTO_MESSAGES).toMatchObject({
      tooLarge: '照片不能超过10MB',
      wrongType: '只能上传 JPG、PNG、WEBP 或 HEIC 格式的照片',
      tooMany: '最多上传9张照片',
      badRef: '照片格式不正确',
    });
  });
});

describe('checkPhoto', () => {
  it.each([
    ['a weapp temp file (fileType "image" says nothing)', { size: 2 * MB, path: 'http://tmp/wx1234abcd.jpg', type: 'image' }],
    ['a weapp wxfile path', { size: 300_000, path: 'wxfile://tmp_5f2a9c.jpeg' }],
    ['an H5 blob with its mime type', { size: 500_000, path: 'blob:http://localhost/1b4e28ba-2fa1', type: 'image/png' }],
    ['an iPhone HEIC by name, the browser giving no type', { size: 3 * MB, path: 'IMG_0001.HEIC', type: '' }],
    ['a HEIC labelled image/heif', { size: 3 * MB, path: 'IMG_0001.heic', type: 'image/heif' }],
    ['webp', { size: 1, type: 'image/webp' }],
    ['exactly 10 MB', { size: 10 * MB, path: 'a.png' }],
  ])('accepts %s', (_name, facts) => {
    expect(checkPhoto(facts)).toBeNull();
  });

  it.each([
    ['one byte over 10 MB', { size: 10 * MB + 1, path: 'a.jpg' }, PHOTO_MESSAGES.tooLarge],
    ['a 50 MB photo', { size: 50 * MB, type: 'image/jpeg' }, PHOTO_MESSAGES.tooLarge],
    ['a GIF', { size: 1000, path: 'funny.gif', type: 'image/gif' }, PHOTO_MESSAGES.wrongType],
    ['a video', { size: 1000, path: 'http://tmp/v.mp4', type: 'video' }, PHOTO_MESSAGES.wrongType],
    ['a PDF named .jpg', { size: 1000, path: 'scan.jpg', type: 'application/pdf' }, PHOTO_MESSAGES.wrongType],
    ['an executable with an image type', { size: 1000, path: 'a.exe', type: 'image/png' }, PHOTO_MESSAGES.wrongType],
    ['a file that says nothing about its kind', { size: 1000, path: 'blob:http://localhost/x' }, PHOTO_MESSAGES.wrongType],
    ['an SVG (it may carry script)', { size: 1000, path: 'x.svg', type: 'image/svg+xml' }, PHOTO_MESSAGES.wrongType],
    ['an empty file', { size: 0, path: 'a.jpg' }, PHOTO_MESSAGES.empty],
    ['a size that is not a number', { size: Number.NaN, path: 'a.jpg' }, PHOTO_MESSAGES.empty],
  ])('refuses %s', (_name, facts, message) => {
    expect(checkPhoto(facts)).toBe(message);
  });

  it('reads the extension of the last path segment only, ignoring query and fragment', () => {
    expect(extensionOf('http://tmp/a.b/c.PNG?x=1.gif#y.exe')).toBe('png');
    expect(extensionOf('blob:http://localhost/abc')).toBe('');
    expect(extensionOf('.jpg')).toBe('');
    expect(photoExtOf({ path: 'x.jpeg' })).toBe('jpg');
    expect(photoExtOf({ type: 'image/jpeg; charset=binary' })).toBe('jpg');
  });
});

describe('sniffPhotoExt: what the bytes are', () => {
  const bytes = (...parts: Array<string | number[]>) =>
    Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));

  it('recognises JPEG, PNG, WEBP and HEIC signatures', () => {
    expect(sniffPhotoExt(bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'))).toBe('jpg');
    expect(sniffPhotoExt(bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0]))).toBe('png');
    expect(sniffPhotoExt(bytes('RIFF', [1, 2, 3, 4], 'WEBPVP8 '))).toBe('webp');
    expect(sniffPhotoExt(bytes([0, 0, 0, 0x18], 'ftypheic', [0, 0, 0, 0]))).toBe('heic');
    expect(sniffPhotoExt(bytes([0, 0, 0, 0x18], 'ftypmif1', [0, 0, 0, 0]))).toBe('heic');
  });

  it('refuses anything else, including look-alikes', () => {
    expect(sniffPhotoExt(bytes('GIF89a'))).toBeNull();
    expect(sniffPhotoExt(bytes('<svg xmlns="http://www.w3.org/2000/svg">'))).toBeNull();
    expect(sniffPhotoExt(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull();
    expect(sniffPhotoExt(bytes([0, 0, 0, 0x18], 'ftypmp42'))).toBeNull(); // an MP4 video
    expect(sniffPhotoExt(bytes([0xff, 0xd8]))).toBeNull();
    expect(sniffPhotoExt(new Uint8Array(0))).toBeNull();
  });
});

describe('PHOTO_REF: the only photo references a submission may carry', () => {
  it.each([
    `${CLOUD}/photos/202501/lx3k9a2b7c.jpg`,
    `${CLOUD}/photos/202501/IMG_0001.final.jpeg`,
    'cloud://env-1.bucket-1/a.png',
    `${CLOUD}/photos/x.webp`,
    `${CLOUD}/photos/x.heic`,
    'local://photos/0123456789abcdef0123456789abcdef.jpg',
    'local://photos/0123456789abcdef.png',
  ])('accepts %s', (ref) => {
    expect(PHOTO_REF.test(ref)).toBe(true);
    expect(isPhotoRef(ref)).toBe(true);
  });

  it.each([
    ['no env.bucket', 'cloud://a.jpg'],
    ['a parent directory', `${CLOUD}/photos/../secrets.jpg`],
    ['a parent directory at the start', `${CLOUD}/../x.jpg`],
    ['a local parent directory', 'local://photos/../../etc/passwd.jpg'],
    ['a local path outside photos', 'local://journal/0123456789abcdef.jpg'],
    ['an empty segment', `${CLOUD}/photos//x.jpg`],
    ['a hidden name', `${CLOUD}/photos/.jpg`],
    ['a query string', `${CLOUD}/photos/x.jpg?sign=abc`],
    ['a fragment', 'local://photos/0123456789abcdef.jpg#x'],
    ['a space', `${CLOUD}/photos/my photo.jpg`],
    ['a percent escape', `${CLOUD}/photos/%2e%2e/x.jpg`],
    ['a backslash', `${CLOUD}/photos\\x.jpg`],
    ['a newline', `${CLOUD}/photos/x.jpg\nlocal://photos/0123456789abcdef.jpg`],
    ['a trailing newline', `${CLOUD}/photos/x.jpg\n`],
    ['a javascript: URL', 'javascript:alert(1)//.jpg'],
    ['a data: URL', 'data:image/png;base64,iVBORw0KGgo='],
    ['an https URL', 'https://example.com/x.jpg'],
    ['a file: URL', 'file:///etc/passwd.jpg'],
    ['not an image', `${CLOUD}/photos/x.html`],
    ['an SVG', `${CLOUD}/photos/x.svg`],
    ['upper-case scheme', 'CLOUD://env.bucket/x.jpg'],
    ['the local storage URL instead of the reference', '/_local/storage/photos/0123456789abcdef.jpg'],
    ['an empty string', ''],
    ['over 512 characters', `${CLOUD}/${'a/'.repeat(250)}x.jpg`],
  ])('refuses %s', (_name, ref) => {
    expect(PHOTO_REF.test(ref)).toBe(false);
    expect(isPhotoRef(ref)).toBe(false);
  });

  it('accepts a 512-character reference and not one character more', () => {
    const fill = (n: number) => `${CLOUD}/${'p'.repeat(n - CLOUD.length - 5)}.jpg`;
    expect(fill(512)).toHaveLength(512);
    expect(isPhotoRef(fill(512))).toBe(true);
    expect(isPhotoRef(fill(513))).toBe(false);
  });

  it('never accepts a reference containing "..", whatever surrounds it', () => {
    const segment = fc.stringMatching(/^[A-Za-z0-9_.-]{0,12}$/);
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const ref = `${CLOUD}/${segments.join('/')}.jpg`;
        if (ref.includes('..') || ref.includes('//', 'cloud://'.length)) expect(isPhotoRef(ref)).toBe(false);
      }),
    );
  });

  it('answers quickly even for adversarial input', () => {
    const started = Date.now();
    for (const ref of [`${CLOUD}/${'a.'.repeat(250)}`, `${CLOUD}/${'a/'.repeat(250)}`, `cloud://${'a-'.repeat(250)}`]) isPhotoRef(ref);
    expect(Date.now() - started).toBeLessThan(200);
  });

  it('is only true for strings', () => {
    expect(isPhotoRef({ $ne: null })).toBe(false);
    expect(isPhotoRef(['local://photos/0123456789abcdef.jpg'])).toBe(false);
    expect(isPhotoRef(undefined)).toBe(false);
  });
});

describe('photosField: the contract field every submission uses', () => {
  const field = photosField();
  const messageOf = (input: unknown) => {
    const r = field.safeParse(input);
    return r.success ? null : r.error.issues[0]?.message;
  };

  it('defaults to no photos and keeps valid references in order', () => {
    expect(field.parse(undefined)).toEqual([]);
    const refs = [`${CLOUD}/photos/b.jpg`, 'local://photos/0123456789abcdef.png', `${CLOUD}/photos/a.jpg`];
    expect(field.parse(refs)).toEqual(refs);
    expect(field.parse(Array.from({ length: 9 }, (_, i) => `${CLOUD}/photos/p${i}.jpg`))).toHaveLength(9);
  });

  it.each([
    ['ten photos', Array.from({ length: 10 }, (_, i) => `${CLOUD}/photos/p${i}.jpg`), '最多上传9张照片'],
    ['a Mongo operator object in place of a reference', [{ $ne: null }], '照片格式不正确'],
    ['an operator object in place of the list', { $exists: true }, '照片格式不正确'],
    ['a $where string', ['$where: function () { return true }'], '照片格式不正确'],
    ['a traversal', ['local://photos/../../journal.jpg'], '照片格式不正确'],
    ['a javascript: URL', ['javascript:alert(document.cookie)'], '照片格式不正确'],
    ['a number', [42], '照片格式不正确'],
    ['a null', [null], '照片格式不正确'],
    ['one bad among good ones', [`${CLOUD}/photos/a.jpg`, 'https://evil.example/x.jpg'], '照片格式不正确'],
    ['a 10,000-character string', ['x'.repeat(10_000)], '照片格式不正确'],
  ])('refuses %s with a Chinese message', (_name, input, message) => {
    expect(messageOf(input)).toBe(message);
  });
});
