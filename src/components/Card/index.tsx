import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import { cx } from '@/utils/cx'
import './index.css'

export interface CardProps {
  title?: string
  /** Shown at the right of the title row. */
  extra?: ReactNode
  className?: string
  children?: ReactNode
}

/** A white section of a page with an optional title. */
export default function Card({ title, extra, className, children }: CardProps) {
  return (
    <View className={cx('card', className)}>
      {(title || extra) && (
        <View className='card__header'>
          {title && <Text className='card__title'>{title}</Text>}
          {extra}
        </View>
      )}
      {children}
    </View>
  )
}
