import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import { cx } from '@/utils/cx'
import './index.css'

export interface SubscriptionCreditsProps {
  /** How many more new-task reminders WeChat will deliver. */
  remaining: number
  busy: boolean
  onRenew: () => void
}

/**
 * Each accepted one-time subscription allows exactly one reminder, so staff top them up
 * again and again; with none left, new tasks only appear in this inbox.
 */
export default function SubscriptionCredits({ remaining, busy, onRenew }: SubscriptionCreditsProps) {
  const empty = remaining <= 0
  return (
    <View className={cx('subscription-credits', empty && 'subscription-credits--empty')}>
      <View className='subscription-credits__info'>
        <Text className='subscription-credits__count'>剩余提醒次数 {remaining}</Text>
        <Text className='subscription-credits__hint'>
          {empty ? '提醒次数已用完，新任务将不会通过微信通知您' : '每次授权可接收一条新任务微信提醒'}
        </Text>
      </View>
      <AppButton size='small' kind={empty ? 'primary' : 'secondary'} loading={busy} onClick={onRenew}>
        开启新任务提醒
      </AppButton>
    </View>
  )
}
