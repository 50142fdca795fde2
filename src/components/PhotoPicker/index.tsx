import { useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Image, Text, View } from '@tarojs/components'
import { MAX_PHOTOS } from '@/core/catalog/photos'
import { checkChosenPhoto, photoUrl, uploadPhoto, UploadError, type ChosenPhoto } from '@/services/photos'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export interface PhotoPickerProps {
  /** References of the uploaded photos, in order (what a submission sends as `photos`). */
  value: string[]
  onChange: (refs: string[]) => void
  /** Default 9 (MAX_PHOTOS). */
  max?: number
  label?: string
  /** A message from the form (e.g. the server's), shown like the picker's own. */
  error?: string | null
  /** True while any photo is still uploading: the form should not submit meanwhile. */
  onBusyChange?: (busy: boolean) => void
  hint?: string
  className?: string
}

/** A photo still on its way to storage. */
interface Pending {
  key: number
  /** The local temporary file, shown until the upload answers. */
  preview: string
}

/** One file Taro.chooseMedia returned (H5 adds the browser's File). */
type ChosenFile = Taro.chooseMedia.ChooseMedia

const toChosen = (f: ChosenFile): ChosenPhoto => ({
  path: f.tempFilePath,
  size: f.size,
  name: f.originalFileObj?.name,
  type: f.fileType,
})

const isCancel = (e: unknown) => /cancel/i.test(String((e as { errMsg?: unknown } | null)?.errMsg ?? ''))

/**
 * 现场照片: thumbnails with a "+" tile. Each chosen photo is checked (kind, size) before it is
 * sent, uploaded at once with its own "上传中" state, and may be removed (×) or viewed full
 * size (tap). `value` only ever holds photos that finished uploading.
 */
export default function PhotoPicker({
  value,
  onChange,
  max = MAX_PHOTOS,
  label,
  error,
  onBusyChange,
  hint = '您可拍摄故障部位，方便师傅提前了解情况',
  className,
}: PhotoPickerProps) {
  const [pending, setPending] = useState<Pending[]>([])
  const [message, setMessage] = useState<string | null>(null)

  // Uploads finish whenever they finish: each adds to the latest list, not the one it started with.
  const latest = useRef(value)
  latest.current = value
  const pendingCount = useRef(0)
  pendingCount.current = pending.length
  const callbacks = useRef({ onChange, onBusyChange })
  callbacks.current = { onChange, onBusyChange }
  const cancelled = useRef(new Set<number>())
  const nextKey = useRef(0)
  const mounted = useRef(true)
  useEffect(() => {
    mounted.current = true
    return () => {
      mounted.current = false
    }
  }, [])

  const busy = pending.length > 0
  useEffect(() => {
    callbacks.current.onBusyChange?.(busy)
  }, [busy])

  const chosenCount = value.length + pending.length
  const remaining = Math.max(0, max - chosenCount)

  const warn = (text: string) => {
    setMessage(text)
    void Taro.showToast({ title: text, icon: 'none', duration: 2500 })
  }

  const commit = (refs: string[]) => {
    latest.current = refs
    callbacks.current.onChange(refs)
  }

  const upload = (photo: ChosenPhoto) => {
    const key = nextKey.current++
    setPending((p) => [...p, { key, preview: photo.path }])
    pendingCount.current += 1
    uploadPhoto(photo)
      .then((ref) => {
        if (mounted.current && !cancelled.current.has(key)) commit([...latest.current, ref])
      })
      .catch((e: unknown) => {
        if (mounted.current && !cancelled.current.has(key)) warn(e instanceof UploadError ? e.message : '照片上传失败，请稍后再试')
      })
      .finally(() => {
        cancelled.current.delete(key)
        if (mounted.current) setPending((p) => p.filter((x) => x.key !== key))
      })
  }

  const choose = async () => {
    if (remaining <= 0) return warn(`最多上传${max}张照片`)
    let files: ChosenFile[]
    try {
      const res = await Taro.chooseMedia({
        count: remaining,
        mediaType: ['image'],
        sizeType: ['compressed'],
        sourceType: ['album', 'camera'],
      })
      files = res.tempFiles ?? []
    } catch (e) {
      if (!isCancel(e)) warn('未能打开相册或相机，请稍后再试')
      return
    }
    if (!mounted.current) return
    // H5: the browser could not read any of the chosen files as pictures (Taro leaves them out).
    if (files.length === 0) return warn('未能读取所选照片，请换一张试试')
    setMessage(null)

    // The browser's file dialog ignores `count`: keep only what still fits.
    const room = Math.max(0, max - latest.current.length - pendingCount.current)
    const problems: string[] = []
    if (files.length > room) problems.push(`最多上传${max}张照片，多选的照片未添加`)
    for (const file of files.slice(0, room)) {
      const photo = toChosen(file)
      const problem = checkChosenPhoto(photo)
      if (problem) problems.push(problem)
      else upload(photo)
    }
    if (problems.length > 0) warn(problems[0]!)
  }

  const remove = (index: number) => {
    setMessage(null)
    commit(latest.current.filter((_, i) => i !== index))
  }

  const cancel = (key: number) => {
    cancelled.current.add(key)
    setPending((p) => p.filter((x) => x.key !== key))
  }

  const preview = (index: number) => {
    const urls = latest.current.map(photoUrl)
    void Taro.previewImage({ current: urls[index], urls }).catch(() => undefined)
  }

  const shown = error || message

  return (
    <View className={cx('photo-picker', className)}>
      {label && <Text className='photo-picker__label'>{label}</Text>}
      <View className='photo-picker__grid'>
        {value.map((ref, i) => (
          <View key={`${i}-${ref}`} className='photo-picker__tile photo-picker__photo' {...a11y('button', `查看第${i + 1}张照片`)} onClick={() => preview(i)}>
            <Image className='photo-picker__image' src={photoUrl(ref)} mode='aspectFill' />
            <View
              className='photo-picker__remove'
              {...a11y('button', `删除第${i + 1}张照片`)}
              onClick={(e) => {
                e.stopPropagation()
                remove(i)
              }}
            >
              <Text className='photo-picker__remove-icon'>×</Text>
            </View>
          </View>
        ))}
        {pending.map((p) => (
          <View key={`pending-${p.key}`} className='photo-picker__tile photo-picker__uploading' {...a11y('img', '照片上传中')}>
            <Image className='photo-picker__image' src={p.preview} mode='aspectFill' />
            <View className='photo-picker__mask'>
              <View className='photo-picker__spinner' />
              <Text className='photo-picker__mask-text'>上传中</Text>
            </View>
            <View
              className='photo-picker__remove'
              {...a11y('button', '取消上传')}
              onClick={(e) => {
                e.stopPropagation()
                cancel(p.key)
              }}
            >
              <Text className='photo-picker__remove-icon'>×</Text>
            </View>
          </View>
        ))}
        {remaining > 0 && (
          <View className='photo-picker__tile photo-picker__add' {...a11y('button', '添加照片')} onClick={() => void choose()}>
            <Text className='photo-picker__add-icon'>+</Text>
            <Text className='photo-picker__add-text'>添加照片</Text>
          </View>
        )}
      </View>
      <View className='photo-picker__footer'>
        <Text className='photo-picker__hint'>{hint}</Text>
        <Text className='photo-picker__counter'>{`已选 ${chosenCount}/${max}`}</Text>
      </View>
      {shown && <Text className='photo-picker__error'>{shown}</Text>}
    </View>
  )
}
