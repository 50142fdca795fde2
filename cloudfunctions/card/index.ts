import { CARD_ACTIONS } from '../../src/core/contract/card-actions';
import { createFunction } from '../../src/server/function';
import { cardHandlers } from '../../src/server/handlers/card';

/** Cloud function `card`: serves the `card.*` actions. */
export const main = createFunction(CARD_ACTIONS, cardHandlers);
