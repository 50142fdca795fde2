import { DESK_ACTIONS } from '../../src/core/contract/desk-actions';
import { createFunction } from '../../src/server/function';
import { deskHandlers } from '../../src/server/handlers/desk';
import { calendar, communities, owners, piiAccess, staff, ticketQueries, wire } from '../../src/server/deps';

/** Cloud function `desk`: the front desk's lists (找业主, 回访队列, 受理登记); 代客登记 is `intake`'s, 电话回访 `callback`'s. */
export const main = createFunction(DESK_ACTIONS, deskHandlers, wire({ ticketQueries, staff, owners, communities, piiAccess, calendar }));
