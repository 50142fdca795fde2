import * as z from 'zod/mini';
import { TEMPLATE_KEYS } from '../notify/templates';

/** The message templates a client may ask the owner or staff member to allow (subscription, submits, session). */
export const templateKeySchema = z.enum(TEMPLATE_KEYS);

export const templateRefSchema = z.object({ key: templateKeySchema, id: z.string(), title: z.string() });

/** The message templates the owner allowed in the same tap (WeChat asks for at most 3 at once). */
export const grantedTemplates = () => z._default(z.array(templateKeySchema).check(z.maxLength(3)), []);

export type TemplateRef = z.infer<typeof templateRefSchema>;
