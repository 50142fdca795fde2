import { INTAKE_ACTIONS } from '../../src/core/contract/intake-actions';
import { createFunction } from '../../src/server/function';
import { intakeHandlers } from '../../src/server/handlers/intake';
import { calendar, owners, photoLinks, piiAccess, push, staff, ticketQueries, tickets, wire } from '../../src/server/deps';

/** Cloud function `intake`: serves the front desk's 代客登记 (`desk.submitRepair`, `desk.submitComplaint`, `desk.submitCard`). */
export const main = createFunction(INTAKE_ACTIONS, intakeHandlers, wire({ tickets, ticketQueries, staff, owners, push, photoLinks, piiAccess, calendar }));
