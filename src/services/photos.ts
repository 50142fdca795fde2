import { checkPhoto, isPhotoRef, photoExtOf } from '@/core/catalog/photos';
import type { PhotoStorage, UploadResult } from './upload';

/** A photo the user chose, as Taro.chooseMedia describes it. */
export interface ChosenPhoto {
  /** The temporary file (weapp: a local path with an extension; H5: a `blob:` URL). */
  path: string;
  /** Bytes. */
  size: number;
  /** The original file name when the platform knows it (H5), for its extension. */
  name?: string;
  /** A content type when the platform reports one (H5); weapp reports just 'image'. */
  type?: string;
}

/**
 * Chosen at build time, like the RPC transport: the weapp bundle holds only CloudBase storage
 * (Taro.cloud.uploadFile), the H5 bundle only the local stack's storage.
 */
const storage: PhotoStorage =
  process.env.TARO_ENV === 'weapp'
    ? // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('./upload.weapp').weappStorage
    : // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('./upload.h5').h5Storage;

/** A photo that could not be uploaded, with the Chinese message to show. */
export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UploadError';
  }
}

/** null when the photo may be uploaded, else why not (checked before anything is sent). */
export const checkChosenPhoto = (photo: ChosenPhoto): string | null =>
  checkPhoto({ size: photo.size, path: photo.name || photo.path, type: photo.type });

/**
 * Checks a chosen photo and uploads it; resolves to the stored reference that a submission
 * carries in `photos`. Rejects with an UploadError whose message can be shown as is.
 */
export async function uploadPhoto(photo: ChosenPhoto): Promise<string> {
  const problem = checkChosenPhoto(photo);
  if (problem) throw new UploadError('PHOTO.INVALID', problem);
  const ext = photoExtOf({ path: photo.name || photo.path, type: photo.type })!;
  let result: UploadResult;
  try {
    result = await storage.upload({ path: photo.path, ext });
  } catch {
    throw new UploadError('NETWORK', '照片上传失败，请检查网络后重试');
  }
  if (!result.ok) throw new UploadError(result.code, result.message);
  if (!isPhotoRef(result.ref)) throw new UploadError('SYSTEM.ERROR', '照片上传失败，请稍后再试');
  return result.ref;
}

/** The URL to show a stored photo reference with. */
export const photoUrl = (ref: string): string => storage.url(ref);
