import { SUBSCRIPTION_ACTIONS } from '../../src/core/contract/subscription-actions';
import { createFunction } from '../../src/server/function';
import { subscriptionHandlers } from '../../src/server/handlers/subscription';
import { calendar, staff, tickets, wire } from '../../src/server/deps';

/** Cloud function `subscription`: serves the `subscription.*` actions. */
export const main = createFunction(SUBSCRIPTION_ACTIONS, subscriptionHandlers, wire({ tickets, staff, calendar }));
