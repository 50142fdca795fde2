import type { Handlers } from '../function';

export const bindingHandlers: Handlers<never> = {};
