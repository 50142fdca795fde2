import { z } from 'zod';

/** Photos attached to a submission: references to files already uploaded to storage. */
export const photosField = () =>
  z
    .array(z.string({ error: '照片格式不正确' }).max(512, { error: '照片格式不正确' }), { error: '照片格式不正确' })
    .max(9, { error: '最多上传9张照片' })
    .default([]);
