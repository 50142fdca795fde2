import { kindOfKey, parseFieldKeys, withFieldKeys } from '@/core/notify/field-keys';

describe('a template’s keyword keys (TEMPLATE_FIELDS_<KEY>)', () => {
  it('maps the keys that differ and keeps the others', () => {
    const parsed = parseFieldKeys('order_accepted', 'thing2:thing1, time5:time9');
    expect(parsed).toEqual({ keys: { thing2: 'thing1', time5: 'time9' } });
    const data = { character_string1: 'BX1', thing2: '水电', name3: '王师傅', phone_number4: '138', time5: '2026-11-23 10:00' };
    expect(withFieldKeys(data, 'keys' in parsed ? parsed.keys : {})).toEqual({
      character_string1: 'BX1',
      thing1: '水电',
      name3: '王师傅',
      phone_number4: '138',
      time9: '2026-11-23 10:00',
    });
  });

  it('an empty setting changes nothing', () => {
    expect(parseFieldKeys('task_assigned', ' ')).toEqual({ keys: {} });
  });

  it.each([
    ['thing2', /应写成 我们的字段:微信的字段/],
    ['thing2:thing1:x', /应写成/],
    ['thing9:thing1', /没有字段 thing9/],
    ['thing2:time1', /thing2 是 thing 类字段，不能对应 time1/],
    ['thing2:thing', /不能对应 thing$/],
    // Two of our fields on one WeChat key would overwrite each other.
    ['thing2:thing3', /两个字段都对应到 thing3/],
  ])('refuses %s', (text, problem) => {
    const parsed = parseFieldKeys('task_assigned', text);
    expect('problem' in parsed && parsed.problem).toMatch(problem);
  });

  it('tells a key’s kind by its prefix', () => {
    expect(kindOfKey('character_string12')).toBe('character_string');
    expect(kindOfKey('phone_number4')).toBe('phone_number');
    expect(kindOfKey('thing')).toBeUndefined();
    expect(kindOfKey('date3')).toBeUndefined();
  });
});
