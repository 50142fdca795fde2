import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RepairCategoryId } from '@/core/catalog/categories'
import type { ActionOutput } from '@/core/contract/actions'
import type { CandidateView } from '@/core/contract/duty-actions'
import type { TicketView } from '@/core/contract/views'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import ChipGroup from '@/components/ChipGroup'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import PageStatus from '@/components/PageStatus'
import { call, RpcError } from '@/services/rpc'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './transfer-panel.css'

type Mode = 'reassign' | 'transfer'
type Candidates = ActionOutput<'duty.candidates'>

const REASON_MAX = 60

const WORDS: Record<Mode, { title: string; open: string; hint: string; reason: string; placeholder: string; confirm: string; done: string }> = {
  reassign: {
    title: '改派',
    open: '改派给其他人员',
    hint: '只列出按派单规则可以承接此单的人员；计时照常进行，原处理人会收到通知。',
    reason: '改派原因',
    placeholder: '如：王师傅手上急修太多，由马组长接手',
    confirm: '确认改派',
    done: '已改派',
  },
  transfer: {
    title: '转派',
    open: '转派给同事或其他专业',
    hint: '开工前可转给在岗的同事；报修类别不对的，可转给对应专业重新派单。',
    reason: '转派原因',
    placeholder: '如：实为窗户合页问题，应由门窗师傅处理',
    confirm: '确认转派',
    done: '已转派',
  },
}

export interface TransferPanelProps {
  ticket: TicketView
  /** Shows the ticket as it is after 改派 (the supervisor stays on it). */
  reload: () => Promise<void>
}

/** One person to choose: duty, load and reach at a glance; why not, when they cannot be chosen. */
function PersonRow({ p, chosen, onChoose }: { p: CandidateView; chosen: boolean; onChoose: () => void }) {
  const full = p.openTasks >= p.cap
  return (
    <View
      className={cx('transfer-person', chosen && 'transfer-person--chosen', p.barred !== null && 'transfer-person--barred')}
      {...a11y('radio', `${p.name} ${p.roleName}`, { checked: chosen, disabled: p.barred !== null })}
      onClick={() => {
        if (p.barred === null) onChoose()
      }}
    >
      <View className='transfer-person__head'>
        <Text className='transfer-person__name'>{p.name}</Text>
        <Text className='transfer-person__role'>{[p.roleName, p.skills].filter(Boolean).join(' · ')}</Text>
        <Text className={cx('transfer-person__duty', p.onDuty ? 'transfer-person__duty--on' : 'transfer-person__duty--off')}>
          {p.onDuty ? '在岗' : '不在岗'}
        </Text>
      </View>
      <View className='transfer-person__facts'>
        <Text className={cx('transfer-person__fact', full && 'transfer-person__fact--warn')}>{`手上 ${p.openTasks}/${p.cap} 单`}</Text>
        <Text className={cx('transfer-person__fact', !p.reachable && 'transfer-person__fact--warn')}>
          {p.reachable ? '可微信提醒' : '仅站内通知'}
        </Text>
      </View>
      {p.barred !== null && <Text className='transfer-person__barred'>{`不可选：${p.barred}`}</Text>}
      {p.barred === null && p.warning !== null && <Text className='transfer-person__warning'>{`注意：${p.warning}`}</Text>}
    </View>
  )
}

/**
 * 改派 (the supervisor or manager) and 转派 (the holder, before the work starts) on the task page:
 * shown only when the server offers one of them. The people come from the routing rules, with
 * who is on duty, their load and whether a reminder reaches them.
 */
export default function TransferPanel({ ticket, reload }: TransferPanelProps) {
  const mode: Mode | null = ticket.actions.includes('reassign') ? 'reassign' : ticket.actions.includes('transfer') ? 'transfer' : null
  const [open, setOpen] = useState(false)
  const [candidates, setCandidates] = useState<Candidates | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [staffId, setStaffId] = useState<string | null>(null)
  const [category, setCategory] = useState<RepairCategoryId | null>(null)
  const [reason, setReason] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const running = useRef(false)

  if (!mode) return null
  const words = WORDS[mode]

  const load = async () => {
    setLoadError(null)
    try {
      setCandidates(await call('duty.candidates', { ticketId: ticket.id }))
    } catch (e) {
      setLoadError(e instanceof RpcError ? e.message : '加载失败，请稍后再试')
    }
  }

  const start = () => {
    setOpen(true)
    setCandidates(null)
    setStaffId(null)
    setCategory(null)
    setReason('')
    setError(null)
    void load()
  }

  const chosen = candidates?.people.find((p) => p.staffId === staffId) ?? null
  const categoryName = candidates?.categories.find((c) => c.id === category)?.name ?? null

  const submit = async () => {
    if (running.current) return
    if (!chosen && !category) return setError(mode === 'reassign' ? '请选择接手人员' : '请选择转给哪位同事或哪个专业')
    if (!reason.trim()) return setError(`请填写${words.reason}`)
    if (chosen?.warning) {
      const { confirm } = await Taro.showModal({ title: words.title, content: `${chosen.name}${chosen.warning}。仍要${words.title}给${chosen.name}吗？`, confirmText: words.title, cancelText: '再想想' })
      if (!confirm) return
    }
    running.current = true
    setBusy(true)
    setError(null)
    try {
      // The version shown: if anything happened since, the server says what instead of overwriting it.
      const version = candidates?.version ?? ticket.version
      if (mode === 'reassign') await call('task.reassign', { ticketId: ticket.id, staffId: chosen!.staffId, reason: reason.trim(), version })
      else if (chosen) await call('task.transfer', { ticketId: ticket.id, staffId: chosen.staffId, reason: reason.trim(), version })
      else await call('task.transfer', { ticketId: ticket.id, category: category!, reason: reason.trim(), version })
      void Taro.showToast({ title: chosen ? `${words.done}给${chosen.name}` : `已转给${categoryName}，重新派单`, icon: 'none' })
      setOpen(false)
      // The supervisor follows the ticket on; a holder who handed it on has nothing left to do here.
      if (mode === 'reassign') await reload()
      else void Taro.navigateBack().catch(() => reload())
    } catch (e) {
      const message = e instanceof RpcError ? e.message : '操作失败，请稍后再试'
      setError(message)
      void Taro.showToast({ title: message, icon: 'none' })
      await Promise.all([reload(), load()])
    } finally {
      running.current = false
      setBusy(false)
    }
  }

  // The supervisor sees whom the task is taken from (the holder knows it is them).
  const holder = mode === 'reassign' && <Text className='transfer-panel__holder'>{`当前处理人：${ticket.assigneeName ?? '暂无'}`}</Text>

  if (!open) {
    return (
      <Card title={words.title} className={`transfer-panel transfer-panel--${mode}`}>
        {holder}
        <Text className='transfer-panel__hint'>{words.hint}</Text>
        <AppButton block kind='secondary' className={`transfer-open task-${mode}`} onClick={start}>
          {words.open}
        </AppButton>
      </Card>
    )
  }

  const people = candidates?.people ?? []
  return (
    <Card title={words.title} className={`transfer-panel transfer-panel--${mode} transfer-panel--open`}>
      {holder}
      <Text className='transfer-panel__hint'>{words.hint}</Text>
      {!candidates && <PageStatus loading={!loadError} error={loadError} onRetry={() => void load()} />}
      {candidates && (
        <>
          <Text className='transfer-panel__label'>{mode === 'reassign' ? '接手人员' : '转给同事'}</Text>
          {people.length === 0 && <Text className='transfer-panel__empty'>没有可以接手的同事</Text>}
          <View className='transfer-panel__people' {...a11y('radiogroup', '接手人员')}>
            {people.map((p) => (
              <PersonRow
                key={p.staffId}
                p={p}
                chosen={p.staffId === staffId}
                onChoose={() => {
                  setStaffId(p.staffId)
                  setCategory(null)
                  setError(null)
                }}
              />
            ))}
          </View>
          {candidates.categories.length > 0 && (
            <>
              <Text className='transfer-panel__label'>或转给其他专业（重新派单）</Text>
              <ChipGroup
                label='转给其他专业'
                columns={3}
                options={candidates.categories.map((c) => ({ value: c.id, label: c.name, sub: c.teamName }))}
                value={category}
                onChange={(c) => {
                  setCategory(c as RepairCategoryId)
                  setStaffId(null)
                  setError(null)
                }}
                className='transfer-categories'
              />
            </>
          )}
          <FieldTextarea
            label={words.reason}
            value={reason}
            onChange={setReason}
            maxLength={REASON_MAX}
            placeholder={words.placeholder}
            className='transfer-reason'
          />
        </>
      )}
      <ErrorNotice message={error} />
      <View className='transfer-panel__actions'>
        <AppButton kind='plain' onClick={() => setOpen(false)} className='transfer-panel__back'>
          返回
        </AppButton>
        <AppButton loading={busy} disabled={!candidates} onClick={() => void submit()} className='transfer-panel__confirm transfer-confirm'>
          {words.confirm}
        </AppButton>
      </View>
    </Card>
  )
}
