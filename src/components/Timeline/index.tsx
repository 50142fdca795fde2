import { Text, View } from '@tarojs/components'
import type { TimelineEntry } from '@/core/contract/views'
import { cx } from '@/utils/cx'
import { formatFull } from '@/utils/time'
import './index.css'

export interface TimelineProps {
  entries: readonly TimelineEntry[]
}

/** Newest first; the input order is left untouched. */
export const newestFirst = (entries: readonly TimelineEntry[]): TimelineEntry[] =>
  entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => b.entry.at - a.entry.at || b.index - a.index)
    .map((x) => x.entry)

/** 处理进度: every step of the ticket, who did it and what they noted. */
export default function Timeline({ entries }: TimelineProps) {
  if (entries.length === 0) return <Text className='timeline__empty'>暂无处理记录</Text>
  return (
    <View className='timeline'>
      {newestFirst(entries).map((e, i) => (
        <View key={`${e.at}-${i}`} className={cx('timeline-item', i === 0 && 'timeline-item--latest')}>
          <View className='timeline-item__rail'>
            <View className='timeline-item__dot' />
            <View className='timeline-item__line' />
          </View>
          <View className='timeline-item__body'>
            <View className='timeline-item__head'>
              <Text className='timeline-item__event'>{e.eventLabel}</Text>
              <Text className='timeline-item__time'>{formatFull(e.at)}</Text>
            </View>
            <Text className='timeline-item__actor'>{e.actorName}</Text>
            {e.note !== '' && <Text className='timeline-item__note'>{e.note}</Text>}
          </View>
        </View>
      ))}
    </View>
  )
}
