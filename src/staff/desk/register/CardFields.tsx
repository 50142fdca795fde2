import { Input, Text, View } from '@tarojs/components'
import { CARD_ACTION_NAMES, CARD_ACTIONS, CARD_TYPES } from '@/core/catalog/cards'
import CategoryGrid from '@/components/CategoryGrid'
import ChipGroup from '@/components/ChipGroup'
import FieldError from '@/components/FieldError'
import FieldTextarea from '@/components/FieldTextarea'
import Toggle from '@/components/Toggle'
import { yuanText } from '@/utils/money'
import { CARD_NOTE_MAX, type Draft, type FieldErrors } from './draft'

const ACTION_OPTIONS = CARD_ACTIONS.map((a) => ({ value: a, label: CARD_ACTION_NAMES[a] }))

export interface CardFieldsProps {
  value: Draft['card']
  errors: FieldErrors
  onChange: (patch: Partial<Draft['card']>, field?: keyof FieldErrors) => void
  /** The reissue cost fee as the company configured it; unknown while it loads. */
  reissueFeeFen: number | undefined
}

/** IC卡 (003 #11): open or collect, report lost, reissue (after a loss report, with the cost fee). */
export default function CardFields({ value, errors, onChange, reissueFeeFen }: CardFieldsProps) {
  return (
    <View className='desk-fields card-fields'>
      <Text className='desk-fields__label'>卡片类型</Text>
      <CategoryGrid items={CARD_TYPES} label='卡片类型' value={value.type} onChange={(type) => onChange({ type }, 'type')} className='desk-card-type' />
      <FieldError message={errors.type} className='type-error' />
      <Text className='desk-fields__label'>办理事项</Text>
      <ChipGroup label='办理事项' columns={3} options={ACTION_OPTIONS} value={value.action} onChange={(action) => onChange({ action }, 'action')} className='desk-card-action' />
      <FieldError message={errors.action} className='action-error' />
      {value.action === 'reissue' && (
        <Text className='desk-fields__notice'>{reissueFeeFen === undefined ? '补办需先挂失，并在前台缴纳成本费。' : `补办需先挂失，并在前台缴纳成本费 ${yuanText(reissueFeeFen)} 元。`}</Text>
      )}
      <Text className='desk-fields__label'>卡号（选填）</Text>
      <Input
        className='desk-fields__input desk-card-no'
        value={value.cardNo}
        maxlength={20}
        placeholder='卡片背面的卡号，数字或字母'
        onInput={(e) => onChange({ cardNo: e.detail.value }, 'cardNo')}
      />
      <FieldError message={errors.cardNo} className='card-no-error' />
      {value.action !== 'lost' && (
        <View className='desk-fields__row'>
          <Text className='desk-fields__row-title'>委托代管</Text>
          <Toggle checked={value.custody} onChange={(custody) => onChange({ custody })} label='委托代管' />
        </View>
      )}
      <Text className='desk-fields__label'>补充说明（选填）</Text>
      <FieldTextarea className='desk-card-note' value={value.note} onChange={(note) => onChange({ note }, 'note')} maxLength={CARD_NOTE_MAX} placeholder='如卡片遗失的时间地点、需要办理的张数等' />
      <FieldError message={errors.note} className='note-error' />
    </View>
  )
}
