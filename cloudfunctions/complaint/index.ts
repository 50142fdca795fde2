import { COMPLAINT_ACTIONS } from '../../src/core/contract/complaint-actions';
import { createFunction } from '../../src/server/function';
import { complaintHandlers } from '../../src/server/handlers/complaint';
import { calendar, owners, photoLinks, piiAccess, push, staff, tickets, wire } from '../../src/server/deps';

/** Cloud function `complaint`: serves the `complaint.*` actions. */
export const main = createFunction(COMPLAINT_ACTIONS, complaintHandlers, wire({ tickets, staff, owners, push, photoLinks, piiAccess, calendar }));
