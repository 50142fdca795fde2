import { BINDING_ACTIONS } from '../../src/core/contract/binding-actions';
import { createFunction } from '../../src/server/function';
import { bindingHandlers } from '../../src/server/handlers/binding';

export const main = createFunction(BINDING_ACTIONS, bindingHandlers);
