import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './index.css'

export interface ContactCardProps {
  /** The person's role here, e.g. 维修师傅 / 业主 (read by screen readers; the card's title shows it). */
  role: string
  name: string
  phone: string
  className?: string
}

/**
 * A person with a phone number; tapping the call button dials it. A masked number (138****0001:
 * the viewer is neither the handler nor the front desk) is shown but cannot be dialled.
 */
export default function ContactCard({ role, name, phone, className }: ContactCardProps) {
  const callable = phone !== '' && !phone.includes('*')
  const dial = () => {
    if (callable) void Taro.makePhoneCall({ phoneNumber: phone }).catch(() => undefined)
  }
  return (
    <View className={cx('contact-card', className)}>
      <View className='contact-card__avatar'>
        <Text>{name.slice(0, 1)}</Text>
      </View>
      <View className='contact-card__info'>
        <Text className='contact-card__name'>{name}</Text>
        {phone && <Text className='contact-card__phone'>{phone}</Text>}
        {phone && !callable && <Text className='contact-card__hint'>号码已隐藏，仅处理人和前台可见</Text>}
      </View>
      {callable && (
        <View className='contact-card__call' {...a11y('button', `拨打${role}电话`)} onClick={dial}>
          <Text className='contact-card__call-icon'>📞</Text>
          <Text className='contact-card__call-text'>拨打</Text>
        </View>
      )}
    </View>
  )
}
