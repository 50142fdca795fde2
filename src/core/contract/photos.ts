import * as z from 'zod/mini';
import { MAX_PHOTO_REF_LENGTH, MAX_PHOTOS, PHOTO_MESSAGES, PHOTO_REF } from '../catalog/photos';

/**
 * Photos attached to a submission: references to files already uploaded to storage (a CloudBase
 * fileID, or the local stack's `local://photos/…`; see PHOTO_REF). Anything else (a URL, a path
 * with '..', an operator object) is refused with one message, before it can reach the database.
 */
export const photosField = () => {
  const error = PHOTO_MESSAGES.badRef;
  const ref = z.string({ error }).check(z.maxLength(MAX_PHOTO_REF_LENGTH, { error }), z.regex(PHOTO_REF, { error }));
  return z._default(z.array(ref, { error }).check(z.maxLength(MAX_PHOTOS, { error: PHOTO_MESSAGES.tooMany })), []);
};
