import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import './index.css'

export interface PageStatusProps {
  loading: boolean
  error: string | null
  onRetry: () => void
}

/** Loading indicator or load error with a retry; renders nothing once the data is there. */
export default function PageStatus({ loading, error, onRetry }: PageStatusProps) {
  if (loading) {
    return (
      <View className='page-status'>
        <View className='page-status__spinner' />
        <Text className='page-status__text'>正在加载…</Text>
      </View>
    )
  }
  if (!error) return null
  return (
    <View className='page-status page-status--error'>
      <Text className='page-status__icon'>⚠️</Text>
      <Text className='page-status__text'>{error}</Text>
      <AppButton kind='secondary' onClick={onRetry} className='page-status__retry'>
        重新加载
      </AppButton>
    </View>
  )
}
