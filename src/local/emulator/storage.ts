// The local stack's file storage, standing in for CloudBase cloud storage in H5 local mode:
//   POST /_local/storage/upload   one photo as multipart/form-data (what Taro.uploadFile sends on
//                                 H5); answers { ok: true, data: { ref: 'local://photos/<id>.<ext>' } }
//   GET  /_local/storage/photos/<id>.<ext>?expires=…&sign=…   the stored bytes, with the photo's
//                                 content type, only by a temporary URL minted for the server
//                                 (storage-links.ts); a bare path answers 403
// Photos are checked with the core's own rules on their BYTES (signature and size), never on the
// name or content type the client claims, and kept under <dataDir>/storage/photos/.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import {
  checkPhoto,
  LOCAL_PHOTO_PATH,
  LOCAL_PHOTO_SCHEME,
  MAX_PHOTO_BYTES,
  PHOTO_MESSAGES,
  PHOTO_TYPES,
  sniffPhotoExt,
  type PhotoExt,
} from '../../core/catalog/photos';
import { applyCors, sendJson } from './http';
import { createStorageLinks, type StorageLinks } from './storage-links';

export const STORAGE_PREFIX = '/_local/storage/';
export const UPLOAD_PATH = `${STORAGE_PREFIX}upload`;

/** Room for the multipart framing around one photo (boundaries, part headers, a long file name). */
const MULTIPART_OVERHEAD = 64 * 1024;
const MAX_UPLOAD_BYTES = MAX_PHOTO_BYTES + MULTIPART_OVERHEAD;
/**
 * An oversized body is still read to the end (and dropped) up to this much, so the browser gets
 * the 413 answer instead of a reset connection; beyond it the connection is cut.
 */
const MAX_DRAIN_BYTES = 8 * MAX_PHOTO_BYTES;

const BAD_REQUEST = { ok: false, code: 'REQUEST.INVALID', message: '请求格式错误' } as const;
const NOT_FOUND = { ok: false, code: 'NOT_FOUND', message: '照片不存在' } as const;
const FORBIDDEN = { ok: false, code: 'AUTH.FORBIDDEN', message: '无权查看该照片' } as const;
const EXPIRED = { ok: false, code: 'AUTH.FORBIDDEN', message: '照片链接已过期，请刷新页面' } as const;

const refused = (res: ServerResponse, status: number, code: string, message: string) => sendJson(res, status, { ok: false, code, message });

class TooLarge extends Error {}

/** The body, or TooLarge once it passes `limit` (the rest is read and dropped, up to a cap). */
async function readLimited(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > MAX_DRAIN_BYTES) {
      req.destroy();
      break;
    }
    if (size <= limit) chunks.push(buf);
  }
  if (size > limit) throw new TooLarge();
  return Buffer.concat(chunks);
}

/** The one file of a multipart/form-data body (parsed by Node's own fetch implementation, undici). */
async function fileOf(body: Buffer, contentType: string): Promise<File | 'none' | 'many'> {
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  const files = [...form.values()].filter((v): v is File => typeof v !== 'string');
  if (files.length === 0) return 'none';
  if (files.length > 1) return 'many';
  return files[0]!;
}

export interface LocalStorage {
  /** Serves a path under STORAGE_PREFIX. */
  serve(req: IncomingMessage, res: ServerResponse, urlPath: string): Promise<void>;
  /** The temporary URLs the SDK's getTempFileURL asks for. */
  links: StorageLinks;
}

export function createLocalStorage(dataDir: string): LocalStorage {
  const root = path.resolve(dataDir, 'storage');
  const photosDir = path.join(root, 'photos');
  const links = createStorageLinks(root);

  async function upload(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const contentType = req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data\s*;/i.test(contentType)) {
      return refused(res, 415, 'REQUEST.INVALID', '请以表单方式上传照片');
    }
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > MAX_DRAIN_BYTES) {
      // Not worth reading: answer now and close the connection behind the answer.
      res.setHeader('connection', 'close');
      res.once('finish', () => req.destroy());
      return refused(res, 413, 'PHOTO.TOO_LARGE', PHOTO_MESSAGES.tooLarge);
    }

    let file: File | 'none' | 'many';
    try {
      file = await fileOf(await readLimited(req, MAX_UPLOAD_BYTES), contentType);
    } catch (err) {
      if (err instanceof TooLarge) return refused(res, 413, 'PHOTO.TOO_LARGE', PHOTO_MESSAGES.tooLarge);
      return sendJson(res, 400, BAD_REQUEST);
    }
    if (file === 'none') return refused(res, 400, 'PHOTO.MISSING', '请选择要上传的照片');
    if (file === 'many') return refused(res, 400, 'PHOTO.TOO_MANY', '每次只能上传一张照片');

    const bytes = new Uint8Array(await file.arrayBuffer());
    const ext: PhotoExt | null = sniffPhotoExt(bytes);
    // The same rule as the picker's, applied to what the bytes are rather than what they claim.
    const problem = checkPhoto({ size: bytes.length, type: ext ? PHOTO_TYPES[ext].mime : 'application/octet-stream' });
    if (problem === PHOTO_MESSAGES.tooLarge) return refused(res, 413, 'PHOTO.TOO_LARGE', problem);
    if (problem === PHOTO_MESSAGES.empty) return refused(res, 400, 'PHOTO.EMPTY', problem);
    if (problem || !ext) return refused(res, 400, 'PHOTO.WRONG_TYPE', problem ?? PHOTO_MESSAGES.wrongType);

    const rel = `photos/${randomBytes(16).toString('hex')}.${ext}`;
    await fs.promises.mkdir(photosDir, { recursive: true });
    // 'wx': never overwrite; synced before the reference is answered, like every acknowledged write.
    const handle = await fs.promises.open(path.join(root, rel), 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    sendJson(res, 201, { ok: true, data: { ref: `${LOCAL_PHOTO_SCHEME}${rel}` } });
  }

  function download(req: IncomingMessage, res: ServerResponse, rel: string): void {
    // Only names this storage hands out: photos/<id>.<ext>. No '..', no '/', no encoded tricks:
    // the name is checked after decoding, and the resolved file must still be inside the folder.
    if (!LOCAL_PHOTO_PATH.test(rel)) return sendJson(res, 404, NOT_FOUND);
    const file = path.resolve(root, rel);
    if (!file.startsWith(photosDir + path.sep)) return sendJson(res, 404, NOT_FOUND);
    // Checked before the file is looked at: without a valid link, nothing says whether it exists.
    const access = links.check(rel, new URL(req.url ?? '/', 'http://local').searchParams);
    if (access !== 'ok') return sendJson(res, 403, access === 'expired' ? EXPIRED : FORBIDDEN);
    let size: number;
    try {
      // lstat: a symbolic link planted in the folder is not followed out of it.
      const stat = fs.lstatSync(file);
      if (!stat.isFile()) return sendJson(res, 404, NOT_FOUND);
      size = stat.size;
    } catch {
      return sendJson(res, 404, NOT_FOUND);
    }
    const ext = path.extname(file).slice(1) as PhotoExt;
    res.writeHead(200, {
      'content-type': PHOTO_TYPES[ext].mime,
      'content-length': size,
      'x-content-type-options': 'nosniff',
      // A stored photo never changes (its name is random and never reused); its link expires.
      'cache-control': 'private, max-age=300',
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    fs.createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  return {
    links,
    async serve(req, res, urlPath) {
      applyCors(req, res);
      const method = req.method ?? 'GET';
      if (urlPath === UPLOAD_PATH) {
        if (method !== 'POST') {
          res.setHeader('allow', 'POST, OPTIONS');
          return sendJson(res, 405, { ok: false, code: 'REQUEST.METHOD_NOT_ALLOWED', message: '请求方式错误' });
        }
        return upload(req, res);
      }
      if (method !== 'GET' && method !== 'HEAD') {
        res.setHeader('allow', 'GET, HEAD, OPTIONS');
        return sendJson(res, 405, { ok: false, code: 'REQUEST.METHOD_NOT_ALLOWED', message: '请求方式错误' });
      }
      let rel: string;
      try {
        rel = decodeURIComponent(urlPath.slice(STORAGE_PREFIX.length));
      } catch {
        return sendJson(res, 400, BAD_REQUEST);
      }
      return download(req, res, rel);
    },
  };
}
