import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import { cx } from '@/utils/cx'
import './index.css'

/** One reminder the role is asked for, and how many more WeChat will deliver. */
export interface CreditLine {
  key: string
  /** The template's title, e.g. 新任务提醒. */
  title: string
  remaining: number
}

export interface SubscriptionCreditsProps {
  /** The role's reminders, the one that matters most (new tasks, or the pool's asks) first. */
  lines: readonly CreditLine[]
  busy: boolean
  onRenew: () => void
}

/**
 * 接收新任务提醒: each accepted one-time subscription allows exactly one reminder of its kind, so
 * staff top them up again and again. Shows what is left per reminder (新任务提醒 剩余 5 次 ·
 * 返修提醒 剩余 2 次 …), as the server counts it; with none of the first left, new tasks only
 * appear in this inbox.
 */
export default function SubscriptionCredits({ lines, busy, onRenew }: SubscriptionCreditsProps) {
  const empty = (lines[0]?.remaining ?? 0) <= 0
  return (
    <View className={cx('subscription-credits', empty && 'subscription-credits--empty')}>
      <View className='subscription-credits__head'>
        <Text className='subscription-credits__title'>接收新任务提醒</Text>
        <AppButton size='small' kind={empty ? 'primary' : 'secondary'} loading={busy} onClick={onRenew} className='subscription-credits__renew'>
          开启提醒
        </AppButton>
      </View>
      <View className='subscription-credits__lines'>
        {lines.map((l, i) => (
          // The separator ends its item, so a wrapped line never starts with one.
          <View key={l.key} className='subscription-credits__item'>
            <Text className={cx('subscription-credits__line', l.remaining <= 0 && 'subscription-credits__line--empty')}>
              {`${l.title} 剩余 ${Math.max(0, l.remaining)} 次`}
            </Text>
            {i < lines.length - 1 && <Text className='subscription-credits__sep'>·</Text>}
          </View>
        ))}
      </View>
      <Text className='subscription-credits__hint'>
        {empty
          ? `${lines[0]?.title ?? '提醒'}次数已用完，新任务将不会通过微信通知您，请点“开启提醒”`
          : '每开启一次，每种提醒可多收到一条微信通知；接单、返单时也会请您开启'}
      </Text>
    </View>
  )
}
