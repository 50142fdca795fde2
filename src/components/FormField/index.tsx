import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.css'

export interface FormFieldProps {
  label: string
  /** What is wrong with the value, shown right under the field; nothing when it is fine. */
  error?: string | null
  /** A quiet line under the field (e.g. why it is asked). */
  hint?: string
  className?: string
  children: ReactNode
}

/** One field of a form: its label, the control, and the field's own error message. */
export default function FormField({ label, error, hint, className, children }: FormFieldProps) {
  return (
    <View className={cx('form-field', !!error && 'form-field--invalid', className)}>
      <Text className='form-field__label'>{label}</Text>
      {children}
      {error ? <Text className='form-field__error'>{error}</Text> : hint ? <Text className='form-field__hint'>{hint}</Text> : null}
    </View>
  )
}
