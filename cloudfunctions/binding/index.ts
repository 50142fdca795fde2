import { BINDING_ACTIONS } from '../../src/core/contract/binding-actions';
import { createFunction } from '../../src/server/function';
import { bindingHandlers } from '../../src/server/handlers/binding';
import { bindings, calendar, communities, owners, staff, wire } from '../../src/server/deps';

export const main = createFunction(BINDING_ACTIONS, bindingHandlers, wire({ staff, owners, communities, bindings, calendar }));
