import { createFunction } from '../../src/server/function';
import { bindingHandlers } from '../../src/server/handlers/binding';

export const main = createFunction(bindingHandlers);
