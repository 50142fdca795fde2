import { TICKET_ACTIONS } from '../../src/core/contract/ticket-actions';
import { createFunction } from '../../src/server/function';
import { ticketHandlers } from '../../src/server/handlers/ticket';
import { calendar, photoLinks, piiAccess, push, staff, ticketQueries, tickets, wire } from '../../src/server/deps';

/** Cloud function `ticket`: serves the `ticket.*` actions. */
export const main = createFunction(TICKET_ACTIONS, ticketHandlers, wire({ tickets, ticketQueries, staff, push, photoLinks, piiAccess, calendar }));
