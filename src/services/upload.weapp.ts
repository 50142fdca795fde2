import Taro from '@tarojs/taro';
import type { PhotoExt } from '@/core/catalog/photos';
import { previewOf, rememberPreview } from './photo-previews';
import type { PhotoStorage } from './upload';

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * `photos/<yyyymm>/<random>.<ext>`: grouped by month (China time) so the storage console stays
 * browsable; the random name never collides and never reveals who uploaded it.
 */
export function photoCloudPath(ext: PhotoExt, now: number, random: () => number = Math.random): string {
  const china = new Date(now + 8 * 3600_000);
  const month = `${china.getUTCFullYear()}${pad(china.getUTCMonth() + 1)}`;
  const name = `${now.toString(36)}${Math.floor(random() * 36 ** 8).toString(36).padStart(8, '0')}`;
  return `photos/${month}/${name}.${ext}`;
}

/**
 * In the mini-program photos go straight to CloudBase storage with the user's WeChat identity;
 * the answer is a fileID (`cloud://<env>.<bucket>/<path>`). Storage is private (read: server
 * only): a ticket's photos arrive as temporary https URLs minted by the server, shown as given;
 * a photo just uploaded here is shown from the picked file.
 */
export const weappStorage: PhotoStorage = {
  async upload({ path, ext }) {
    const res = await Taro.cloud.uploadFile({ cloudPath: photoCloudPath(ext, Date.now()), filePath: path });
    rememberPreview(res.fileID, path);
    return { ok: true, ref: res.fileID };
  },
  url: (ref) => previewOf(ref) ?? ref,
};
