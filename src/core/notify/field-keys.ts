import type { FieldKind } from './fields';
import { TEMPLATES, type TemplateKey } from './templates';

/**
 * A template's keyword keys are WeChat's, not ours: the template a company picks from the public
 * library may number its keywords differently (thing1 where we send thing2). A company names the
 * keys that differ, `thing2:thing1,time4:time6`; the rest keep ours. A key must keep its kind:
 * the value was fitted to that kind's limits.
 */
export type FieldKeys = Readonly<Record<string, string>>;

const KEY = /^(thing|phrase|name|character_string|number|phone_number|time|amount)(\d{1,2})$/;

export const kindOfKey = (key: string): FieldKind | undefined => KEY.exec(key)?.[1] as FieldKind | undefined;

/** The mapping, or why it cannot be used (in Chinese, for the function's start-up log). */
export const parseFieldKeys = (template: TemplateKey, text: string): { keys: FieldKeys } | { problem: string } => {
  const fields = TEMPLATES[template].fields;
  const keys: Record<string, string> = {};
  for (const pair of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const [ours, theirs, extra] = pair.split(':').map((s) => s.trim());
    if (!ours || !theirs || extra !== undefined) return { problem: `"${pair}" 应写成 我们的字段:微信的字段，如 thing2:thing1` };
    if (!(ours in fields)) return { problem: `没有字段 ${ours}（本模板的字段：${Object.keys(fields).join(', ')}）` };
    if (kindOfKey(theirs) !== fields[ours]) return { problem: `${ours} 是 ${fields[ours]} 类字段，不能对应 ${theirs}` };
    keys[ours] = theirs;
  }
  const targets = Object.keys(fields).map((f) => keys[f] ?? f);
  const twice = targets.find((t, i) => targets.indexOf(t) !== i);
  if (twice) return { problem: `两个字段都对应到 ${twice}` };
  return { keys };
};

/** The message's data under WeChat's keys. */
export const withFieldKeys = (data: Readonly<Record<string, string>>, keys: FieldKeys): Record<string, string> =>
  Object.fromEntries(Object.entries(data).map(([field, value]) => [keys[field] ?? field, value]));
