import type { Policy } from '../../core/sla/policy';
import type { Deps } from '../ports';
import { stepTicket } from './step-ticket';

/**
 * 工作备注: the holder or the desk notes what happened on the task, with photos. The state stays
 * and nothing is routed or pushed: the note is for staff (the owner's timeline leaves it out).
 * Empty or too long text never gets here (the contract refuses it).
 */
export const addNote = (deps: Deps, policy: Policy, openid: string, ticketId: string, text: string, photos: readonly string[]) =>
  stepTicket(deps, policy, openid, ticketId, [{ event: { type: 'note', text, photos } }]);
