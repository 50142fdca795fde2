import type { ReactNode } from 'react'
import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import { formatYuan } from '@/utils/money'
import './index.css'

export type Quote = NonNullable<TicketView['quote']>

export interface QuoteCardProps {
  quote: Quote
  /** Buttons shown under the total (the owner's decision). */
  children?: ReactNode
  /** Who reads it: the owner is spoken to (您), staff read about the owner (业主). */
  reader?: 'owner' | 'staff'
}

const DECISION_TEXT: Record<'owner' | 'staff', Record<NonNullable<Quote['decision']>, string>> = {
  owner: { accepted: '您已同意报价', declined: '您未同意报价' },
  staff: { accepted: '业主已同意报价', declined: '业主未同意报价' },
}

/** 维修报价: the technician's items and the total, in yuan. */
export default function QuoteCard({ quote, children, reader = 'staff' }: QuoteCardProps) {
  return (
    <View className={quote.decision === 'declined' ? 'quote-card quote-card--declined' : 'quote-card'}>
      {quote.items.map((item, i) => (
        <View key={`${item.name}-${i}`} className='quote-card__row'>
          <Text className='quote-card__name'>{item.name}</Text>
          <Text className='quote-card__qty'>
            {formatYuan(item.priceFen)} × {item.quantity}
          </Text>
        </View>
      ))}
      <View className='quote-card__total'>
        <Text>合计</Text>
        <Text className='quote-card__total-value'>{formatYuan(quote.totalFen)}</Text>
      </View>
      {quote.note !== '' && <Text className='quote-card__note'>说明：{quote.note}</Text>}
      {quote.decision && <Text className={`quote-card__decision quote-card__decision--${quote.decision}`}>{DECISION_TEXT[reader][quote.decision]}</Text>}
      {children}
    </View>
  )
}
