import { Text } from '@tarojs/components'
import type { TicketState } from '@/core/tickets/states'
import { cx } from '@/utils/cx'
import './index.css'

/** Colour families of the states: what the owner should read at a glance. */
export type StateTone = 'waiting' | 'working' | 'done' | 'cancelled' | 'reopened'

export const STATE_TONES: Record<TicketState, StateTone> = {
  submitted: 'waiting',
  dispatched: 'waiting',
  awaiting_confirmation: 'waiting',
  callback_pending: 'waiting',
  accepted: 'working',
  on_site: 'working',
  in_progress: 'working',
  returned: 'done',
  closed: 'done',
  cancelled: 'cancelled',
  referred: 'cancelled',
  reopened: 'reopened',
}

export interface StateBadgeProps {
  state: TicketState
  /** The state's name as the server gave it (stateLabel). */
  label: string
  className?: string
}

/** A small coloured pill with the ticket's state. */
export default function StateBadge({ state, label, className }: StateBadgeProps) {
  return <Text className={cx('state-badge', `state-badge--${STATE_TONES[state]}`, className)}>{label}</Text>
}
