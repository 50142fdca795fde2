import { SESSION_ACTIONS } from '../../src/core/contract/session-actions';
import { createFunction } from '../../src/server/function';
import { sessionHandlers } from '../../src/server/handlers/session';
import { calendar, owners, staff, wire } from '../../src/server/deps';

/** Cloud function `session`: serves the `session.*` actions. */
export const main = createFunction(SESSION_ACTIONS, sessionHandlers, wire({ staff, owners, calendar }));
