import { Text, View } from '@tarojs/components'
import { REPAIR_CATEGORIES, type RepairCategoryId } from '@/core/catalog/categories'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export interface CategoryGridItem<T extends string> {
  id: T
  name: string
  icon: string
}

export interface CategoryGridProps<T extends string = RepairCategoryId> {
  value: T | null
  onChange: (categoryId: T) => void
  /** The tiles; default the repair categories (投诉类别, IC卡类型 pass their own). */
  items?: readonly CategoryGridItem<T>[]
  /** Name of the choice, read by screen readers; default 报修类别. */
  label?: string
  className?: string
}

/** 报修类别 (or any other choice with icons): one tile per category, with its icon. */
export default function CategoryGrid<T extends string = RepairCategoryId>({
  value,
  onChange,
  items = REPAIR_CATEGORIES as unknown as readonly CategoryGridItem<T>[],
  label = '报修类别',
  className,
}: CategoryGridProps<T>) {
  return (
    <View className={cx('category-grid', className)} {...a11y('radiogroup', label)}>
      {items.map((c) => {
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
