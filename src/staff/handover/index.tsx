import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { HandoverView } from '@/core/contract/duty-actions'
import Card from '@/components/Card'
import EmptyState from '@/components/EmptyState'
import PageStatus from '@/components/PageStatus'
import { useQuery } from '@/hooks/useAction'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { call, RpcError } from '@/services/rpc'
import HandoverCard from './HandoverCard'
import HandoverForm from './HandoverForm'
import './index.css'

/**
 * 交接班 (000 4.12): the handovers waiting for the caller's 确认接班 first, then the form for the
 * caller's own (free text and tickets to watch), then their post's recent handovers.
 */
export default function HandoverPage() {
  const page = useQuery('duty.handovers', {})
  const [writing, setWriting] = useState(false)
  const [confirming, setConfirming] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})

  useReloadOnShow(page.reload)
  usePullDownRefresh(async () => {
    await page.reload()
    Taro.stopPullDownRefresh()
  })

  if (!page.data) return <PageStatus loading={page.loading} error={page.error} onRetry={page.reload} />
  const { canWrite, toConfirm, recent, suggestions } = page.data

  const write = async (notes: string, watch: string[]): Promise<boolean> => {
    if (writing) return false
    setWriting(true)
    try {
      await call('duty.writeHandover', { notes, watch })
      void Taro.showToast({ title: '已提交，等待下一班确认接班', icon: 'none' })
      await page.reload()
      return true
    } catch (e) {
      void Taro.showToast({ title: e instanceof RpcError ? e.message : '提交失败，请稍后再试', icon: 'none' })
      return false
    } finally {
      setWriting(false)
    }
  }

  const confirm = async (h: HandoverView) => {
    if (confirming) return
    setConfirming(h.id)
    setErrors(({ [h.id]: _dropped, ...rest }) => rest)
    try {
      await call('duty.confirmHandover', { handoverId: h.id, version: h.version })
      void Taro.showToast({ title: '已确认接班', icon: 'success' })
    } catch (e) {
      const message = e instanceof RpcError ? e.message : '操作失败，请稍后再试'
      setErrors((x) => ({ ...x, [h.id]: message }))
      void Taro.showToast({ title: message, icon: 'none' })
    } finally {
      setConfirming(null)
      await page.reload()
    }
  }

  const confirmedOrMine = recent.filter((h) => !toConfirm.some((x) => x.id === h.id))

  return (
    <View className='staff-handover'>
      {toConfirm.length > 0 && (
        <View className='staff-handover__section handover-to-confirm'>
          <Text className='staff-handover__heading staff-handover__heading--alert'>{`待我确认接班（${toConfirm.length}）`}</Text>
          <Text className='staff-handover__hint'>请先看清上一班交代的事项和工单，有不清楚的及时联系上一班同事，再确认接班。</Text>
          {toConfirm.map((h) => (
            <HandoverCard key={h.id} handover={h} busy={confirming === h.id} error={errors[h.id] ?? null} onConfirm={() => void confirm(h)} />
          ))}
        </View>
      )}

      {canWrite && (
        <Card title='写交接' className='handover-write'>
          <Text className='staff-handover__hint staff-handover__hint--in-card'>下班前写清需要下一班跟进的事项，由下一班同岗位同事确认接班。</Text>
          <HandoverForm suggestions={suggestions} busy={writing} onSubmit={write} />
        </Card>
      )}

      <View className='staff-handover__section handover-recent'>
        <Text className='staff-handover__heading'>最近交接</Text>
        {confirmedOrMine.length === 0 && <EmptyState icon='📋' title='暂无交接记录' />}
        {confirmedOrMine.map((h) => (
          <HandoverCard key={h.id} handover={h} />
        ))}
      </View>
    </View>
  )
}
