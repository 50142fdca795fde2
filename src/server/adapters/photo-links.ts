import type { CloudApp } from '../cloudbase';
import type { PhotoLinks } from '../ports';

/**
 * Temporary download URLs from CloudBase storage (getTempFileURL, one call per view). Storage is
 * private: a stored reference alone opens nothing, only a URL minted here for someone the server
 * let see the ticket, until it expires.
 */
export const cloudbasePhotoLinks = (app: CloudApp): PhotoLinks => ({
  async urls(refs, maxAgeSeconds) {
    const links = new Map<string, string>();
    if (refs.length === 0) return links;
    const res = (await app.getTempFileURL({ fileList: refs.map((fileID) => ({ fileID, maxAge: maxAgeSeconds })) })) as {
      code?: string;
      message?: string;
      fileList?: { code: string; fileID: string; tempFileURL: string }[];
    };
    if (res.code) throw new Error(`getTempFileURL: ${res.code} ${res.message ?? ''}`);
    for (const f of res.fileList ?? []) if (f.code === 'SUCCESS' && f.tempFileURL) links.set(f.fileID, f.tempFileURL);
    return links;
  },
});
