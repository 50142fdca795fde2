import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { isReviewerRole } from '@/core/binding/review'
import type { Identity } from '@/core/contract/views'
import { a11y } from '@/utils/a11y'
import './index.css'

export interface BindingReviewEntryProps {
  identity: Identity | null | undefined
}

/**
 * The way to 绑定审核 from a staff page's header, for those who review binding requests (front
 * desk, housekeepers, supervisor, manager); renders nothing for anyone else.
 */
export default function BindingReviewEntry({ identity }: BindingReviewEntryProps) {
  if (identity?.kind !== 'staff' || !isReviewerRole(identity.role)) return null
  return (
    <View
      className='binding-review-entry'
      {...a11y('button', '房屋绑定审核')}
      onClick={() => void Taro.navigateTo({ url: '/staff/bindings/index' })}
    >
      <Text className='binding-review-entry__icon'>🏠</Text>
      <Text className='binding-review-entry__title'>房屋绑定审核</Text>
      <Text className='binding-review-entry__arrow'>›</Text>
    </View>
  )
}
