import { useState } from 'react'
import { View } from '@tarojs/components'
import { ERROR_MESSAGES } from '@/core/errors'
import AppButton from '@/components/AppButton'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import PhotoPicker from '@/components/PhotoPicker'
import type { StaffKindWords } from '@/utils/kind'
import './finish-form.css'

export interface FinishFormProps {
  words: StaffKindWords
  /** A repair is returned only with photos of the result (the owner sees them). */
  photosRequired: boolean
  /** The confirm button (the kind's words, or a variant the page chooses). */
  submitText: string
  busy: boolean
  onClose: () => void
  /** Called from the tap itself, after the form's own checks passed. */
  onSubmit: (note: string, photos: string[]) => void
}

/** The server's own words for it, said next to the field before anything is sent. */
export const RESULT_PHOTO_REQUIRED = ERROR_MESSAGES['TICKET.RESULT_PHOTO_REQUIRED']

/**
 * 返单: the result in words (required for a complaint) and, for a repair, photos of the result
 * (at least one). It keeps the note form's class names (`note-form`, its buttons) so a return
 * reads the same to tests and stories whatever the kind; the photo field is the repair's extra.
 */
export default function FinishForm({ words, photosRequired, submitText, busy, onClose, onSubmit }: FinishFormProps) {
  const [note, setNote] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [uploading, setUploading] = useState(false)
  const [noteError, setNoteError] = useState<string | null>(null)
  const [photoError, setPhotoError] = useState<string | null>(null)

  const submit = () => {
    const text = note.trim()
    const noteProblem = words.noteRequired !== null && !text ? words.noteRequired : null
    // A photo still uploading would be left out: wait for it.
    const photoProblem = !photosRequired ? null : uploading ? '照片正在上传，请稍候' : photos.length === 0 ? RESULT_PHOTO_REQUIRED : null
    setNoteError(noteProblem)
    setPhotoError(photoProblem)
    if (noteProblem || photoProblem) return
    onSubmit(text, photos)
  }

  return (
    <View className='note-form finish-form'>
      <FieldTextarea
        value={note}
        onChange={(text) => {
          setNote(text)
          // The message goes once the result is written, as the photo's does once one is chosen.
          if (text.trim()) setNoteError(null)
        }}
        maxLength={300}
        label={words.noteLabel}
        placeholder={words.notePlaceholder}
      />
      <ErrorNotice message={noteError} />
      {photosRequired && (
        <View className='finish-form__photos'>
          <PhotoPicker
            label='维修结果照片（至少1张）'
            hint='请拍摄修好后的部位，业主可在工单中查看'
            value={photos}
            onChange={(refs) => {
              setPhotos(refs)
              if (refs.length > 0) setPhotoError(null)
            }}
            onBusyChange={setUploading}
            error={photoError}
            className='result-photo-picker'
          />
        </View>
      )}
      <View className='finish-form__actions'>
        <AppButton kind='plain' onClick={onClose} className='note-form__back'>
          返回
        </AppButton>
        <AppButton loading={busy} onClick={submit} className='note-form__confirm finish-form__confirm'>
          {submitText}
        </AppButton>
      </View>
    </View>
  )
}
