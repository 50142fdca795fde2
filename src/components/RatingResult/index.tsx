import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import StarRating from '@/components/StarRating'
import { formatFull } from '@/utils/time'
import './index.css'

export interface RatingResultProps {
  rating: NonNullable<TicketView['rating']>
}

/** The callback rating, read-only: the owner's own, or taken down by the desk on the phone (电话回访). */
export default function RatingResult({ rating }: RatingResultProps) {
  return (
    <View className='rating-result'>
      <StarRating label='处理结果满意度' value={rating.handling} />
      <StarRating label='服务态度满意度' value={rating.staff} />
      {rating.comment !== '' && <Text className='rating-result__comment'>“{rating.comment}”</Text>}
      <Text className='rating-result__time'>
        {rating.by === 'phone' ? `电话回访 · ${rating.recordedByName ?? '客服前台'}记录于 ${formatFull(rating.at)}` : `评价于 ${formatFull(rating.at)}`}
      </Text>
    </View>
  )
}
