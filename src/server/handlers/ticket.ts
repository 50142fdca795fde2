import { toSummary } from '../../core/tickets/view';
import type { Handlers } from '../function';
import { ownerTickets, viewTicket } from '../usecases/queries';
import { stepTicket } from '../usecases/step-ticket';
import { urgeTicket } from '../usecases/reroute';
import { asView } from './view';

export const ticketHandlers: Handlers<'ticket.list' | 'ticket.get' | 'ticket.cancel' | 'ticket.urge'> = {
  'ticket.list': async (input, call) => ({
    tickets: (await ownerTickets(call.deps, call.openid, input)).map((t) => toSummary(t, false)),
  }),
  'ticket.get': (input, call) => viewTicket(call.deps, call.openid, input.ticketId).then(asView(call, { audit: true })),
  'ticket.cancel': (input, call) =>
    stepTicket(call.deps, call.policy, call.openid, input.ticketId, [{ event: { type: 'cancel', reason: input.reason } }]).then(asView(call)),
  'ticket.urge': (input, call) => urgeTicket(call.deps, call.policy, call.openid, input.ticketId).then(asView(call)),
};
