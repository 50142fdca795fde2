import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import './index.css'

export interface EmptyStateProps {
  icon: string
  title: string
  description?: string
  /** Usually a button that leads somewhere useful. */
  children?: ReactNode
}

/** What a list shows when there is nothing in it. */
export default function EmptyState({ icon, title, description, children }: EmptyStateProps) {
  return (
    <View className='empty-state'>
      <Text className='empty-state__icon'>{icon}</Text>
      <Text className='empty-state__title'>{title}</Text>
      {description && <Text className='empty-state__desc'>{description}</Text>}
      {children && <View className='empty-state__action'>{children}</View>}
    </View>
  )
}
