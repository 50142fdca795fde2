import { Text, View } from '@tarojs/components'
import './index.css'

export interface ErrorNoticeProps {
  message: string | null
}

/** A failed action's message, shown where the user is looking. Renders nothing without one. */
export default function ErrorNotice({ message }: ErrorNoticeProps) {
  if (!message) return null
  return (
    <View className='error-notice'>
      <Text className='error-notice__text'>{message}</Text>
    </View>
  )
}
