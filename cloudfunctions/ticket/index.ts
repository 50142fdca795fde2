import { TICKET_ACTIONS } from '../../src/core/contract/ticket-actions';
import { createFunction } from '../../src/server/function';
import { ticketHandlers } from '../../src/server/handlers/ticket';

/** Cloud function `ticket`: serves the `ticket.*` actions. */
export const main = createFunction(TICKET_ACTIONS, ticketHandlers);
