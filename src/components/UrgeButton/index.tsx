import { useEffect, useState } from 'react'
import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import { formatClock } from '@/utils/time'
import './index.css'

export interface UrgeButtonProps {
  /** TicketView.urgeAvailableAt when not null: 0 or a past time = now, a future time = from then on. */
  availableAt: number
  busy: boolean
  onUrge: () => void
}

/**
 * 催办: the owner chases a ticket; the handler is told (000 4.6.5). Once per the policy's interval:
 * until then the button is off and says when it can be pressed again, and turns on by itself.
 */
export default function UrgeButton({ availableAt, busy, onUrge }: UrgeButtonProps) {
  const [, setTick] = useState(0)
  const ready = availableAt <= Date.now()

  useEffect(() => {
    const wait = availableAt - Date.now()
    if (wait <= 0) return undefined
    const timer = setTimeout(() => setTick((t) => t + 1), Math.min(wait + 250, 2_147_483_647))
    return () => clearTimeout(timer)
  }, [availableAt])

  return (
    <View className='urge-button'>
      <Text className='urge-button__text urge-next'>
        {ready ? '等得着急？催一下，我们会立即提醒处理人员' : `已催办，可在 ${formatClock(availableAt)} 后再次催办`}
      </Text>
      <AppButton kind='secondary' disabled={!ready} loading={busy} onClick={onUrge} className='ticket-urge'>
        催办
      </AppButton>
    </View>
  )
}
