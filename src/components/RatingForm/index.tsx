import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import StarRating from '@/components/StarRating'
import './index.css'

export interface RatingInput {
  handling: number
  staff: number
  comment: string
}

export interface RatingFormProps {
  busy: boolean
  /** Who a low rating sends the ticket back to (handlerTitle); default 维修师傅. */
  handlerTitle?: string
  onSubmit: (rating: RatingInput) => void
}

/** 回访评价: the two questions of the callback and the owner's own words. */
export default function RatingForm({ busy, handlerTitle = '维修师傅', onSubmit }: RatingFormProps) {
  const [handling, setHandling] = useState(0)
  const [staff, setStaff] = useState(0)
  const [comment, setComment] = useState('')
  const [error, setError] = useState<string | null>(null)

  const submit = () => {
    if (handling === 0 || staff === 0) {
      setError('请为处理结果和服务态度分别打分')
      return
    }
    setError(null)
    onSubmit({ handling, staff, comment: comment.trim() })
  }

  return (
    <View className='rating-form'>
      <StarRating label='处理结果满意度' value={handling} onChange={setHandling} />
      <StarRating label='服务态度满意度' value={staff} onChange={setStaff} />
      <FieldTextarea value={comment} onChange={setComment} maxLength={300} placeholder='您的意见（选填）' />
      <Text className='rating-form__hint'>{`任一项评价为2星及以下时，工单将退回${handlerTitle}继续处理。`}</Text>
      <ErrorNotice message={error} />
      <AppButton block size='large' loading={busy} onClick={submit} className='rating-form__submit'>
        提交评价
      </AppButton>
    </View>
  )
}
