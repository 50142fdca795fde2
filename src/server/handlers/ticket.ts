import { toSummary } from '../../core/tickets/view';
import type { Handlers } from '../function';
import { ownerTickets, viewTicket } from '../usecases/queries';
import { asView } from './view';

export const ticketHandlers: Handlers<'ticket.list' | 'ticket.get'> = {
  'ticket.list': async (_input, call) => ({ tickets: (await ownerTickets(call.deps, call.openid)).map((t) => toSummary(t, false)) }),
  'ticket.get': (input, call) => viewTicket(call.deps, call.openid, input.ticketId).then(asView(call)),
};
