import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.css'

export interface InfoRowProps {
  label: string
  children: ReactNode
  className?: string
}

/** A label and its value on one line. */
export default function InfoRow({ label, children, className }: InfoRowProps) {
  return (
    <View className={cx('info-row', className)}>
      <Text className='info-row__label'>{label}</Text>
      <View className='info-row__value'>{children}</View>
    </View>
  )
}
