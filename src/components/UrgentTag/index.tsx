import { Text } from '@tarojs/components'
import './index.css'

/** Marks an urgent repair (急修). */
export default function UrgentTag() {
  return <Text className='urgent-tag'>急修</Text>
}
