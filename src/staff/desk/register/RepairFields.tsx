import { Text, View } from '@tarojs/components'
import AppointmentPicker from '@/components/AppointmentPicker'
import CategoryGrid from '@/components/CategoryGrid'
import ChipGroup from '@/components/ChipGroup'
import FieldError from '@/components/FieldError'
import FieldTextarea from '@/components/FieldTextarea'
import FormField from '@/components/FormField'
import Toggle from '@/components/Toggle'
import { DESCRIPTION_MAX, type Draft, type FieldErrors } from './draft'

const AREAS = [
  { value: 'home', label: '户内', sub: '家中设施' },
  { value: 'public', label: '公共区域', sub: '楼道、电梯等' },
] as const

export interface RepairFieldsProps {
  value: Draft['repair']
  errors: FieldErrors
  now: number
  onChange: (patch: Partial<Draft['repair']>, field?: keyof FieldErrors) => void
}

/** 报修: where, what, how urgent, when the technician may come — as the owner's own form asks. */
export default function RepairFields({ value, errors, now, onChange }: RepairFieldsProps) {
  return (
    <View className='desk-fields repair-fields'>
      <FormField label='报修位置'>
        <ChipGroup label='报修位置' columns={2} options={AREAS} value={value.area} onChange={(area) => onChange({ area })} />
      </FormField>
      <Text className='desk-fields__label'>报修类别</Text>
      <CategoryGrid value={value.category} onChange={(category) => onChange({ category }, 'category')} className='desk-repair-category' />
      <FieldError message={errors.category} className='category-error' />
      <Text className='desk-fields__label'>问题描述</Text>
      <FieldTextarea
        className='desk-description'
        value={value.description}
        onChange={(description) => onChange({ description }, 'description')}
        maxLength={DESCRIPTION_MAX}
        placeholder='按业主所说记录故障位置和现象，如：厨房水龙头关不紧，一直滴水'
      />
      <FieldError message={errors.description} className='description-error' />
      <View className='desk-fields__row'>
        <Text className='desk-fields__row-title'>急修</Text>
        <Toggle checked={value.urgent} onChange={(urgent) => onChange({ urgent })} label='急修' />
      </View>
      <Text className='desk-fields__label'>上门时间</Text>
      <AppointmentPicker value={value.appointment} onChange={(appointment) => onChange({ appointment }, 'appointment')} now={now} />
      <FieldError message={errors.appointment} className='appointment-error' />
    </View>
  )
}
