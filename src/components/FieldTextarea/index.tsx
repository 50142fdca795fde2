import { Text, Textarea, View } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.css'

export interface FieldTextareaProps {
  value: string
  onChange: (value: string) => void
  maxLength: number
  placeholder?: string
  label?: string
  className?: string
}

/** A multi-line text field with a character counter. */
export default function FieldTextarea({ value, onChange, maxLength, placeholder, label, className }: FieldTextareaProps) {
  return (
    <View className={cx('field-textarea', className)}>
      {label && <Text className='field-textarea__label'>{label}</Text>}
      <Textarea
        className='field-textarea__input'
        value={value}
        maxlength={maxLength}
        placeholder={placeholder}
        placeholderClass='field-textarea__placeholder'
        disableDefaultPadding
        onInput={(e) => onChange(e.detail.value)}
      />
      <Text className='field-textarea__counter'>
        {value.length}/{maxLength}
      </Text>
    </View>
  )
}
