import Taro from '@tarojs/taro';
import { previewOf, rememberPreview } from './photo-previews';
import type { PhotoStorage, UploadResult } from './upload';

const host = () => process.env.FUNCTION_HOST || '';

function parseReply(data: unknown): UploadResult {
  try {
    const body = (typeof data === 'string' ? JSON.parse(data) : data) as
      | { ok: true; data: { ref: string } }
      | { ok: false; code: string; message: string };
    if (body.ok && typeof body.data?.ref === 'string') return { ok: true, ref: body.data.ref };
    if (!body.ok && typeof body.message === 'string') return { ok: false, code: body.code, message: body.message };
  } catch {
    // fall through: not the storage's answer
  }
  return { ok: false, code: 'SYSTEM.ERROR', message: '照片上传失败，请稍后再试' };
}

/**
 * The H5 build uploads to the local stack's storage (multipart, as Taro.uploadFile sends it);
 * it answers `local://photos/<id>.<ext>`. Storage is private: a ticket's photos arrive as
 * short-lived `/_local/storage/…?expires=…&sign=…` links minted by the server, shown from the
 * stack's origin; a photo just uploaded here is shown from the picked file.
 */
export const h5Storage: PhotoStorage = {
  async upload({ path, ext }) {
    const res = await Taro.uploadFile({
      url: `${host()}/_local/storage/upload`,
      filePath: path,
      name: 'file',
      // A blob: URL has no name: give the part one with the right extension.
      fileName: `photo.${ext}`,
      // No cookies to send; without credentials the H5 dev server's origin may call the stack.
      withCredentials: false,
    });
    const reply = parseReply(res.data);
    if (reply.ok) rememberPreview(reply.ref, path);
    return reply;
  },
  url: (ref) => previewOf(ref) ?? (ref.startsWith('/_local/') ? `${host()}${ref}` : ref),
};
