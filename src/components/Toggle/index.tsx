import { View } from '@tarojs/components'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export interface ToggleProps {
  checked: boolean
  onChange: (checked: boolean) => void
  label: string
}

/** An on/off switch drawn the same on every platform. */
export default function Toggle({ checked, onChange, label }: ToggleProps) {
  return (
    <View
      className={cx('toggle', checked && 'toggle--on')}
      {...a11y('switch', label, { checked })}
      onClick={() => onChange(!checked)}
    >
      <View className='toggle__knob' />
    </View>
  )
}
