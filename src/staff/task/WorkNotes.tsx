import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import PhotoGrid from '@/components/PhotoGrid'
import PhotoPicker from '@/components/PhotoPicker'
import type { TicketState } from '@/hooks/useTicket'
import { formatShort } from '@/utils/time'
import './work-notes.css'

/** The longest note (the contract's limit). */
const NOTE_MAX = 300

export interface WorkNotesProps {
  ticket: TicketView
  busy: TicketState['busy']
  run: TicketState['run']
  /** The server's answer to the last note, if it failed. */
  error: string | null
}

/** The staff notes of the ticket, newest first (the owner never sees them). */
const notesOf = (ticket: TicketView) => ticket.timeline.filter((e) => e.event === 'note').reverse()

/** 添加工作备注: text (required) and photos (optional). */
function AddNoteForm({ busy, onSubmit, onClose }: { busy: boolean; onSubmit: (text: string, photos: string[]) => void; onClose: () => void }) {
  const [text, setText] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [uploading, setUploading] = useState(false)
  const [problem, setProblem] = useState<string | null>(null)

  const submit = () => {
    if (!text.trim()) return setProblem('请填写工作备注')
    if (uploading) return setProblem('照片正在上传，请稍候')
    setProblem(null)
    onSubmit(text.trim(), photos)
  }

  return (
    <View className='work-note-form'>
      <FieldTextarea
        value={text}
        onChange={setText}
        maxLength={NOTE_MAX}
        placeholder='如：业主不在家，已电话约好明早再来；需要采购配件'
        className='work-note-form__text'
      />
      <ErrorNotice message={problem} />
      <View className='work-note-form__photos'>
        <PhotoPicker label='照片（选填）' hint='可拍摄现场情况，仅工作人员可见' value={photos} onChange={setPhotos} onBusyChange={setUploading} />
      </View>
      <View className='work-note-form__actions'>
        <AppButton kind='plain' onClick={onClose} className='work-note-form__back'>
          返回
        </AppButton>
        <AppButton loading={busy} onClick={submit} className='work-note-form__confirm'>
          保存备注
        </AppButton>
      </View>
    </View>
  )
}

/**
 * 工作备注: what staff noted while working the task, with photos, and a way to add one at any
 * open state (the holder and the desk). Staff only: the owner's timeline leaves notes out.
 */
export default function WorkNotes({ ticket, busy, run, error }: WorkNotesProps) {
  const [writing, setWriting] = useState(false)
  const notes = notesOf(ticket)
  const canNote = ticket.actions.includes('note')
  if (!canNote && notes.length === 0) return null

  return (
    <Card title='工作备注' className='work-notes' extra={<Text className='work-notes__private'>仅工作人员可见</Text>}>
      {notes.map((n, i) => (
        <View key={`${n.at}-${i}`} className='work-notes__item'>
          <View className='work-notes__head'>
            <Text className='work-notes__who'>{n.actorName}</Text>
            <Text className='work-notes__time'>{formatShort(n.at)}</Text>
          </View>
          <Text className='work-notes__text'>{n.note}</Text>
          {n.photos && n.photos.length > 0 && <PhotoGrid photos={n.photos} className='work-notes__photos' />}
        </View>
      ))}
      {notes.length === 0 && !writing && <Text className='work-notes__empty'>记录上门、沟通等情况，方便同事和前台跟进。</Text>}
      <ErrorNotice message={error} />
      {canNote &&
        (writing ? (
          <AddNoteForm
            busy={busy === 'task.note'}
            onClose={() => setWriting(false)}
            onSubmit={async (text, photos) => {
              if (await run('task.note', { ticketId: ticket.id, text, photos }, '备注已保存')) setWriting(false)
            }}
          />
        ) : (
          <AppButton kind='secondary' block onClick={() => setWriting(true)} className='work-notes__add'>
            添加备注
          </AppButton>
        ))}
    </Card>
  )
}
