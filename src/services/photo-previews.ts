/**
 * The device's own copy of each photo this user uploaded in this session, by stored reference.
 * Storage is private (only the server mints links), so a just-uploaded photo is previewed from
 * the picked file itself, never from the storage.
 */
const previews = new Map<string, string>();

export const rememberPreview = (ref: string, localPath: string): void => {
  previews.set(ref, localPath);
};

export const previewOf = (ref: string): string | undefined => previews.get(ref);
