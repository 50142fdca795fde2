// The local stack's photo storage over real HTTP: what Taro.uploadFile posts on H5 (one file in a
// multipart/form-data body) is checked on its bytes, stored under the data folder, and served
// back byte for byte, only through a temporary URL minted for the server (getTempFileURL, as in
// CloudBase with a private read rule); nothing outside the photos folder can be read through it.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { isPhotoRef, LOCAL_PHOTO_PATH, MAX_PHOTO_BYTES } from '@/core/catalog/photos';
import tcb from '@cloudbase/node-sdk';
import { startStack, type RunningStack } from '@/local/stack';

const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00];
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** `size` bytes that start with `head` and go on with a pattern (so a mix-up would show). */
const image = (head: number[], size: number): Buffer => {
  const buf = Buffer.alloc(size);
  for (let i = 0; i < size; i++) buf[i] = i < head.length ? head[i]! : (i * 31 + 7) % 256;
  return buf;
};
const jpeg = (size = 4096) => image(JPEG_HEAD, size);
const png = (size = 2048) => image(PNG_HEAD, size);
const gif = () => Buffer.from('GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff\x00\x00\x00!\xf9\x04', 'latin1');

let dataDir: string;
let stack: RunningStack;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'local-storage-'));
  stack = await startStack({ dataDir, handlers: {} });
});

afterAll(async () => {
  await stack?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: { ok: boolean; data?: { ref: string }; code?: string; message?: string };
}

/** Posts a form as a browser does: fetch builds the multipart body and its boundary. */
const postForm = async (form: FormData): Promise<Answer> => {
  const res = await fetch(`${stack.url}/_local/storage/upload`, { method: 'POST', body: form });
  return { status: res.status, body: await res.json() };
};

const upload = (bytes: Buffer, fileName: string, type: string, field = 'file') => {
  const form = new FormData();
  form.append(field, new Blob([new Uint8Array(bytes)], { type }), fileName);
  return postForm(form);
};

const storedPhotos = () => {
  const dir = path.join(dataDir, 'storage', 'photos');
  return fs.existsSync(dir) ? fs.readdirSync(dir).sort() : [];
};

/** GET with the path exactly as written: fetch would resolve '..' segments before sending. */
const rawGet = (rawPath: string): Promise<{ status: number; type: string | undefined; body: Buffer }> =>
  new Promise((resolve, reject) => {
    const { hostname, port } = new URL(stack.url);
    const req = http.request({ hostname, port, path: rawPath, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: res.headers['content-type'], body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });

const bareUrlOf = (ref: string) => `/_local/storage/${ref.slice('local://'.length)}`;

/** What the server's getTempFileURL answers for these references. */
const tempUrls = async (...refs: string[]) =>
  (await tcb.init({ env: 'local-test', serviceUrl: stack.serviceUrl }).getTempFileURL({ fileList: refs.map((fileID) => ({ fileID, maxAge: 60 })) })).fileList;

/** A signed URL for a stored photo, as the server gets one. */
const urlOf = async (ref: string) => {
  const [item] = await tempUrls(ref);
  if (item?.code !== 'SUCCESS') throw new Error(`no link for ${ref}: ${item?.code}`);
  return item.tempFileURL;
};

describe('POST /_local/storage/upload', () => {
  it('stores a JPEG, answers its reference, and serves the same bytes back as image/jpeg', async () => {
    const bytes = jpeg(50_000);
    const { status, body } = await upload(bytes, 'IMG_0001.JPG', 'image/jpeg');

    expect(status).toBe(201);
    expect(body.ok).toBe(true);
    const ref = body.data!.ref;
    expect(ref).toMatch(/^local:\/\/photos\/[0-9a-f]{32}\.jpg$/);
    expect(isPhotoRef(ref)).toBe(true); // the contract will take it in a submission
    expect(storedPhotos()).toContain(path.basename(ref));

    expect((await rawGet(bareUrlOf(ref))).status).toBe(403); // private: the path alone opens nothing
    const res = await fetch(`${stack.url}${await urlOf(ref)}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('stores a PNG as .png even when the browser sent no name or type, and each upload gets its own name', async () => {
    const bytes = png();
    const first = await upload(bytes, 'blob', '');
    const second = await upload(bytes, 'blob', '');
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(first.body.data!.ref).toMatch(/\.png$/);
    expect(second.body.data!.ref).not.toBe(first.body.data!.ref);

    const served = await rawGet(await urlOf(first.body.data!.ref));
    expect(served.type).toBe('image/png');
    expect(served.body.equals(bytes)).toBe(true);
  });

  it('trusts the bytes, not the label: PNG bytes named .jpg are stored and served as PNG', async () => {
    const { status, body } = await upload(png(), 'photo.jpg', 'image/jpeg');
    expect(status).toBe(201);
    expect(body.data!.ref).toMatch(/\.png$/);
  });

  it('takes a photo of exactly 10 MB', async () => {
    const { status } = await upload(jpeg(MAX_PHOTO_BYTES), 'big.jpg', 'image/jpeg');
    expect(status).toBe(201);
  });

  it.each([
    ['one byte over 10 MB', MAX_PHOTO_BYTES + 1],
    ['three times the limit', 3 * MAX_PHOTO_BYTES],
  ])('refuses a photo %s with 413 and a Chinese message, storing nothing', async (_name, size) => {
    const before = storedPhotos();
    const { status, body } = await upload(jpeg(size), 'huge.jpg', 'image/jpeg');
    expect(status).toBe(413);
    expect(body).toEqual({ ok: false, code: 'PHOTO.TOO_LARGE', message: '照片不能超过10MB' });
    expect(storedPhotos()).toEqual(before);
  });

  it.each([
    ['a GIF', gif(), 'funny.gif', 'image/gif'],
    ['a GIF pretending to be a JPEG', gif(), 'photo.jpg', 'image/jpeg'],
    ['an HTML page named .png', Buffer.from('<html><script>alert(1)</script></html>'), 'x.png', 'image/png'],
    ['an SVG', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.svg', 'image/svg+xml'],
    ['a PDF', Buffer.from('%PDF-1.7\n%âãÏÓ\n'), 'scan.pdf', 'application/pdf'],
  ])('refuses %s with 400 and a Chinese message, storing nothing', async (_name, bytes, fileName, type) => {
    const before = storedPhotos();
    const { status, body } = await upload(bytes, fileName, type);
    expect(status).toBe(400);
    expect(body).toEqual({ ok: false, code: 'PHOTO.WRONG_TYPE', message: '只能上传 JPG、PNG、WEBP 或 HEIC 格式的照片' });
    expect(storedPhotos()).toEqual(before);
  });

  it('refuses an empty file, a form without a file, two files at once and a body that is not a form', async () => {
    expect(await upload(Buffer.alloc(0), 'a.jpg', 'image/jpeg')).toEqual({
      status: 400,
      body: { ok: false, code: 'PHOTO.EMPTY', message: '照片内容为空，请重新选择' },
    });

    const noFile = new FormData();
    noFile.append('file', 'just text');
    expect(await postForm(noFile)).toMatchObject({ status: 400, body: { ok: false, code: 'PHOTO.MISSING', message: '请选择要上传的照片' } });

    const two = new FormData();
    two.append('file', new Blob([new Uint8Array(jpeg())], { type: 'image/jpeg' }), 'a.jpg');
    two.append('file', new Blob([new Uint8Array(jpeg())], { type: 'image/jpeg' }), 'b.jpg');
    expect(await postForm(two)).toMatchObject({ status: 400, body: { ok: false, code: 'PHOTO.TOO_MANY' } });

    const raw = await fetch(`${stack.url}/_local/storage/upload`, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(jpeg()) });
    expect(raw.status).toBe(415);
    expect(await raw.json()).toMatchObject({ ok: false, message: '请以表单方式上传照片' });

    const broken = await fetch(`${stack.url}/_local/storage/upload`, {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=XYZ' },
      body: 'not a multipart body',
    });
    expect(broken.status).toBe(400);
    expect(await broken.json()).toMatchObject({ ok: false, code: 'REQUEST.INVALID' });
  });

  it('accepts the upload only by POST', async () => {
    const res = await fetch(`${stack.url}/_local/storage/upload`);
    expect(res.status).toBe(405);
  });

  it('answers a page on another localhost port (the H5 dev server) with CORS headers', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(jpeg())], { type: 'image/jpeg' }), 'a.jpg');
    const res = await fetch(`${stack.url}/_local/storage/upload`, { method: 'POST', body: form, headers: { origin: 'http://localhost:10086' } });
    expect(res.status).toBe(201);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://localhost:10086');
  });
});

describe('GET /_local/storage/<path>', () => {
  beforeAll(() => {
    // Files a traversal would be after: one beside the photos folder, one in the data folder.
    fs.mkdirSync(path.join(dataDir, 'storage', 'photos'), { recursive: true });
    fs.writeFileSync(path.join(dataDir, 'storage', '0123456789abcdef.jpg'), 'SECRET-BESIDE');
    fs.writeFileSync(path.join(dataDir, '0123456789abcdef.jpg'), 'SECRET-DATA');
  });

  it.each([
    '/_local/storage/0123456789abcdef.jpg',
    '/_local/storage/photos/../0123456789abcdef.jpg',
    '/_local/storage/photos/../../0123456789abcdef.jpg',
    '/_local/storage/photos/..%2F0123456789abcdef.jpg',
    '/_local/storage/photos/%2e%2e%2f%2e%2e%2f0123456789abcdef.jpg',
    '/_local/storage/photos/..%5C..%5C0123456789abcdef.jpg',
    '/_local/storage/photos/%2e%2e/%2e%2e/journal.ejsonl',
    '/_local/storage/../journal.ejsonl',
    '/_local/storage/photos/%252e%252e%252f0123456789abcdef.jpg',
    '/_local/storage/photos/0123456789abcdef.jpg%00.png',
    '/_local/storage/%2Fetc%2Fpasswd',
  ])('refuses %s without revealing anything', async (rawPath) => {
    const res = await rawGet(rawPath);
    expect([400, 404]).toContain(res.status);
    expect(res.body.toString('latin1')).not.toMatch(/SECRET|insertDocument|root:/);
  });

  it('does not follow a symbolic link planted among the photos', async () => {
    const link = path.join(dataDir, 'storage', 'photos', 'feedfacefeedface.jpg');
    fs.symlinkSync(path.join(dataDir, '0123456789abcdef.jpg'), link);
    const res = await rawGet('/_local/storage/photos/feedfacefeedface.jpg');
    expect(res.status).toBe(403);
    expect(res.body.toString()).not.toContain('SECRET');
    // Nor will the storage mint a link to it.
    expect(await tempUrls('local://photos/feedfacefeedface.jpg')).toEqual([expect.objectContaining({ code: 'STORAGE_FILE_NONEXIST', tempFileURL: '' })]);
  });

  it('answers a bare path 403 whether or not the photo exists, and mints no link for one never stored', async () => {
    const res = await rawGet('/_local/storage/photos/00000000000000000000000000000000.jpg');
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body.toString())).toMatchObject({ ok: false, message: '无权查看该照片' });
    expect(await tempUrls('local://photos/00000000000000000000000000000000.jpg')).toEqual([
      { code: 'STORAGE_FILE_NONEXIST', fileID: 'local://photos/00000000000000000000000000000000.jpg', tempFileURL: '' },
    ]);
    expect(LOCAL_PHOTO_PATH.test('photos/00000000000000000000000000000000.jpg')).toBe(true);
  });

  it('keeps stored photos across a restart of the stack (they live in the data folder)', async () => {
    const bytes = jpeg(10_000);
    const { body } = await upload(bytes, 'keep.jpg', 'image/jpeg');
    await stack.close();
    stack = await startStack({ dataDir, handlers: {} });
    const served = await rawGet(await urlOf(body.data!.ref));
    expect(served.status).toBe(200);
    expect(served.body.equals(bytes)).toBe(true);
  });
});
