import type { Policy } from '../../core/sla/policy';
import type { Actor } from '../../core/tickets/actor';
import type { Ticket } from '../../core/tickets/model';
import { isParty } from '../../core/tickets/transition';
import type { Step } from './step-ticket';

/**
 * 接单. A task still waiting for someone (待派单, the shared pool) is taken by whoever the routing
 * rules would give it to, or by the team's lead: the platform dispatches it to them first, so the
 * trail and the clocks read as for any dispatch. Anyone else gets the workflow's own answer.
 */
export const acceptSteps = (t: Ticket, actor: Actor, policy: Policy): Step[] =>
  t.state === 'submitted' && actor.kind === 'staff' && isParty('teammate', actor, t, policy.routing)
    ? [
        {
          event: {
            type: 'dispatch',
            assignee: { staffId: actor.staffId, openid: actor.openid, name: actor.name, phone: actor.phone, role: actor.role },
            why: ['从待派单中认领'],
          },
          bySystem: true,
        },
        { event: { type: 'accept' } },
      ]
    : [{ event: { type: 'accept' } }];
