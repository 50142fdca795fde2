import { Text } from '@tarojs/components'
import type { TicketKind } from '@/core/tickets/kinds'
import { cx } from '@/utils/cx'
import './index.css'

export interface KindBadgeProps {
  kind: TicketKind
  /** The kind's name as the server gave it (kindName): 报修 / 投诉 / IC卡. */
  label: string
  className?: string
}

/** A small tag with what kind of request a ticket is, so a mixed list reads at a glance. */
export default function KindBadge({ kind, label, className }: KindBadgeProps) {
  return <Text className={cx('kind-badge', `kind-badge--${kind}`, className)}>{label}</Text>
}
