import { Text, View } from '@tarojs/components'
import type { PriceItem } from '@/core/catalog/categories'
import { formatYuan } from '@/utils/money'
import './index.css'

export interface PriceListProps {
  items: readonly PriceItem[]
  /** Shown under the list, e.g. how the final price is agreed. */
  note?: string
}

/** 维修价目表: item, price in yuan per unit. */
export default function PriceList({ items, note }: PriceListProps) {
  return (
    <View className='price-list'>
      {items.map((item) => (
        <View key={item.name} className='price-list__row'>
          <Text className='price-list__name'>{item.name}</Text>
          <Text className='price-list__price'>
            {formatYuan(item.priceFen)}
            <Text className='price-list__unit'>/{item.unit}</Text>
          </Text>
        </View>
      ))}
      {note && <Text className='price-list__note'>{note}</Text>}
    </View>
  )
}
