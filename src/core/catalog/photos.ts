/**
 * Photos an owner attaches to a submission: how many, how large, which kinds, and what a stored
 * photo reference looks like. Policy data plus pure checks, shared by the photo picker (checked
 * before anything is sent), the local stack's storage (checked again on the bytes) and the
 * contract (references only). No Taro, no Node: the mini-program imports this module.
 */

export const MAX_PHOTOS = 9;
export const MAX_PHOTO_MB = 10;
export const MAX_PHOTO_BYTES = MAX_PHOTO_MB * 1024 * 1024;

/** The kinds of photo accepted, by the extension a stored photo gets. */
export type PhotoExt = 'jpg' | 'png' | 'webp' | 'heic';

export interface PhotoType {
  /** The content type a stored photo is served with. */
  mime: string;
  /** File name extensions (lower case) that name this kind. */
  extensions: readonly string[];
  /** Content types browsers and phones report for it ('image/jpg' and 'image/heif' do occur). */
  mimes: readonly string[];
}

export const PHOTO_TYPES: Readonly<Record<PhotoExt, PhotoType>> = {
  jpg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg'], mimes: ['image/jpeg', 'image/jpg', 'image/pjpeg'] },
  png: { mime: 'image/png', extensions: ['png'], mimes: ['image/png'] },
  webp: { mime: 'image/webp', extensions: ['webp'], mimes: ['image/webp'] },
  heic: { mime: 'image/heic', extensions: ['heic'], mimes: ['image/heic', 'image/heif'] },
};

const PHOTO_EXTS = Object.keys(PHOTO_TYPES) as PhotoExt[];

export const PHOTO_MESSAGES = {
  tooLarge: `照片不能超过${MAX_PHOTO_MB}MB`,
  wrongType: '只能上传 JPG、PNG、WEBP 或 HEIC 格式的照片',
  empty: '照片内容为空，请重新选择',
  tooMany: `最多上传${MAX_PHOTOS}张照片`,
  badRef: '照片格式不正确',
} as const;

/** What is known about a chosen file before it is sent. */
export interface PhotoFacts {
  /** Bytes. */
  size: number;
  /** A file path, URL or file name; only its extension is read (none in an H5 `blob:` URL). */
  path?: string;
  /** A content type such as 'image/png'; a value without '/' (weapp's fileType 'image') says nothing. */
  type?: string;
}

/** The lower-case extension of the last path segment, ignoring any query or fragment; '' if none. */
export function extensionOf(path: string): string {
  const clean = path.split(/[?#]/, 1)[0] ?? '';
  const name = clean.slice(clean.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

function mimeOf(type: string | undefined): string {
  if (!type || !type.includes('/')) return '';
  return (type.split(';', 1)[0] ?? '').trim().toLowerCase();
}

const byExtension = (ext: string): PhotoExt | null => PHOTO_EXTS.find((k) => PHOTO_TYPES[k].extensions.includes(ext)) ?? null;
const byMime = (mime: string): PhotoExt | null => PHOTO_EXTS.find((k) => PHOTO_TYPES[k].mimes.includes(mime)) ?? null;

/**
 * The kind of photo a file claims to be by its name and content type, or null when either names
 * a kind that is not accepted, or neither says anything. When both are given both must be
 * accepted; the name wins (a phone may label a HEIC 'image/heif').
 */
export function photoExtOf(facts: Pick<PhotoFacts, 'path' | 'type'>): PhotoExt | null {
  const ext = facts.path ? extensionOf(facts.path) : '';
  const mime = mimeOf(facts.type);
  const fromExt = ext ? byExtension(ext) : null;
  const fromMime = mime ? byMime(mime) : null;
  if ((ext && !fromExt) || (mime && !fromMime)) return null;
  return fromExt ?? fromMime;
}

/** null when the photo may be sent, else the Chinese message that says why not. */
export function checkPhoto(facts: PhotoFacts): string | null {
  if (!Number.isFinite(facts.size) || facts.size <= 0) return PHOTO_MESSAGES.empty;
  if (photoExtOf(facts) === null) return PHOTO_MESSAGES.wrongType;
  if (facts.size > MAX_PHOTO_BYTES) return PHOTO_MESSAGES.tooLarge;
  return null;
}

const startsWith = (bytes: Uint8Array, at: number, ascii: string): boolean => {
  if (bytes.length < at + ascii.length) return false;
  for (let i = 0; i < ascii.length; i++) if (bytes[at + i] !== ascii.charCodeAt(i)) return false;
  return true;
};

/** ISO-BMFF brands of HEIC/HEIF still images (an 'ftyp' box at offset 4 names one of them). */
const HEIF_BRANDS = ['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1'];

/**
 * The kind of photo the bytes really are, from their signature, or null. A server trusts this
 * rather than the name or content type a client sent.
 */
export function sniffPhotoExt(bytes: Uint8Array): PhotoExt | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (startsWith(bytes, 0, '\x89PNG\r\n\x1a\n')) return 'png';
  if (startsWith(bytes, 0, 'RIFF') && startsWith(bytes, 8, 'WEBP')) return 'webp';
  if (startsWith(bytes, 4, 'ftyp') && HEIF_BRANDS.some((brand) => startsWith(bytes, 8, brand))) return 'heic';
  return null;
}

/*
 * Stored photo references. Nothing else is accepted in a submission:
 *   - the mini-program uploads to CloudBase storage, which answers a fileID
 *     `cloud://<env>.<bucket>/<path>`, e.g. cloud://prod-1a2b.7072-prod-1a2b-1300000000/photos/202501/x.jpg;
 *   - the local stack's storage answers `local://photos/<id>.<ext>`.
 * Paths are segments of letters, digits, '_', '-' and single dots, ending in an accepted
 * extension: no '..', no '//', no query, fragment, space or scheme tricks; 512 characters at most.
 */
const EXT = `(?:${[...new Set(PHOTO_EXTS.flatMap((k) => PHOTO_TYPES[k].extensions))].join('|')})`;
const NAME = '[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*';
const CLOUD = `cloud://[A-Za-z0-9][A-Za-z0-9-]*\\.[A-Za-z0-9][A-Za-z0-9-]*/(?:${NAME}/)*${NAME}\\.${EXT}`;

export const LOCAL_PHOTO_SCHEME = 'local://';
/** Where the local stack keeps photos, as a reference path: `photos/<id>.<ext>`. */
export const LOCAL_PHOTO_PATH = new RegExp(`^photos/[A-Za-z0-9_-]{8,64}\\.${EXT}$`);
const LOCAL = `local://photos/[A-Za-z0-9_-]{8,64}\\.${EXT}`;

export const MAX_PHOTO_REF_LENGTH = 512;
export const PHOTO_REF = new RegExp(`^(?=.{1,${MAX_PHOTO_REF_LENGTH}}$)(?:${CLOUD}|${LOCAL})$`);

export const isPhotoRef = (value: unknown): value is string => typeof value === 'string' && PHOTO_REF.test(value);
