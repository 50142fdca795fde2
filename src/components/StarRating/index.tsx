import { Text, View } from '@tarojs/components'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export const MAX_STARS = 5
export const STAR_WORDS = ['', '很不满意', '不满意', '一般', '满意', '非常满意'] as const

export interface StarRatingProps {
  label: string
  /** 0 = not rated yet; 1–5 otherwise. */
  value: number
  /** Omit to show the rating read-only. */
  onChange?: (value: number) => void
}

/** A row of five stars; tapping the n-th star sets the score to n. */
export default function StarRating({ label, value, onChange }: StarRatingProps) {
  const readOnly = !onChange
  return (
    <View className='star-rating' {...a11y('radiogroup', label)}>
      <Text className='star-rating__label'>{label}</Text>
      <View className='star-rating__stars'>
        {Array.from({ length: MAX_STARS }, (_, i) => i + 1).map((n) => (
          <View
            key={n}
            className={cx('star-rating__star', n <= value && 'star-rating__star--on', readOnly && 'star-rating__star--static')}
            {...a11y('radio', `${label} ${n}星`, { checked: n === value, disabled: readOnly })}
            onClick={() => onChange?.(n)}
          >
            <Text>★</Text>
          </View>
        ))}
        <Text className='star-rating__word'>{STAR_WORDS[value] ?? ''}</Text>
      </View>
    </View>
  )
}
