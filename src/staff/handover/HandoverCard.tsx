import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { HandoverView } from '@/core/contract/duty-actions'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import ErrorNotice from '@/components/ErrorNotice'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import { formatShort } from '@/utils/time'
import './handover-card.css'

export interface HandoverCardProps {
  handover: HandoverView
  /** 确认接班, shown when the viewer may confirm it. */
  onConfirm?: () => void
  busy?: boolean
  error?: string | null
}

const openTask = (id: string) => void Taro.navigateTo({ url: `/staff/task/index?id=${encodeURIComponent(id)}` })

/** One handover: who wrote it for which post and when, the notes, the tickets to watch, its state. */
export default function HandoverCard({ handover: h, onConfirm, busy = false, error = null }: HandoverCardProps) {
  const confirmed = h.state === 'confirmed'
  return (
    <Card
      title={`${h.writerName} · ${formatShort(h.createdAt)}`}
      extra={
        <Text className={cx('handover-card__state', confirmed ? 'handover-card__state--done' : 'handover-card__state--pending')}>
          {confirmed ? '已接班' : '待接班确认'}
        </Text>
      }
      className={cx('handover-card', confirmed ? 'handover-card--confirmed' : 'handover-card--pending')}
    >
      <Text className='handover-card__post'>{h.post}</Text>
      <Text className='handover-card__notes'>{h.notes}</Text>
      {h.watch.length > 0 && (
        <View className='handover-card__watch'>
          <Text className='handover-card__label'>需关注的工单</Text>
          {h.watch.map((w) => (
            <View key={w.id} className='handover-card__ticket' {...a11y('link', `查看工单 ${w.no}`)} onClick={() => openTask(w.id)}>
              <Text className='handover-card__ticket-no'>{w.no}</Text>
              <Text className='handover-card__ticket-label'>{w.label}</Text>
              <Text className='handover-card__arrow'>›</Text>
            </View>
          ))}
        </View>
      )}
      {confirmed && h.confirmedByName && h.confirmedAt !== null && (
        <Text className='handover-card__confirmed'>{`${h.confirmedByName} 已于 ${formatShort(h.confirmedAt)} 确认接班`}</Text>
      )}
      <ErrorNotice message={error} />
      {h.mayConfirm && onConfirm && (
        <AppButton block size='large' loading={busy} onClick={onConfirm} className='handover-confirm'>
          确认接班
        </AppButton>
      )}
    </Card>
  )
}
