import { CALLBACK_ACTIONS } from '../../src/core/contract/callback-actions';
import { createFunction } from '../../src/server/function';
import { callbackHandlers } from '../../src/server/handlers/callback';

/** Cloud function `callback`: serves the `callback.*` actions. */
export const main = createFunction(CALLBACK_ACTIONS, callbackHandlers);
