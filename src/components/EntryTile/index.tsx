import { Text, View } from '@tarojs/components'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export interface EntryTileProps {
  icon: string
  title: string
  description: string
  /** The main entry of the page is drawn filled. */
  primary?: boolean
  className?: string
  onClick: () => void
}

/** A large entry on the home page: icon, name and one line about it. */
export default function EntryTile({ icon, title, description, primary = false, className, onClick }: EntryTileProps) {
  return (
    <View className={cx('entry-tile', primary && 'entry-tile--primary', className)} {...a11y('button', title)} onClick={onClick}>
      <View className='entry-tile__icon'>
        <Text>{icon}</Text>
      </View>
      <View className='entry-tile__text'>
        <Text className='entry-tile__title'>{title}</Text>
        <Text className='entry-tile__desc'>{description}</Text>
      </View>
      <Text className='entry-tile__arrow'>›</Text>
    </View>
  )
}
