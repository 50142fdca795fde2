import { Input, Text, View } from '@tarojs/components'
import { COMPLAINT_CATEGORIES, REPLY_WITHIN_HOURS } from '@/core/catalog/complaints'
import CategoryGrid from '@/components/CategoryGrid'
import ChipGroup from '@/components/ChipGroup'
import FieldError from '@/components/FieldError'
import FieldTextarea from '@/components/FieldTextarea'
import { ABOUT_STAFF_MAX, DESCRIPTION_MAX, type Draft, type FieldErrors } from './draft'

/** 4小时内 / 24小时内 / 3天内 */
const replyLabel = (hours: number): string => (hours % 24 === 0 && hours > 24 ? `${hours / 24}天内` : `${hours}小时内`)

export interface ComplaintFieldsProps {
  value: Draft['complaint']
  errors: FieldErrors
  onChange: (patch: Partial<Draft['complaint']>, field?: keyof FieldErrors) => void
}

/** 投诉: registered whatever it says (000 4.5.1), with the reply time the owner asked for. */
export default function ComplaintFields({ value, errors, onChange }: ComplaintFieldsProps) {
  return (
    <View className='desk-fields complaint-fields'>
      <Text className='desk-fields__label'>投诉类别</Text>
      <CategoryGrid items={COMPLAINT_CATEGORIES} label='投诉类别' value={value.category} onChange={(category) => onChange({ category }, 'category')} className='desk-complaint-category' />
      <FieldError message={errors.category} className='category-error' />
      <Text className='desk-fields__label'>投诉内容</Text>
      <FieldTextarea
        className='desk-description'
        value={value.description}
        onChange={(description) => onChange({ description }, 'description')}
        maxLength={DESCRIPTION_MAX}
        placeholder='按业主原话记录事情经过、涉及的人员和业主的诉求'
      />
      <FieldError message={errors.description} className='description-error' />
      <Text className='desk-fields__label'>被投诉人员（选填）</Text>
      <Input
        className='desk-fields__input desk-about-staff'
        value={value.aboutStaff}
        maxlength={ABOUT_STAFF_MAX}
        placeholder='如知道姓名或岗位，如：3号岗保安'
        onInput={(e) => onChange({ aboutStaff: e.detail.value }, 'aboutStaff')}
      />
      <FieldError message={errors.aboutStaff} className='about-staff-error' />
      <Text className='desk-fields__label'>期望答复时间</Text>
      <ChipGroup
        label='期望答复时间'
        columns={3}
        options={REPLY_WITHIN_HOURS.map((h) => ({ value: h, label: replyLabel(h) }))}
        value={value.replyHours}
        onChange={(replyHours) => onChange({ replyHours }, 'replyBy')}
        className='desk-reply-picker'
      />
      <FieldError message={errors.replyBy} className='reply-error' />
    </View>
  )
}
