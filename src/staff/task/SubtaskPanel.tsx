import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { RepairCategoryId } from '@/core/catalog/categories'
import type { SubtaskView, TicketView } from '@/core/contract/views'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import CategoryGrid from '@/components/CategoryGrid'
import ChipGroup from '@/components/ChipGroup'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import type { TicketState } from '@/hooks/useTicket'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import { formatShort } from '@/utils/time'
import './subtask-panel.css'

type Area = 'home' | 'public'

const AREAS: readonly { value: Area; label: string }[] = [
  { value: 'home', label: '业主户内' },
  { value: 'public', label: '公共区域' },
]

/** A complaint's sub-tasks that are not done yet (what 处理完毕 asks the housekeeper to confirm). */
export const openSubtasksOf = (ticket: TicketView): SubtaskView[] => (ticket.subtasks ?? []).filter((s) => !s.settled)

const openTask = (id: string) => void Taro.navigateTo({ url: `/staff/task/index?id=${encodeURIComponent(id)}` })

/** One sub-task: what was asked of which team, where it stands now and who has it. */
function SubtaskRow({ sub }: { sub: SubtaskView }) {
  return (
    <View className='subtask-row'>
      <View className='subtask-row__head'>
        <Text className='subtask-row__title'>{`${sub.categoryIcon} ${sub.categoryName} · ${sub.teamName}`}</Text>
        <Text className={cx('subtask-row__state', sub.settled ? 'subtask-row__state--done' : 'subtask-row__state--open')}>{sub.stateLabel}</Text>
      </View>
      {sub.description !== '' && <Text className='subtask-row__text'>{sub.description}</Text>}
      <View className='subtask-row__meta'>
        <Text className='subtask-row__who'>
          {`${sub.area === 'public' ? '公共区域 · ' : sub.area === 'home' ? '业主户内 · ' : ''}${sub.assigneeName ? `${sub.assigneeName}处理` : '等待派单'} · ${formatShort(sub.at)} 安排`}
        </Text>
        <Text className='subtask-row__no' {...a11y('link', `查看协办单 ${sub.no}`)} onClick={() => openTask(sub.id)}>
          {`${sub.no} ›`}
        </Text>
      </View>
    </View>
  )
}

interface FormProps {
  busy: boolean
  onClose: () => void
  onSubmit: (input: { category: RepairCategoryId; area: Area; description: string }) => void
}

/** 安排协办: which team's work (by repair category), where, and what to do. */
function SubtaskForm({ busy, onClose, onSubmit }: FormProps) {
  const [category, setCategory] = useState<RepairCategoryId | null>(null)
  const [area, setArea] = useState<Area>('home')
  const [description, setDescription] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = () => {
    if (!category) return setError('请选择协办类别')
    if (!description.trim()) return setError('请填写协办内容')
    setError(null)
    onSubmit({ category, area, description: description.trim() })
  }

  return (
    <View className='subtask-form'>
      <Text className='subtask-form__hint'>
        协办单按派单规则派给相应班组：维修按工种派给工程部师傅，家政保洁派给清洁部组长，绿化养护派给绿化部组长。业主只会看到“已安排××协助处理”。
      </Text>
      <Text className='subtask-form__label'>协办类别</Text>
      <CategoryGrid
        value={category}
        onChange={(c) => {
          setCategory(c)
          setError(null)
        }}
        label='协办类别'
        className='subtask-form__categories'
      />
      <Text className='subtask-form__label'>地点</Text>
      <ChipGroup<Area> label='地点' columns={2} options={AREAS} value={area} onChange={setArea} className='subtask-form__area' />
      <FieldTextarea
        value={description}
        onChange={(v) => {
          setDescription(v)
          setError(null)
        }}
        maxLength={300}
        label='协办内容'
        placeholder='如：1栋1单元楼道垃圾请今天下午清理干净，并告知我结果'
        className='subtask-form__description'
      />
      <ErrorNotice message={error} />
      <View className='subtask-form__actions'>
        <AppButton kind='plain' onClick={onClose} className='subtask-form__back'>
          返回
        </AppButton>
        <AppButton loading={busy} onClick={submit} className='subtask-form__confirm'>
          派出协办单
        </AppButton>
      </View>
    </View>
  )
}

export interface SubtaskPanelProps {
  ticket: TicketView
  busy: TicketState['busy']
  run: TicketState['run']
}

/**
 * 协办 (004 二: the housekeeper involves the departments concerned). On a complaint: its
 * sub-tasks for other teams with their live state, and — for its housekeeper — a new one. On a
 * sub-task: the complaint it serves and who asked for it.
 */
export default function SubtaskPanel({ ticket, busy, run }: SubtaskPanelProps) {
  const [open, setOpen] = useState(false)
  if (ticket.parent) {
    const by = ticket.timeline[0]?.actorName
    return (
      <Card title='协办来源' className='subtask-parent'>
        <Text className='subtask-parent__text'>{`本单是投诉 ${ticket.parent.no} 的协办单${by ? `，由${by}安排` : ''}。`}</Text>
        <Text className='subtask-parent__hint'>办好后请按时返单，管家会据此答复业主的投诉。</Text>
      </Card>
    )
  }
  const subtasks = ticket.subtasks ?? []
  const canAdd = ticket.actions.includes('subtask')
  if (ticket.kind !== 'complaint' || (subtasks.length === 0 && !canAdd)) return null
  const adding = open && canAdd

  return (
    <Card title={adding ? '安排协办' : '协办'} className='subtask-section'>
      {adding ? (
        <SubtaskForm
          busy={busy === 'task.subtask'}
          onClose={() => setOpen(false)}
          onSubmit={async (input) => {
            if (await run('task.subtask', { ticketId: ticket.id, ...input }, '已派出协办单')) setOpen(false)
          }}
        />
      ) : (
        <>
          {subtasks.length === 0 ? (
            <Text className='subtask-section__empty'>需要工程部、清洁部或绿化部协助时，在这里派出协办单；协办进度会显示在这里。</Text>
          ) : (
            <View className='subtask-section__list'>
              {subtasks.map((sub) => (
                <SubtaskRow key={sub.id} sub={sub} />
              ))}
            </View>
          )}
          {canAdd && (
            <AppButton block size='large' kind='secondary' onClick={() => setOpen(true)} className='subtask-add'>
              安排协办
            </AppButton>
          )}
        </>
      )}
    </Card>
  )
}

/** In the 处理完毕 form: the sub-tasks still open, which the housekeeper confirms past. */
export function OpenSubtasksNotice({ ticket }: { ticket: TicketView }) {
  const open = openSubtasksOf(ticket)
  if (open.length === 0) return null
  return (
    <View className='open-subtasks'>
      <Text className='open-subtasks__title'>{`还有 ${open.length} 个协办单未完成`}</Text>
      {open.map((s) => (
        <Text key={s.id} className='open-subtasks__item'>{`${s.no} · ${s.teamName} · ${s.stateLabel}`}</Text>
      ))}
      <Text className='open-subtasks__hint'>可以先答复业主、处理完毕；协办单会继续由相应班组完成。确认无误再提交。</Text>
    </View>
  )
}
