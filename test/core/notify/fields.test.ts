import fc from 'fast-check';
import { fieldLimit, fitField, type FieldKind } from '@/core/notify/fields';

const KINDS: FieldKind[] = ['thing', 'phrase', 'name', 'character_string', 'number', 'phone_number', 'time', 'amount'];
const chars = (s: string) => Array.from(s).length;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

describe('WeChat subscription-message field limits', () => {
  it.each([
    ['thing', 20],
    ['phrase', 5],
    ['name', 10],
    ['character_string', 32],
    ['phone_number', 17],
    ['number', 32],
    ['time', 32],
    ['amount', 32],
  ] as const)('%s holds at most %i characters', (kind, limit) => {
    expect(fieldLimit(kind)).toBe(limit);
  });
});

describe('fitField', () => {
  it('thing: keeps 20 characters, cutting longer text to 19 plus an ellipsis', () => {
    expect(fitField('thing', '漏'.repeat(20))).toBe('漏'.repeat(20));
    expect(fitField('thing', '漏'.repeat(25))).toBe(`${'漏'.repeat(19)}…`);
  });

  it('phrase: at most 5 characters', () => {
    expect(fitField('phrase', '紧急')).toBe('紧急');
    expect(fitField('phrase', '非常紧急请尽快')).toBe('非常紧急请');
  });

  it('name: at most 10 characters, ellipsis on cut', () => {
    expect(fitField('name', '欧阳娜娜')).toBe('欧阳娜娜');
    expect(fitField('name', '阿卜杜热合曼·买买提明')).toBe('阿卜杜热合曼·买买…');
  });

  it('character_string: only letters, digits and _-.@, at most 32', () => {
    expect(fitField('character_string', 'BX20261123-ABCD 工单#1')).toBe('BX20261123-ABCD1');
    expect(fitField('character_string', 'A'.repeat(40))).toBe('A'.repeat(32));
  });

  it('phone_number: only digits, + and -, at most 17', () => {
    expect(fitField('phone_number', '138 0000 0001')).toBe('13800000001');
    expect(fitField('phone_number', '+86 (0755) 8888-6666 转 1234')).toBe('+8607558888-66661');
    expect(chars(fitField('phone_number', '1'.repeat(30)))).toBe(17);
  });

  it('counts characters, not UTF-16 units: 20 emoji fit a thing, 21 are cut without splitting one', () => {
    expect(fitField('thing', '🚿'.repeat(20))).toBe('🚿'.repeat(20));
    const cut = fitField('thing', '🚿'.repeat(21));
    expect(cut).toBe(`${'🚿'.repeat(19)}…`);
    expect(cut).not.toMatch(LONE_SURROGATE);
  });

  it('collapses whitespace and never answers an empty value (WeChat rejects empty fields)', () => {
    expect(fitField('thing', '  厨房\n\t水龙头   漏水 ')).toBe('厨房 水龙头 漏水');
    for (const kind of KINDS) expect(fitField(kind, '   ')).toBe('-');
    expect(fitField('character_string', '工单')).toBe('-');
  });

  it('any unicode text fits its field, is non-empty and keeps emoji whole (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KINDS), fc.string({ unit: 'binary', maxLength: 200 }), (kind, value) => {
        const out = fitField(kind, value);
        expect(chars(out)).toBeLessThanOrEqual(fieldLimit(kind));
        expect(out.length).toBeGreaterThan(0);
        expect(out).not.toMatch(LONE_SURROGATE);
      }),
      { numRuns: 1000 },
    );
  });

  it('character_string and phone_number never contain characters WeChat refuses (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 80 }), (value) => {
        expect(fitField('character_string', value)).toMatch(/^([0-9A-Za-z_\-.@]+|-)$/);
        expect(fitField('phone_number', value)).toMatch(/^[0-9+-]+$/);
      }),
    );
  });
});
