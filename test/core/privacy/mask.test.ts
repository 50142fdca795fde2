// Who reads an owner's phone in full, and how everyone else reads it: pure rules, no stack.
import fc from 'fast-check';
import { maskPhone } from '@/core/privacy/mask';
import { ownerPhoneFor, seesOwnerPhone } from '@/core/privacy/phone-access';
import { toTicketView } from '@/core/tickets/view';
import { assigneeOf, DEFAULT_POLICY, frontDesk, otherOwner, owner, staffActor, T0, technician, teammate, ticketIn } from '../fixtures';

describe('maskPhone', () => {
  it.each([
    ['13800000001', '138****0001'],
    ['+8613800000001', '+86*******0001'],
    ['0755-8888666', '075*****8666'],
    ['12345678', '123*5678'],
    ['1234567', '*******'],
    ['', ''],
  ])('%s reads %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });

  it('keeps the length and never the middle digits of an 11-digit mobile', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (phone) => {
        const masked = maskPhone(phone);
        expect(masked).toHaveLength(11);
        expect(masked).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
      }),
    );
  });
});

describe('who reads the owner phone in full', () => {
  const held = ticketIn('accepted'); // accepted by `technician`
  const housekeeper = staffActor({ openid: 'o-hk', staffId: 's-hk', role: 'housekeeper', team: 'customer_service', trades: [] });
  const supervisor = staffActor({ openid: 'o-sup', staffId: 's-sup', role: 'supervisor', team: 'customer_service', trades: [] });
  const lead = staffActor({ openid: 'o-lead', staffId: 's-lead', role: 'team_lead' });

  it.each([
    ['the owner', true, owner],
    ['the handler', true, technician],
    ['the front desk', true, frontDesk],
    ['a teammate of the handler', false, teammate],
    ['the team lead', false, lead],
    ['a housekeeper', false, housekeeper],
    ['the supervisor', false, supervisor],
    ['another owner', false, otherOwner],
    ['the system', false, { kind: 'system' } as const],
  ])('%s reads it in full: %s', (_who, full, viewer) => {
    expect(held.assignee?.staffId).toBe(technician.staffId);
    expect(seesOwnerPhone(viewer, held)).toBe(full);
    expect(ownerPhoneFor(viewer, held)).toBe(full ? '13900000000' : '139****0000');
    expect(toTicketView(held, viewer, T0, DEFAULT_POLICY).owner.phone).toBe(full ? '13900000000' : '139****0000');
  });

  it('a former handler reads it masked once the ticket is given to someone else', () => {
    const reassigned = { ...held, assignee: assigneeOf(teammate) };
    expect(ownerPhoneFor(technician, reassigned)).toBe('139****0000');
    expect(ownerPhoneFor(teammate, reassigned)).toBe('13900000000');
  });

  it('nobody is the handler of a ticket nobody holds', () => {
    const waiting = { ...held, assignee: null };
    expect(seesOwnerPhone(technician, waiting)).toBe(false);
    expect(seesOwnerPhone(frontDesk, waiting)).toBe(true);
  });

  it('the handler\'s own phone is still shown to the owner', () => {
    expect(toTicketView(held, owner, T0, DEFAULT_POLICY).assignee).toEqual({ name: technician.name, phone: technician.phone });
  });
});
