import { CALLBACK_ACTIONS } from '../../src/core/contract/callback-actions';
import { createFunction } from '../../src/server/function';
import { callbackHandlers } from '../../src/server/handlers/callback';
import { calendar, photoLinks, piiAccess, push, staff, tickets, wire } from '../../src/server/deps';

/** Cloud function `callback`: the owner's rating (`callback.rate`) and the desk's phone callback (`desk.recordCallback`, `desk.callbackAttempt`). */
export const main = createFunction(CALLBACK_ACTIONS, callbackHandlers, wire({ tickets, staff, push, photoLinks, piiAccess, calendar }));
