import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export type ButtonKind = 'primary' | 'secondary' | 'danger' | 'plain'
export type ButtonSize = 'large' | 'medium' | 'small'

export interface AppButtonProps {
  children: ReactNode
  kind?: ButtonKind
  size?: ButtonSize
  /** Full width of its container. */
  block?: boolean
  disabled?: boolean
  /** Shows a spinner and ignores taps (the action is running). */
  loading?: boolean
  className?: string
  onClick?: () => void
}

/** The app's button: a large, clear tap target that ignores taps while disabled or busy. */
export default function AppButton({
  children,
  kind = 'primary',
  size = 'medium',
  block = false,
  disabled = false,
  loading = false,
  className,
  onClick,
}: AppButtonProps) {
  const inactive = disabled || loading
  return (
    <View
      className={cx(
        'app-button',
        `app-button--${kind}`,
        `app-button--${size}`,
        block && 'app-button--block',
        inactive && 'app-button--inactive',
        className,
      )}
      {...a11y('button', undefined, { disabled: inactive })}
      onClick={() => {
        if (!inactive) onClick?.()
      }}
    >
      {loading && <View className='app-button__spinner' />}
      <Text className='app-button__text'>{children}</Text>
    </View>
  )
}
