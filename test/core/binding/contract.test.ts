import { actionsOf } from '@/core/contract/actions';
import { parseRequest } from '@/core/contract/envelope';

const BINDING = actionsOf('binding');
const parse = (action: string, input: unknown) => parseRequest({ action, input }, BINDING);
const valid = { communityId: 'c-tianli', building: '1栋', unit: '1单元', room: '1201', name: '赵女士', phone: '13912345678', relation: 'owner' };

describe('binding actions in the contract', () => {
  it('the binding function serves exactly the six binding actions', () => {
    expect([...BINDING].sort()).toEqual(['binding.cancel', 'binding.layout', 'binding.mine', 'binding.pending', 'binding.request', 'binding.review']);
  });

  it('a request is trimmed, and identity fields the client sends are dropped', () => {
    const r = parse('binding.request', { ...valid, name: ' 赵女士 ', phone: ' 13912345678 ', openid: 'forged', state: 'approved', unitId: 'u-9-9-9' });
    expect(r).toEqual({ ok: true, action: 'binding.request', input: { ...valid } });
  });

  it.each([
    ['reject without reason', { bindingId: 'b1', approve: false }, '请填写驳回原因'],
    ['reject with a blank reason', { bindingId: 'b1', approve: false, reason: '   ' }, '请填写驳回原因'],
    ['no decision', { bindingId: 'b1' }, '请选择通过或驳回'],
    ['a fractional version', { bindingId: 'b1', approve: true, version: 1.5 }, '申请版本不正确'],
  ])('review: %s is refused', (_label, input, message) => {
    expect(parse('binding.review', input)).toEqual({ ok: false, reply: { ok: false, code: 'INPUT.INVALID', message } });
  });

  it('review: approval needs no reason, and the reason defaults to empty', () => {
    expect(parse('binding.review', { bindingId: 'b1', approve: true })).toEqual({
      ok: true,
      action: 'binding.review',
      input: { bindingId: 'b1', approve: true, reason: '' },
    });
  });
});
