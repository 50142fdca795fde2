import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import StarRating from '@/components/StarRating'
import { formatFull } from '@/utils/time'
import './index.css'

export interface RatingResultProps {
  rating: NonNullable<TicketView['rating']>
}

/** The owner's callback rating, read-only. */
export default function RatingResult({ rating }: RatingResultProps) {
  return (
    <View className='rating-result'>
      <StarRating label='处理结果满意度' value={rating.handling} />
      <StarRating label='服务态度满意度' value={rating.staff} />
      {rating.comment !== '' && <Text className='rating-result__comment'>“{rating.comment}”</Text>}
      <Text className='rating-result__time'>评价于 {formatFull(rating.at)}</Text>
    </View>
  )
}
