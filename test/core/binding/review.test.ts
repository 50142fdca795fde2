import { BINDING_MESSAGES, bindingFormErrors, type BindingForm, type BindingRequest } from '@/core/binding/request';
import {
  bindUnit,
  cancelRequest,
  checkNewRequest,
  isReviewerRole,
  mayReview,
  openRequest,
  reviewRequest,
  reviewScope,
  type Reviewer,
} from '@/core/binding/review';
import { STAFF_ROLES, type StaffRole } from '@/core/tickets/actor';
import type { UnitRef } from '@/core/tickets/model';

const T0 = 1_790_000_000_000;
const UNIT_A: UnitRef = { id: 'u-1-1-1201', community: '天利龙腾湾', building: '1栋', unit: '1单元', room: '1201', zone: 'A区' };
const UNIT_B: UnitRef = { id: 'u-3-2-502', community: '天利龙腾湾', building: '3栋', unit: '2单元', room: '502', zone: 'B区' };

const staff = (role: StaffRole, zones: string[] = ['A区'], over: Partial<Reviewer> = {}): Reviewer => ({
  staffId: `s-${role}`,
  openid: `openid-${role}`,
  name: `${role}-name`,
  role,
  zones,
  active: true,
  ...over,
});

const opened = (unit: UnitRef = UNIT_A, previous: BindingRequest | null = null): BindingRequest => {
  const r = openRequest(
    { id: 'b1', openid: 'openid-guest', name: ' 赵女士 ', phone: '13912345678', relation: 'tenant', unit },
    { previous, boundUnitIds: [] },
    T0,
  );
  if (!r.ok) throw new Error(r.code);
  return r.value;
};

describe('who reviews binding requests', () => {
  it.each<[StaffRole, string[], 'all' | string[] | null]>([
    ['front_desk', ['A区'], 'all'],
    ['housekeeper', ['A区'], ['A区']],
    ['supervisor', [], 'all'],
    ['manager', [], 'all'],
    ['technician', ['A区', 'B区'], null],
    ['team_lead', ['A区', 'B区'], null],
  ])('%s of %j reviews %j', (role, zones, scope) => {
    expect(reviewScope(staff(role, zones))).toEqual(scope);
  });

  it('the front desk reviews every zone, a housekeeper only their own', () => {
    expect(mayReview(staff('front_desk', ['A区']), 'B区')).toBe(true);
    expect(mayReview(staff('housekeeper', ['A区']), 'A区')).toBe(true);
    expect(mayReview(staff('housekeeper', ['A区']), 'B区')).toBe(false);
  });

  it('nobody inactive reviews', () => {
    expect(reviewScope(staff('manager', [], { active: false }))).toBeNull();
    expect(mayReview(staff('front_desk', ['A区'], { active: false }), 'A区')).toBe(false);
  });

  it('the reviewer roles are the customer-service line and management', () => {
    expect(STAFF_ROLES.filter(isReviewerRole)).toEqual(['front_desk', 'housekeeper', 'supervisor', 'manager']);
  });
});

describe('asking for a unit', () => {
  it('a new request is pending, trimmed, version 1, with nobody having reviewed it', () => {
    expect(opened()).toEqual({
      _id: 'b1',
      openid: 'openid-guest',
      name: '赵女士',
      phone: '13912345678',
      relation: 'tenant',
      unit: UNIT_A,
      state: 'pending',
      reason: '',
      reviewer: null,
      createdAt: T0,
      reviewedAt: null,
      version: 1,
    });
  });

  it('refuses a second request while one for the same unit waits', () => {
    expect(checkNewRequest({ state: 'pending' }, [], UNIT_A.id)).toBe('BINDING.DUPLICATE');
  });

  it('refuses a unit already bound to the person', () => {
    expect(checkNewRequest(null, [UNIT_B.id, UNIT_A.id], UNIT_A.id)).toBe('BINDING.ALREADY_BOUND');
    const r = openRequest(
      { id: 'b1', openid: 'o', name: '赵', phone: '13912345678', relation: 'owner', unit: UNIT_A },
      { previous: null, boundUnitIds: [UNIT_A.id] },
      T0,
    );
    expect(r).toEqual({ ok: false, code: 'BINDING.ALREADY_BOUND' });
  });

  it.each(['rejected', 'cancelled', 'approved'] as const)('asking again after %s reuses the slot with the next version', (state) => {
    const previous = { ...opened(), state, version: 2, reason: state === 'rejected' ? '信息不符' : '' };
    expect(checkNewRequest(previous, [], UNIT_A.id)).toBeNull();
    const again = opened(UNIT_A, previous);
    expect(again).toMatchObject({ state: 'pending', reason: '', reviewer: null, version: 3 });
  });

  it('a blank or overlong name is refused even if the contract was bypassed', () => {
    const ask = (name: string) =>
      openRequest({ id: 'b1', openid: 'o', name, phone: '13912345678', relation: 'owner', unit: UNIT_A }, { previous: null, boundUnitIds: [] }, T0);
    expect(ask('   ')).toEqual({ ok: false, code: 'INPUT.INVALID', message: BINDING_MESSAGES.name });
    expect(ask('名'.repeat(21))).toEqual({ ok: false, code: 'INPUT.INVALID', message: BINDING_MESSAGES.nameTooLong });
  });
});

describe('reviewing', () => {
  it('approval records the reviewer and time, clears the reason and bumps the version', () => {
    const r = reviewRequest(opened(), staff('front_desk'), { approve: true, reason: '顺便写的' }, T0 + 1000);
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({
        state: 'approved',
        reason: '',
        reviewer: { staffId: 's-front_desk', name: 'front_desk-name' },
        reviewedAt: T0 + 1000,
        version: 2,
      }),
    });
  });

  it('rejection keeps the trimmed reason', () => {
    const r = reviewRequest(opened(), staff('housekeeper'), { approve: false, reason: '  与业主登记信息不符  ' }, T0);
    expect(r.ok && r.value).toMatchObject({ state: 'rejected', reason: '与业主登记信息不符' });
  });

  it('rejection without a reason is refused with the field message', () => {
    expect(reviewRequest(opened(), staff('front_desk'), { approve: false, reason: '  ' }, T0)).toEqual({
      ok: false,
      code: 'INPUT.INVALID',
      message: '请填写驳回原因',
    });
  });

  it('a housekeeper of another zone, a technician and an inactive member are refused', () => {
    for (const r of [staff('housekeeper', ['B区']), staff('technician', ['A区']), staff('front_desk', ['A区'], { active: false })]) {
      expect(reviewRequest(opened(), r, { approve: true, reason: '' }, T0)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    }
  });

  it('only a pending request is reviewed; permission is checked first', () => {
    const rejected = { ...opened(), state: 'rejected' as const, version: 2 };
    expect(reviewRequest(rejected, staff('front_desk'), { approve: true, reason: '' }, T0)).toEqual({ ok: false, code: 'BINDING.ALREADY_REVIEWED' });
    expect(reviewRequest(rejected, staff('technician'), { approve: true, reason: '' }, T0)).toEqual({ ok: false, code: 'AUTH.FORBIDDEN' });
    const cancelled = { ...opened(), state: 'cancelled' as const };
    expect(reviewRequest(cancelled, staff('manager'), { approve: false, reason: '不符' }, T0)).toEqual({ ok: false, code: 'BINDING.ALREADY_REVIEWED' });
  });

  it('nobody reviews their own request', () => {
    const own = { ...opened(), openid: 'openid-housekeeper' };
    const r = reviewRequest(own, staff('housekeeper'), { approve: true, reason: '' }, T0);
    expect(r).toMatchObject({ ok: false, code: 'AUTH.FORBIDDEN', message: expect.stringContaining('其他同事') });
  });

  it('the given request is never changed', () => {
    const request = opened();
    const copy = structuredClone(request);
    reviewRequest(request, staff('front_desk'), { approve: true, reason: '' }, T0);
    cancelRequest(request, request.openid, T0);
    expect(request).toEqual(copy);
  });
});

describe('withdrawing', () => {
  it('the requester withdraws a pending request', () => {
    expect(cancelRequest(opened(), 'openid-guest', T0 + 5)).toEqual({
      ok: true,
      value: expect.objectContaining({ state: 'cancelled', reviewedAt: T0 + 5, version: 2 }),
    });
  });

  it('someone else\'s request is "not found"; a reviewed one cannot be withdrawn', () => {
    expect(cancelRequest(opened(), 'openid-other', T0)).toEqual({ ok: false, code: 'BINDING.NOT_FOUND' });
    expect(cancelRequest({ ...opened(), state: 'approved' }, 'openid-guest', T0)).toEqual({ ok: false, code: 'BINDING.ALREADY_REVIEWED' });
  });
});

describe('what approval does to the owner record', () => {
  const request = { name: '赵女士', phone: '13912345678', relation: 'tenant' as const, unit: UNIT_A };

  it('the first unit creates the record with the request\'s name and phone', () => {
    expect(bindUnit(null, request)).toEqual({ name: '赵女士', phone: '13912345678', units: [{ ...UNIT_A, relation: 'tenant' }] });
  });

  it('a further unit is added; the record keeps its own name and phone', () => {
    const owner = { name: '赵女士', phone: '13800000009', units: [{ ...UNIT_B, relation: 'owner' as const }] };
    expect(bindUnit(owner, request)).toEqual({
      name: '赵女士',
      phone: '13800000009',
      units: [{ ...UNIT_B, relation: 'owner' }, { ...UNIT_A, relation: 'tenant' }],
    });
  });

  it('a unit bound already is replaced with the verified relation, never doubled', () => {
    const owner = { name: '赵女士', phone: '13800000009', units: [{ ...UNIT_A, relation: 'family' as const }] };
    expect(bindUnit(owner, request).units).toEqual([{ ...UNIT_A, relation: 'tenant' }]);
  });
});

describe('the binding form (checked on the page before sending)', () => {
  const filled: BindingForm = {
    communityId: 'c-tianli',
    building: '1栋',
    unit: '1单元',
    room: '1201',
    name: '赵女士',
    phone: '13912345678',
    relation: 'owner',
  };

  it('a complete form has no errors', () => {
    expect(bindingFormErrors(filled)).toEqual({});
  });

  it('an empty form names every field', () => {
    expect(
      bindingFormErrors({ communityId: null, building: null, unit: null, room: null, name: ' ', phone: '', relation: null }),
    ).toEqual({
      communityId: '请选择小区',
      building: '请选择楼栋',
      unit: '请选择单元',
      room: '请选择房号',
      name: '请填写姓名',
      phone: '请填写手机号',
      relation: '请选择您与房屋的关系',
    });
  });

  it.each(['1391234567', '139123456789', '23912345678', '12912345678', '1391234567a', '+8613912345678'])('phone %s is not an 11-digit mainland mobile', (phone) => {
    expect(bindingFormErrors({ ...filled, phone }).phone).toBe('请填写正确的11位手机号');
  });

  it('a name of more than 20 characters is refused', () => {
    expect(bindingFormErrors({ ...filled, name: '名'.repeat(21) }).name).toBe('姓名不能超过20个字');
  });
});
