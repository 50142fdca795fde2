import { useCallback, useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { TicketSummary } from '@/core/contract/views'
import type { TicketKind } from '@/core/tickets/kinds'
import AppButton from '@/components/AppButton'
import ChipGroup from '@/components/ChipGroup'
import EmptyState from '@/components/EmptyState'
import PageStatus from '@/components/PageStatus'
import PendingList from '@/components/PendingList'
import Tabs from '@/components/Tabs'
import TicketCard from '@/components/TicketCard'
import { usePendingSubmissions } from '@/hooks/usePendingSubmissions'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { call, RpcError } from '@/services/rpc'
import { KIND_WORDS } from '@/utils/kind'
import './index.css'

type KindFilter = 'all' | TicketKind
type StatusFilter = 'all' | 'open' | 'done'

const KIND_TABS = [
  { value: 'all', label: '全部' },
  { value: 'repair', label: '报修' },
  { value: 'complaint', label: '投诉' },
  { value: 'card', label: 'IC卡' },
] as const satisfies readonly { value: KindFilter; label: string }[]

const STATUS_CHIPS = [
  { value: 'all', label: '全部' },
  { value: 'open', label: '进行中' },
  { value: 'done', label: '已结束' },
] as const satisfies readonly { value: StatusFilter; label: string }[]

/** Where each kind of request is made, for the empty states and the "new" link. */
const NEW_ENTRIES: Record<TicketKind, { label: string; url: string }> = {
  repair: { label: '我要报修', url: KIND_WORDS.repair.newUrl },
  complaint: { label: '我要投诉', url: KIND_WORDS.complaint.newUrl },
  card: { label: 'IC卡办理', url: KIND_WORDS.card.newUrl },
}

const go = (url: string) => void Taro.navigateTo({ url })

/** 报修 / 投诉 / IC卡办理 / 工单: what the rows are, in the filter's words. */
const nounOf = (kind: KindFilter): string => (kind === 'all' ? '工单' : kind === 'card' ? 'IC卡办理' : KIND_WORDS[kind].noun)

const EMPTY_ALL: Record<KindFilter, { icon: string; title: string; description: string }> = {
  all: { icon: '📭', title: '还没有工单', description: '报修、投诉和IC卡办理都会在这里显示，方便您随时查看进度。' },
  repair: { icon: '🛠', title: '还没有报修记录', description: '家中或公共区域设施有问题？随时提交报修，我们尽快安排师傅上门。' },
  complaint: { icon: '💬', title: '还没有投诉记录', description: '对我们的服务有任何不满意，欢迎随时告诉我们，每一条投诉都会登记并答复您。' },
  card: { icon: '🔑', title: '还没有IC卡办理记录', description: '门禁卡、停车卡、水卡、电卡的开通、挂失与补办，都可以在线申请。' },
}

/** What an empty list says for each filter. */
const emptyFor = (kind: KindFilter, status: StatusFilter) => {
  const noun = nounOf(kind)
  if (status === 'open') return { icon: '✅', title: `没有进行中的${noun}`, description: `您的${noun}都已处理完毕。如有新的需要，随时告诉我们。` }
  if (status === 'done') return { icon: '🕒', title: `还没有已完成的${noun}`, description: `处理完毕的${noun}会显示在这里。` }
  return EMPTY_ALL[kind]
}

interface Listed {
  /** The filter these rows are for. */
  key: string
  tickets: TicketSummary[]
}

/** 我的工单: the owner's repairs, complaints and IC card requests, newest first, by kind and status. */
export default function TicketsPage() {
  const [kind, setKind] = useState<KindFilter>('all')
  const [status, setStatus] = useState<StatusFilter>('all')
  const [listed, setListed] = useState<Listed | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState(true)
  // Only the answer to the latest request is shown: switching filters quickly never shows old rows.
  const latest = useRef(0)
  const key = `${kind}:${status}`

  const load = useCallback(async () => {
    const n = ++latest.current
    setLoading(true)
    try {
      const { tickets } = await call('ticket.list', { kind, status })
      if (n !== latest.current) return
      setListed({ key: `${kind}:${status}`, tickets })
      setError(null)
    } catch (e) {
      if (n === latest.current) setError(e instanceof RpcError ? e.message : '加载失败，请稍后再试')
    } finally {
      if (n === latest.current) setLoading(false)
    }
  }, [kind, status])

  useEffect(() => {
    void load()
  }, [load])
  useReloadOnShow(load)
  // Submissions kept while offline: sent when this page shows; a sent one joins the list.
  const pending = usePendingSubmissions({ flushOnShow: true })
  const seenSent = useRef(pending.sent)
  useEffect(() => {
    if (pending.sent === seenSent.current) return
    seenSent.current = pending.sent
    void load()
  }, [pending.sent, load])
  usePullDownRefresh(async () => {
    await load()
    Taro.stopPullDownRefresh()
  })

  const current = listed?.key === key ? listed : null
  const now = Date.now()
  const entry = kind === 'all' ? null : NEW_ENTRIES[kind]

  const body = () => {
    if (!current) return <PageStatus loading={loading} error={error} onRetry={() => void load()} />
    if (current.tickets.length === 0) {
      const empty = emptyFor(kind, status)
      return (
        <EmptyState icon={empty.icon} title={empty.title} description={empty.description}>
          {entry ? (
            <AppButton size='large' onClick={() => go(entry.url)} className='tickets-empty-new'>
              {entry.label}
            </AppButton>
          ) : (
            <View className='tickets__empty-actions'>
              <AppButton size='large' block onClick={() => go(NEW_ENTRIES.repair.url)} className='tickets-empty-repair'>
                我要报修
              </AppButton>
              <View className='tickets__empty-links'>
                <Text className='tickets__empty-link' onClick={() => go(NEW_ENTRIES.complaint.url)}>
                  我要投诉
                </Text>
                <Text className='tickets__empty-link' onClick={() => go(NEW_ENTRIES.card.url)}>
                  IC卡办理
                </Text>
              </View>
            </View>
          )}
        </EmptyState>
      )
    }
    return (
      <>
        <View className='tickets__bar'>
          <Text className='tickets__count'>{`共 ${current.tickets.length} 条${nounOf(kind)}`}</Text>
          {entry && (
            <Text className='tickets__new' onClick={() => go(entry.url)}>
              {`+ ${entry.label}`}
            </Text>
          )}
        </View>
        {current.tickets.map((t) => (
          <TicketCard
            key={t.id}
            ticket={t}
            audience='owner'
            now={now}
            onClick={() => go(`/pages/ticket/detail?id=${encodeURIComponent(t.id)}`)}
          />
        ))}
        <Text className='tickets__end'>下拉可刷新</Text>
      </>
    )
  }

  return (
    <View className='tickets'>
      <View className='tickets__filters'>
        <Tabs items={KIND_TABS} value={kind} onChange={setKind} />
        <View className='tickets__status'>
          <ChipGroup label='处理状态' options={STATUS_CHIPS} value={status} onChange={setStatus} className='status-filter' />
        </View>
      </View>
      <PendingList {...pending} />
      {current && error && <Text className='tickets__stale'>{error}，下拉可重试</Text>}
      {body()}
    </View>
  )
}
