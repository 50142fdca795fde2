import { z } from 'zod';
import { MAX_PHOTO_REF_LENGTH, MAX_PHOTOS, PHOTO_MESSAGES, PHOTO_REF } from '../catalog/photos';

/**
 * Photos attached to a submission: references to files already uploaded to storage (a CloudBase
 * fileID, or the local stack's `local://photos/…`; see PHOTO_REF). Anything else (a URL, a path
 * with '..', an operator object) is refused with one message, before it can reach the database.
 */
export const photosField = () =>
  z
    .array(
      z
        .string({ error: PHOTO_MESSAGES.badRef })
        .max(MAX_PHOTO_REF_LENGTH, { error: PHOTO_MESSAGES.badRef })
        .regex(PHOTO_REF, { error: PHOTO_MESSAGES.badRef }),
      { error: PHOTO_MESSAGES.badRef },
    )
    .max(MAX_PHOTOS, { error: PHOTO_MESSAGES.tooMany })
    .default([]);
