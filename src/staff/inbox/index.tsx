import { useEffect, useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { mainTemplateFor, staffTemplatesFor, TEMPLATES } from '@/core/notify/templates'
import { POOL_ROLES } from '@/core/tickets/actor'
import BindingReviewEntry from '@/components/BindingReviewEntry'
import EmptyState from '@/components/EmptyState'
import PageStatus from '@/components/PageStatus'
import SubscriptionCredits, { type CreditLine } from '@/components/SubscriptionCredits'
import Tabs from '@/components/Tabs'
import TicketCard from '@/components/TicketCard'
import { useQuery } from '@/hooks/useAction'
import { useNow } from '@/hooks/useNow'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { call, RpcError } from '@/services/rpc'
import { askSubscription } from '@/services/subscribe'
import DutyEntries from '../handover/DutyEntries'
import DeskEntries from '../desk/DeskEntries'
import TaskCountdown from './TaskCountdown'
import './index.css'

type Tab = 'todo' | 'active' | 'late' | 'done' | 'pool'

const TABS = [
  { value: 'todo', label: '待接单' },
  { value: 'active', label: '进行中' },
  { value: 'late', label: '已超时' },
  { value: 'done', label: '已完成' },
] as const

/** 待协调: the shared pool, for those routing asks when nobody it can reach takes a task. */
const POOL_TAB = { value: 'pool', label: '待协调' } as const

/** The cards' countdowns move on this often: one timer for the whole list. */
const TICK_MS = 15_000

/** The role's reminders, the one that matters most first, with what is left of each. */
const creditLines = (role: string, credits: Record<string, number>): CreditLine[] => {
  const main = mainTemplateFor(role)
  const keys = [main, ...staffTemplatesFor(role).filter((k) => k !== main)]
  return keys.map((key) => ({ key, title: TEMPLATES[key].title, remaining: credits[key] ?? 0 }))
}

const EMPTY_TEXT: Record<Tab, string> = {
  todo: '暂无待接单的任务',
  pool: '暂无需要协调派单的工单',
  active: '暂无进行中的任务',
  late: '暂无超时的任务',
  done: '暂无已完成的任务',
}


/** ?tab=late or ?tab=pool opens that tab (the links of 在岗与负荷); otherwise 待接单. */
const openingTab = (tab: string | undefined): Tab =>
  tab === 'active' || tab === 'late' || tab === 'done' || tab === 'pool' ? tab : 'todo'

/** 我的任务: the technician's inbox by stage, and their remaining WeChat reminders. */
export default function StaffInboxPage() {
  // No router outside a page stack (a component test renders the page on its own).
  const router = useRouter() as { params?: Partial<Record<string, string>> } | null
  const [tab, setTab] = useState<Tab>(() => openingTab(router?.params?.tab))
  const tasks = useQuery('task.list', { tab }, tab)
  const whoami = useQuery('session.whoami', {})
  const [credits, setCredits] = useState<Record<string, number> | null>(null)
  // The tab the shown list belongs to: a tab switch shows the loader, not the previous tab's list.
  const [listTab, setListTab] = useState<Tab | null>(null)
  const [granting, setGranting] = useState(false)
  const grantingRef = useRef(false)
  const identity = whoami.data?.identity
  const role = identity?.kind === 'staff' ? identity.role : 'technician'

  useEffect(() => {
    if (!tasks.data) return
    setCredits(tasks.data.credits)
    setListTab(tab)
  }, [tasks.data])

  useReloadOnShow(tasks.reload)
  usePullDownRefresh(async () => {
    await tasks.reload()
    Taro.stopPullDownRefresh()
  })

  const renew = async () => {
    if (grantingRef.current) return
    grantingRef.current = true
    setGranting(true)
    try {
      const accepted = await askSubscription(whoami.data?.templates.staff ?? [], staffTemplatesFor(role))
      if (accepted.length === 0) {
        void Taro.showToast({ title: '未开启提醒', icon: 'none' })
        return
      }
      const out = await call('subscription.grant', { accepted })
      // The server's count after the grant: what WeChat will really deliver.
      setCredits(out.credits)
      void Taro.showToast({ title: '已开启提醒', icon: 'success' })
    } catch (e) {
      void Taro.showToast({ title: e instanceof RpcError ? e.message : '开启提醒失败，请稍后再试', icon: 'none' })
    } finally {
      grantingRef.current = false
      setGranting(false)
    }
  }

  const list = listTab === tab ? tasks.data?.tasks : undefined
  // Opening the inbox is not a tap: nothing is asked here; the countdowns tick while one counts.
  const now = useNow(TICK_MS, !!list?.some((t) => t.clock && t.clock.pausedAt === null))
  const tabs = identity?.kind === 'staff' && POOL_ROLES.includes(identity.role) ? [...TABS, POOL_TAB] : TABS

  return (
    <View className='staff-inbox'>
      <DutyEntries identity={whoami.data?.identity} />
      <DeskEntries identity={whoami.data?.identity} />
      <Tabs items={tabs} value={tab} onChange={setTab} />
      <BindingReviewEntry identity={whoami.data?.identity} />
      {credits !== null && <SubscriptionCredits lines={creditLines(role, credits)} busy={granting} onRenew={() => void renew()} />}
      {!list && <PageStatus loading={tasks.loading || !tasks.error} error={tasks.error} onRetry={tasks.reload} />}
      {list && list.length === 0 && <EmptyState icon='✅' title={EMPTY_TEXT[tab]} description='有新任务时会出现在这里。' />}
      {list?.map((t) => (
        <TicketCard
          key={t.id}
          ticket={t}
          audience='staff'
          now={now}
          onClick={() => void Taro.navigateTo({ url: `/staff/task/index?id=${encodeURIComponent(t.id)}` })}
        >
          <TaskCountdown clock={t.clock} now={now} />
        </TicketCard>
      ))}
    </View>
  )
}
