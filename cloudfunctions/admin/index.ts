import { ADMIN_ACTIONS } from '../../src/core/contract/admin-actions';
import { createFunction } from '../../src/server/function';
import { adminHandlers } from '../../src/server/handlers/admin';
import { adminTrail, calendar, calendarEdits, staff, wire } from '../../src/server/deps';

/** Cloud function `admin`: serves the `admin.*` actions (节假日安排). */
export const main = createFunction(ADMIN_ACTIONS, adminHandlers, wire({ staff, calendar, calendarEdits, adminTrail }));
