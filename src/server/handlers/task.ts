import { toSummary } from '../../core/tickets/view';
import type { Call, Handlers } from '../function';
import { staffTasks } from '../usecases/queries';
import { stepTicket, type Step } from '../usecases/step-ticket';
import { asView } from './view';

type TaskAction = 'task.list' | 'task.accept' | 'task.arrive' | 'task.start' | 'task.quote' | 'task.finish' | 'task.refer';

const step = (ticketId: string, steps: Step[], call: Call) =>
  stepTicket(call.deps, call.policy, call.openid, ticketId, steps).then(asView(call));

export const taskHandlers: Handlers<TaskAction> = {
  'task.list': async (input, call) => {
    const { tickets, member } = await staffTasks(call.deps, call.openid, input.tab);
    return { tasks: tickets.map((t) => toSummary(t, true)), credits: member.credits as Record<string, number> };
  },
  'task.accept': (input, call) => step(input.ticketId, [{ event: { type: 'accept' } }], call),
  'task.arrive': (input, call) => step(input.ticketId, [{ event: { type: 'arrive' } }], call),
  'task.start': (input, call) => step(input.ticketId, [{ event: { type: 'start' } }], call),
  'task.quote': (input, call) => step(input.ticketId, [{ event: { type: 'quote', items: input.items, note: input.note } }], call),
  // Returning a ticket (返单) opens its callback at once: the owner is asked to rate.
  'task.finish': (input, call) =>
    step(input.ticketId, [{ event: { type: 'finish', note: input.note } }, { event: { type: 'request_callback' }, bySystem: true }], call),
  'task.refer': (input, call) =>
    step(input.ticketId, [{ event: { type: 'refer', contact: input.contact, note: input.note } }], call),
};
