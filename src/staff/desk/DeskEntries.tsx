import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Identity } from '@/core/contract/views'
import { a11y } from '@/utils/a11y'
import { DESK_ROUTES } from './routes'
import './desk-entries.css'

/** Who works the desk's pages (the workflow's 'desk' party). */
const DESK_ROLES = new Set(['front_desk', 'housekeeper', 'supervisor', 'manager'])

const ENTRIES = [
  { icon: '📝', title: '代客登记', url: DESK_ROUTES.register, className: 'desk-entry-register' },
  { icon: '☎️', title: '回访队列', url: DESK_ROUTES.callbacks, className: 'desk-entry-callbacks' },
  { icon: '📋', title: '受理登记', url: DESK_ROUTES.daily, className: 'desk-entry-daily' },
] as const

export interface DeskEntriesProps {
  identity: Identity | null | undefined
}

/** The front desk's work from the top of the inbox: register for an owner, call back, the day's register. */
export default function DeskEntries({ identity }: DeskEntriesProps) {
  if (identity?.kind !== 'staff' || !DESK_ROLES.has(identity.role)) return null
  return (
    <View className='desk-entries'>
      {ENTRIES.map((e) => (
        <View key={e.url} className={`desk-entries__tile ${e.className}`} {...a11y('button', e.title)} onClick={() => void Taro.navigateTo({ url: e.url })}>
          <Text className='desk-entries__icon'>{e.icon}</Text>
          <Text className='desk-entries__title'>{e.title}</Text>
        </View>
      ))}
    </View>
  )
}
