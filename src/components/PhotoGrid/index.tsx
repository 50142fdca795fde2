import Taro from '@tarojs/taro'
import { Image, View } from '@tarojs/components'
import { photoUrl } from '@/services/photos'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export interface PhotoGridProps {
  /** Stored photo references (a ticket's `photos`). */
  photos: readonly string[]
  className?: string
}

/** Photos of a ticket, read only: three a row, tap one to view them all full size. */
export default function PhotoGrid({ photos, className }: PhotoGridProps) {
  if (photos.length === 0) return null
  const urls = photos.map(photoUrl)
  return (
    <View className={cx('photo-grid', className)}>
      {urls.map((url, i) => (
        <View
          key={`${i}-${url}`}
          className='photo-grid__tile'
          {...a11y('button', `查看第${i + 1}张照片`)}
          onClick={() => void Taro.previewImage({ current: url, urls }).catch(() => undefined)}
        >
          <Image className='photo-grid__image' src={url} mode='aspectFill' />
        </View>
      ))}
    </View>
  )
}
