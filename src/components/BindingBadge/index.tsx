import { Text } from '@tarojs/components'
import { BINDING_STATE_NAMES, type BindingState } from '@/core/binding/request'
import { cx } from '@/utils/cx'
import './index.css'

export interface BindingBadgeProps {
  state: BindingState
  className?: string
}

/** A small coloured pill with the state of a binding request: 审核中, 已通过, 未通过, 已撤回. */
export default function BindingBadge({ state, className }: BindingBadgeProps) {
  return <Text className={cx('binding-badge', `binding-badge--${state}`, className)}>{BINDING_STATE_NAMES[state]}</Text>
}
