// Private storage, as CloudBase storage with a "read: false" rule: a photo is served only through
// a temporary URL the server asked for (storage.batchGetDownloadUrl, what node-sdk's
// getTempFileURL sends). The URL carries its expiry and an HMAC of path + expiry with a secret
// that lives only in this emulator's memory (a new one per stack): a bare path, an altered path
// or expiry, or a URL past its time opens nothing.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { LOCAL_PHOTO_PATH, LOCAL_PHOTO_SCHEME } from '../../core/catalog/photos';
import { isPlainObject, type Plain } from './codec';
import { invalidParam } from './errors';

/** CloudBase's default lifetime of a temporary URL when none is asked for: one day. */
const DEFAULT_MAX_AGE_SECONDS = 86_400;

export interface DownloadItem {
  code: string;
  fileID: string;
  tempFileURL: string;
}

export type LinkCheck = 'ok' | 'expired' | 'invalid';

export interface StorageLinks {
  /** The answer's `download_list` for a `file_list` of `{ fileid, max_age }` (or bare fileids). */
  batchGetDownloadUrl(params: Plain): DownloadItem[];
  /** Whether `query` (expires, sign) opens the photo at `rel` (photos/<id>.<ext>) now. */
  check(rel: string, query: URLSearchParams): LinkCheck;
}

export function createStorageLinks(root: string, now: () => number = Date.now, secret: Buffer = randomBytes(32)): StorageLinks {
  const sign = (rel: string, expires: string) => createHmac('sha256', secret).update(`${rel}\n${expires}`).digest();

  const link = (entry: unknown): DownloadItem => {
    const fileID = typeof entry === 'string' ? entry : isPlainObject(entry) && typeof entry.fileid === 'string' ? entry.fileid : '';
    const rawAge = isPlainObject(entry) ? entry.max_age : undefined;
    const maxAge = Number.isInteger(rawAge) && (rawAge as number) > 0 ? (rawAge as number) : DEFAULT_MAX_AGE_SECONDS;
    const rel = fileID.startsWith(LOCAL_PHOTO_SCHEME) ? fileID.slice(LOCAL_PHOTO_SCHEME.length) : '';
    let exists = false;
    try {
      exists = LOCAL_PHOTO_PATH.test(rel) && fs.lstatSync(path.join(root, rel)).isFile();
    } catch {
      exists = false;
    }
    if (!exists) return { code: 'STORAGE_FILE_NONEXIST', fileID, tempFileURL: '' };
    const expires = String(Math.floor(now() / 1000) + maxAge);
    // Root-relative: the H5 app prefixes the stack's origin as for every other /_local call.
    const url = `/_local/storage/${rel}?expires=${expires}&sign=${sign(rel, expires).toString('hex')}`;
    return { code: 'SUCCESS', fileID, tempFileURL: url };
  };

  return {
    batchGetDownloadUrl(params) {
      if (!Array.isArray(params.file_list) || params.file_list.length === 0) throw invalidParam('file_list must be a non-empty array');
      return params.file_list.map(link);
    },
    check(rel, query) {
      const expires = query.get('expires') ?? '';
      const given = query.get('sign') ?? '';
      if (!/^\d{1,12}$/.test(expires) || !/^[0-9a-f]{64}$/.test(given)) return 'invalid';
      if (!timingSafeEqual(Buffer.from(given, 'hex'), sign(rel, expires))) return 'invalid';
      return Number(expires) * 1000 > now() ? 'ok' : 'expired';
    },
  };
}
