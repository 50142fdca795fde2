/**
 * Value limits of WeChat subscription-message fields. A too-long value makes WeChat reject the
 * whole message (47003), so every value is cut to fit before it is planned.
 */
export type FieldKind = 'thing' | 'phrase' | 'name' | 'character_string' | 'number' | 'phone_number' | 'time' | 'amount';

const LIMITS: Record<FieldKind, number> = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
  phone_number: 17,
  time: 32,
  amount: 32,
};

/** Characters, not UTF-16 units: a Chinese character or an emoji counts as one. */
export const fitField = (kind: FieldKind, value: string): string => {
  let text = value.replace(/\s+/g, ' ').trim();
  if (kind === 'character_string') text = text.replace(/[^0-9A-Za-z_\-.@]/g, '');
  if (kind === 'phone_number') text = text.replace(/[^0-9+\-]/g, '');
  if (kind === 'number') text = text.replace(/[^0-9.]/g, '');
  const chars = Array.from(text);
  const limit = LIMITS[kind];
  if (chars.length <= limit) return text || '-';
  if (kind === 'thing' || kind === 'name') return chars.slice(0, limit - 1).join('') + '…';
  return chars.slice(0, limit).join('');
};

export const fieldLimit = (kind: FieldKind): number => LIMITS[kind];
