import { useState } from 'react'
import { Input, Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import { formatYuan, totalFen, yuanToFen } from '@/utils/money'
import { emptyQuoteRow, parseQuoteRows, type QuoteItemInput, type QuoteRowDraft } from '@/utils/quote'
import './index.css'

export interface QuoteFormProps {
  busy: boolean
  onSubmit: (items: QuoteItemInput[], note: string) => void
  onCancel?: () => void
}

const MAX_ROWS = 20

/** Live total of the rows that already read as valid. */
const draftTotal = (rows: readonly QuoteRowDraft[]): number =>
  totalFen(
    rows.map((r) => ({ priceFen: yuanToFen(r.price) ?? 0, quantity: Number(r.quantity) > 0 ? Number(r.quantity) : 0 })),
  )

/** The technician's on-site quote: items priced in yuan, sent to the server in fen. */
export default function QuoteForm({ busy, onSubmit, onCancel }: QuoteFormProps) {
  const [rows, setRows] = useState<QuoteRowDraft[]>([emptyQuoteRow()])
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)

  const update = (index: number, field: keyof QuoteRowDraft, value: string) => {
    setRows((prev) => prev.map((r, i) => (i === index ? { ...r, [field]: value } : r)))
    setError(null)
  }

  const submit = () => {
    const parsed = parseQuoteRows(rows)
    if (!parsed.ok) {
      setError(parsed.error)
      return
    }
    onSubmit(parsed.items, note.trim())
  }

  return (
    <View className='quote-form'>
      {rows.map((row, i) => (
        <View key={i} className='quote-form__row'>
          <View className='quote-form__row-head'>
            <Text className='quote-form__row-title'>收费项目 {i + 1}</Text>
            {rows.length > 1 && (
              <Text className='quote-form__remove' onClick={() => setRows((prev) => prev.filter((_, j) => j !== i))}>
                删除
              </Text>
            )}
          </View>
          <Input
            className='quote-form__input quote-form__name'
            value={row.name}
            maxlength={30}
            placeholder='项目名称，如：更换水龙头'
            onInput={(e) => update(i, 'name', e.detail.value)}
          />
          <View className='quote-form__pair'>
            <View className='quote-form__cell'>
              <Text className='quote-form__cell-label'>单价（元）</Text>
              <Input
                className='quote-form__input quote-form__price'
                type='digit'
                value={row.price}
                maxlength={9}
                placeholder='0.00'
                onInput={(e) => update(i, 'price', e.detail.value)}
              />
            </View>
            <View className='quote-form__cell'>
              <Text className='quote-form__cell-label'>数量</Text>
              <Input
                className='quote-form__input quote-form__quantity'
                type='digit'
                value={row.quantity}
                maxlength={7}
                onInput={(e) => update(i, 'quantity', e.detail.value)}
              />
            </View>
          </View>
        </View>
      ))}
      {rows.length < MAX_ROWS && (
        <Text className='quote-form__add' onClick={() => setRows((prev) => [...prev, emptyQuoteRow()])}>
          + 添加收费项目
        </Text>
      )}
      <FieldTextarea value={note} onChange={setNote} maxLength={200} label='报价说明（选填）' placeholder='如材料费说明' />
      <View className='quote-form__total'>
        <Text>合计</Text>
        <Text className='quote-form__total-value'>{formatYuan(draftTotal(rows))}</Text>
      </View>
      <ErrorNotice message={error} />
      <View className='quote-form__actions'>
        {onCancel && (
          <AppButton kind='plain' onClick={onCancel} className='quote-form__cancel'>
            返回
          </AppButton>
        )}
        <AppButton loading={busy} onClick={submit} className='quote-form__submit'>
          提交报价
        </AppButton>
      </View>
    </View>
  )
}
