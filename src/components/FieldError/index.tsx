import { Text } from '@tarojs/components'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export interface FieldErrorProps {
  /** The field's problem in the contract's words; renders nothing without one. */
  message: string | null | undefined
  className?: string
}

/** A form field's validation message, right under the field it is about. */
export default function FieldError({ message, className }: FieldErrorProps) {
  if (!message) return null
  return (
    <Text className={cx('field-error', className)} {...a11y('alert')}>
      {message}
    </Text>
  )
}
