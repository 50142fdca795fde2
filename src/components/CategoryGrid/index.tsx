import { Text, View } from '@tarojs/components'
import { REPAIR_CATEGORIES, type RepairCategoryId } from '@/core/catalog/categories'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export interface CategoryGridProps {
  value: RepairCategoryId | null
  onChange: (categoryId: RepairCategoryId) => void
}

/** 报修类别: one tile per category, with its icon. */
export default function CategoryGrid({ value, onChange }: CategoryGridProps) {
  return (
    <View className='category-grid' {...a11y('radiogroup', '报修类别')}>
      {REPAIR_CATEGORIES.map((c) => {
        const active = c.id === value
        return (
          <View
            key={c.id}
            className={cx('category-item', active && 'category-item--active')}
            {...a11y('radio', c.name, { checked: active })}
            onClick={() => onChange(c.id)}
          >
            <Text className='category-item__icon'>{c.icon}</Text>
            <Text className='category-item__name'>{c.name}</Text>
          </View>
        )
      })}
    </View>
  )
}
