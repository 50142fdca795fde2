import type { PhotoExt } from '@/core/catalog/photos';

/** What a platform's upload answers: the stored reference, or the storage's refusal. */
export type UploadResult = { ok: true; ref: string } | { ok: false; code: string; message: string };

/**
 * One platform's photo storage: where photos go and how a stored reference is shown. The
 * implementations are upload.weapp.ts and upload.h5.ts; services/photos.ts picks one at build
 * time. Nothing imports this module's name at run time (only its types): Taro's build would
 * otherwise swap it for upload.weapp.ts / upload.h5.ts by their platform suffix.
 */
export interface PhotoStorage {
  upload(photo: { path: string; ext: PhotoExt }): Promise<UploadResult>;
  /** What an <Image> or previewImage can load for a stored reference. */
  url(ref: string): string;
}
