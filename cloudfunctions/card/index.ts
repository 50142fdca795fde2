import { CARD_ACTIONS } from '../../src/core/contract/card-actions';
import { createFunction } from '../../src/server/function';
import { cardHandlers } from '../../src/server/handlers/card';
import { calendar, owners, photoLinks, piiAccess, push, staff, ticketQueries, tickets, wire } from '../../src/server/deps';

/** Cloud function `card`: serves the `card.*` actions. */
export const main = createFunction(CARD_ACTIONS, cardHandlers, wire({ tickets, ticketQueries, staff, owners, push, photoLinks, piiAccess, calendar }));
