import { REPAIR_ACTIONS } from '../../src/core/contract/repair-actions';
import { createFunction } from '../../src/server/function';
import { repairHandlers } from '../../src/server/handlers/repair';
import { calendar, owners, photoLinks, piiAccess, push, staff, tickets, wire } from '../../src/server/deps';

/** Cloud function `repair`: serves the `repair.*` actions. */
export const main = createFunction(REPAIR_ACTIONS, repairHandlers, wire({ tickets, staff, owners, push, photoLinks, piiAccess, calendar }));
