import { useState } from 'react'
import { Picker, Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import ChipGroup from '@/components/ChipGroup'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import NoteForm from '@/components/NoteForm'
import type { TicketState } from '@/hooks/useTicket'
import { a11y } from '@/utils/a11y'
import { chinaDateAt, DAY_MS, formatDateValue } from '@/utils/time'
import './clock-tools.css'

/** The common reasons to pause the clocks: the ticket waits for the owner, not for us. */
export const PAUSE_REASONS = ['业主不在家', '业主要求改约', '等待业主确认'] as const
const OTHER = '其他原因'

export type PublicSize = NonNullable<TicketView['publicSize']>

/** Size classes of a public-area repair and the deadline each sets (003 #17). */
export const SIZE_CLASSES: readonly { value: PublicSize; label: string; span: string }[] = [
  { value: 'small', label: '小修', span: '60分钟' },
  { value: 'medium', label: '中修', span: '3个工作日' },
  { value: 'major', label: '大修', span: '15个工作日' },
]

/** The expected date of 暂不能修复 is a day's closing time (17:30), within 90 days. */
const DEFER_HOUR = 17
const DEFER_MINUTE = 30
const DEFER_MAX_DAYS = 90

type ClockPanel = 'pause' | 'classify' | 'defer' | 'progress'

/** A clock event the server may offer: one tap, or a form. Class names are for tests. */
type Tool = { event: string; text: string; className: string } & ({ tap: 'task.resume' } | { panel: ClockPanel })

const TOOLS: readonly Tool[] = [
  { event: 'progress', panel: 'progress', text: '进展汇报', className: 'task-progress' },
  { event: 'resume', tap: 'task.resume', text: '恢复计时', className: 'task-resume' },
  { event: 'pause', panel: 'pause', text: '暂停计时', className: 'task-pause' },
  { event: 'classify', panel: 'classify', text: '维修规模', className: 'task-classify' },
  { event: 'defer', panel: 'defer', text: '暂不能修复', className: 'task-defer' },
]

const PANEL_TITLES: Record<ClockPanel, string> = {
  pause: '暂停计时',
  classify: '维修规模',
  defer: '暂不能修复',
  progress: '进展汇报',
}

/** Clock events a staff member may cause now, as the server listed them. */
export const clockTools = (ticket: TicketView): Tool[] => TOOLS.filter((t) => ticket.actions.includes(t.event))

interface FormProps {
  busy: boolean
  onClose: () => void
}

/** 暂停计时: a common reason or the technician's own words (1–60 characters). */
function PauseForm({ busy, onClose, onSubmit }: FormProps & { onSubmit: (reason: string) => void }) {
  const [choice, setChoice] = useState<string | null>(null)
  const [text, setText] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = () => {
    const reason = choice === OTHER || choice === null ? text.trim() : choice
    if (!reason) {
      setError('请选择或填写暂停原因')
      return
    }
    setError(null)
    onSubmit(reason)
  }

  return (
    <View className='pause-form clock-form'>
      <Text className='clock-form__hint'>等待业主期间不计入服务时限；恢复计时后，时限按暂停的时长顺延。</Text>
      <ChipGroup
        label='暂停原因'
        columns={2}
        options={[...PAUSE_REASONS, OTHER].map((r) => ({ value: r, label: r }))}
        value={choice}
        onChange={(r) => {
          setChoice(r)
          setError(null)
        }}
        className='pause-form__reasons'
      />
      {choice === OTHER && (
        <FieldTextarea value={text} onChange={setText} maxLength={60} placeholder='请填写暂停原因' className='pause-form__other' />
      )}
      <ErrorNotice message={error} />
      <View className='clock-form__actions'>
        <AppButton kind='plain' onClick={onClose} className='clock-form__back'>
          返回
        </AppButton>
        <AppButton loading={busy} onClick={submit} className='clock-form__confirm pause-form__confirm'>
          确认暂停
        </AppButton>
      </View>
    </View>
  )
}

/** 维修规模: 小修 / 中修 / 大修, the current one marked; the choice sets the repair deadline. */
function ClassifyForm({ busy, onClose, onSubmit, current }: FormProps & { current: PublicSize | null; onSubmit: (size: PublicSize) => void }) {
  const shown = current ?? 'small'
  const [size, setSize] = useState<PublicSize>(shown)
  const currentName = SIZE_CLASSES.find((c) => c.value === shown)!.label
  return (
    <View className='classify-form clock-form'>
      <Text className='clock-form__hint classify-form__current'>
        {current ? `当前：${currentName}。改为其他规模后，维修时限从接单时起重新计算。` : '尚未确定规模，目前按小修（60分钟）计时。'}
      </Text>
      <ChipGroup<PublicSize>
        label='维修规模'
        columns={3}
        options={SIZE_CLASSES.map((c) => ({ value: c.value, label: c.label, sub: c.value === shown ? `${c.span}·当前` : c.span }))}
        value={size}
        onChange={setSize}
        className='classify-form__sizes'
      />
      <View className='clock-form__actions'>
        <AppButton kind='plain' onClick={onClose} className='clock-form__back'>
          返回
        </AppButton>
        <AppButton loading={busy} disabled={size === current} onClick={() => onSubmit(size)} className='clock-form__confirm classify-form__confirm'>
          确认规模
        </AppButton>
      </View>
    </View>
  )
}

/** 暂不能修复: why, and the day it is expected to be fixed (tomorrow … 90 days on). */
function DeferForm({ busy, onClose, onSubmit, now }: FormProps & { now: number; onSubmit: (reason: string, expectedAt: number) => void }) {
  const [reason, setReason] = useState('')
  const [date, setDate] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const start = formatDateValue(now + DAY_MS)
  const end = formatDateValue(now + (DEFER_MAX_DAYS - 1) * DAY_MS)

  const submit = () => {
    const expectedAt = date === null ? null : chinaDateAt(date, DEFER_HOUR, DEFER_MINUTE)
    if (!reason.trim()) return setError('请填写暂不能修复的原因')
    if (expectedAt === null) return setError('请选择预计修复日期')
    setError(null)
    onSubmit(reason.trim(), expectedAt)
  }

  return (
    <View className='defer-form clock-form'>
      <FieldTextarea
        value={reason}
        onChange={(v) => {
          setReason(v)
          setError(null)
        }}
        maxLength={100}
        label='暂不能修复的原因'
        placeholder='如：需要更换的配件缺货，已向厂家订货'
        className='defer-form__reason'
      />
      <Text className='clock-form__label'>预计修复日期</Text>
      <Picker
        mode='date'
        start={start}
        end={end}
        value={date ?? start}
        onChange={(e) => {
          setDate(String(e.detail.value))
          setError(null)
        }}
        className='defer-form__date'
      >
        <View className='clock-form__picker' {...a11y('button', date ? `预计修复日期 ${date}` : '选择预计修复日期')}>
          <Text className={date ? 'clock-form__picker-value' : 'clock-form__picker-placeholder'}>{date ?? '请选择日期'}</Text>
          <Text className='clock-form__picker-arrow'>›</Text>
        </View>
      </Picker>
      <ErrorNotice message={error} />
      <View className='clock-form__actions'>
        <AppButton kind='plain' onClick={onClose} className='clock-form__back'>
          返回
        </AppButton>
        <AppButton loading={busy} onClick={submit} className='clock-form__confirm defer-form__confirm'>
          提交报告
        </AppButton>
      </View>
    </View>
  )
}

export interface ClockToolsProps {
  ticket: TicketView
  busy: TicketState['busy']
  run: TicketState['run']
  /** The failed clock action's message, shown above the buttons. */
  error: string | null
  now: number
}

/**
 * 计时与汇报: the clock events the server offers the viewer now — a complaint's progress report,
 * pausing the clocks while the ticket waits for the owner and resuming them, the size class of a
 * public-area repair and what cannot be fixed yet. A form opens in place of the buttons.
 */
export default function ClockTools({ ticket, busy, run, error, now }: ClockToolsProps) {
  const [panel, setPanel] = useState<ClockPanel | null>(null)
  const tools = clockTools(ticket)
  if (tools.length === 0) return null
  const open = panel && tools.some((t) => 'panel' in t && t.panel === panel) ? panel : null
  const close = () => setPanel(null)
  const done = (ok: boolean) => {
    if (ok) setPanel(null)
  }
  const ticketId = ticket.id

  return (
    <Card title={open ? PANEL_TITLES[open] : '计时与汇报'} className='clock-actions'>
      <ErrorNotice message={error} />
      {open === 'pause' && (
        <PauseForm busy={busy === 'task.pause'} onClose={close} onSubmit={async (reason) => done(await run('task.pause', { ticketId, reason }, '已暂停计时'))} />
      )}
      {open === 'classify' && (
        <ClassifyForm
          busy={busy === 'task.classify'}
          current={ticket.publicSize}
          onClose={close}
          onSubmit={async (size) => done(await run('task.classify', { ticketId, size }, '已确定维修规模'))}
        />
      )}
      {open === 'defer' && (
        <DeferForm
          busy={busy === 'task.defer'}
          now={now}
          onClose={close}
          onSubmit={async (reason, expectedAt) => done(await run('task.defer', { ticketId, reason, expectedAt }, '已提交报告'))}
        />
      )}
      {open === 'progress' && (
        <NoteForm
          label='进展情况'
          placeholder='如：已联系保洁主管，今天下午清理完毕'
          maxLength={200}
          submitText='提交汇报'
          requiredMessage='请填写进展情况'
          busy={busy === 'task.progress'}
          onClose={close}
          onSubmit={async (note) => done(await run('task.progress', { ticketId, note }, '已汇报进展'))}
        />
      )}
      {!open && (
        <View className='clock-tools'>
          {tools.map((t) => (
            <AppButton
              key={t.event}
              block
              size='large'
              kind={t.event === 'progress' || t.event === 'resume' ? 'secondary' : 'plain'}
              loading={'tap' in t && busy === t.tap}
              className={`clock-tools__button ${t.className}`}
              onClick={() => ('tap' in t ? void run(t.tap, { ticketId }, '已恢复计时') : setPanel(t.panel))}
            >
              {t.text}
            </AppButton>
          ))}
        </View>
      )}
    </Card>
  )
}
