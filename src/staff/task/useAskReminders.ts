import { useCallback } from 'react'
import { staffTemplatesFor } from '@/core/notify/templates'
import { useQuery } from '@/hooks/useAction'
import { call } from '@/services/rpc'
import { askSubscription } from '@/services/subscribe'

/**
 * WeChat lets a mini-program ask for one-time reminders only from a tap, and each accept allows
 * one message: so the task page's natural taps (接单, 返单) ask for the role's reminders again.
 * Call the returned function first thing in the tap handler (the dialog must open from the tap).
 * Best effort: whatever happens, it resolves and never holds up the step it precedes.
 */
export function useAskReminders(): () => Promise<void> {
  const whoami = useQuery('session.whoami', {})
  const identity = whoami.data?.identity
  const role = identity?.kind === 'staff' ? identity.role : null
  const refs = whoami.data?.templates.staff
  return useCallback(async () => {
    if (!role || !refs) return
    try {
      const accepted = await askSubscription(refs, staffTemplatesFor(role))
      if (accepted.length > 0) await call('subscription.grant', { accepted })
    } catch {
      // No reminders this time: the task still shows in the inbox.
    }
  }, [role, refs])
}
