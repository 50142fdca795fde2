import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import EmptyState from '@/components/EmptyState'
import './index.css'

export interface BindPromptProps {
  /** What the page is for, in a sentence: 投诉 / 办理IC卡. */
  service: string
  /** The signed-in user is staff: they act from the staff pages instead. */
  staff?: boolean
}

const home = () => void Taro.navigateBack().catch(() => Taro.reLaunch({ url: '/pages/index/index' }))

/** Why an owner-only form is not shown, and how to get there: bind a unit first. */
export default function BindPrompt({ service, staff = false }: BindPromptProps) {
  if (staff) {
    return (
      <EmptyState icon='🧰' title='此功能供业主使用' description={`${service}由业主或住户在此提交；如需代客登记，请在工作台处理。`}>
        <AppButton kind='secondary' onClick={home}>
          返回首页
        </AppButton>
      </EmptyState>
    )
  }
  return (
    <EmptyState
      icon='🏠'
      title='请先绑定房屋'
      description={`${service}需先绑定您的房屋：我们据此核实您的身份，并把处理进度通知到您本人。提交绑定申请后，客服审核通过即可使用。`}
    >
      <View className='bind-prompt__actions'>
        <AppButton size='large' block onClick={() => void Taro.navigateTo({ url: '/pages/binding/new' })} className='bind-prompt__bind'>
          去绑定房屋
        </AppButton>
        <AppButton kind='plain' block onClick={home} className='bind-prompt__home'>
          返回首页
        </AppButton>
      </View>
    </EmptyState>
  )
}
