import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Identity } from '@/core/contract/views'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import EntryTile from '@/components/EntryTile'
import PageStatus from '@/components/PageStatus'
import { useQuery } from '@/hooks/useAction'
import { usePendingSubmissions } from '@/hooks/usePendingSubmissions'
import { unitsOf, useCurrentUnit } from '@/hooks/useCurrentUnit'
import { cx } from '@/utils/cx'
import { greetingFor } from '@/utils/greeting'
import './index.css'

const isLocalMode = process.env.LOCAL_MODE === '1'

const go = (url: string) => void Taro.navigateTo({ url })

const copyStaffCode = (openid: string) => {
  Taro.setClipboardData({ data: openid }).catch(() => undefined)
}

const displayName = (identity: Identity): string => (identity.kind === 'guest' ? '访客' : identity.name)

/** 首页: who the user is and where they can go from here. */
export default function HomePage() {
  const { data, error, loading, reload } = useQuery('session.whoami', {})
  const identity = data?.identity ?? null
  const { current: currentUnit } = useCurrentUnit(unitsOf(identity))
  const greeting = greetingFor(Date.now())
  const pending = usePendingSubmissions().items.length

  return (
    <View className='home'>
      <View className='home__hero'>
        <Text className='home__brand'>物业服务</Text>
        {identity && (
          <Text className='home__greeting'>
            {identity.kind === 'guest' ? '您好，欢迎使用' : `${identity.name}，${greeting}`}
          </Text>
        )}
        {identity?.kind === 'owner' && (
          <View className='home__units'>
            {identity.units.map((u) => (
              <Text key={u.id} className={cx('home__unit', identity.units.length > 1 && u.id === currentUnit?.id && 'home__unit--current')}>
                🏠 {u.label}
              </Text>
            ))}
            <Text className='home__unit-switch' onClick={() => go('/pages/binding/index')}>
              {identity.units.length > 1 ? '切换当前房屋 ›' : '我的房屋 ›'}
            </Text>
          </View>
        )}
        {identity?.kind === 'staff' && <Text className='home__role'>{identity.roleName}</Text>}
      </View>

      <View className='home__body'>
        <PageStatus loading={loading && !data} error={data ? null : error} onRetry={reload} />

        {pending > 0 && (
          <Text className='home__pending' onClick={() => go('/pages/tickets/index')}>
            {`${pending}条申请待发送，网络恢复后将自动提交 ›`}
          </Text>
        )}

        {identity?.kind === 'owner' && (
          <>
            <EntryTile
              primary
              icon='🛠'
              title='我要报修'
              description='家中或公共区域设施损坏，随时报修'
              className='entry-repair'
              onClick={() => go('/pages/repair/new')}
            />
            <EntryTile
              icon='💬'
              title='我要投诉'
              description='对服务不满意，告诉管家，按您选的时间答复'
              className='entry-complaint'
              onClick={() => go('/pages/complaint/new')}
            />
            <EntryTile
              icon='🔑'
              title='IC卡办理'
              description='门禁卡、停车卡、水卡、电卡的开通、挂失与补办'
              className='entry-card'
              onClick={() => go('/pages/card/new')}
            />
            <EntryTile
              icon='📋'
              title='我的工单'
              description='查看进度、催办、确认报价、评价服务'
              className='entry-tickets'
              onClick={() => go('/pages/tickets/index')}
            />
          </>
        )}

        {identity?.kind === 'staff' && (
          <EntryTile
            primary
            icon='🧰'
            title='我的任务'
            description='接单、到场签到、报价与完工返单'
            className='entry-tasks'
            onClick={() => go('/staff/inbox/index')}
          />
        )}

        {identity?.kind === 'guest' && (
          <Card title='绑定房屋后即可报修' className='home__guest'>
            <Text className='home__guest-text'>
              报修服务仅向已绑定房屋的业主和住户开放，以便维修师傅准确上门、进度通知到您本人。
            </Text>
            <View className='home__steps'>
              <Text className='home__step'>1. 在线提交申请：选择楼栋、单元和房号</Text>
              <Text className='home__step'>2. 客服前台或管家核验身份（业主、家属或租户）</Text>
              <Text className='home__step'>3. 审核通过后即可在线报修</Text>
            </View>
            <AppButton block size='large' className='home__bind' onClick={() => go('/pages/binding/new')}>
              申请绑定房屋
            </AppButton>
            <Text className='home__bind-progress' onClick={() => go('/pages/binding/index')}>
              已提交申请？查看审核进度 ›
            </Text>
            <Text className='home__guest-note'>不方便在线申请，也可以联系客服前台或您的管家为您登记。</Text>
          </Card>
        )}

        {identity?.kind === 'guest' && (
          <View className='home__staff-code'>
            <Text className='home__staff-code-text'>
              物业员工开通账号：请把您的用户编号发给管理员 <Text className='home__staff-code-value'>{identity.openid}</Text>
            </Text>
            <Text className='home__staff-code-copy' onClick={() => copyStaffCode(identity.openid)}>
              复制
            </Text>
          </View>
        )}

        {isLocalMode && (
          <View className='home__dev'>
            <Text className='home__dev-text'>
              本地演示模式 · 当前身份：<Text className='dev-identity-name'>{identity ? displayName(identity) : '…'}</Text>
            </Text>
            <Text className='home__dev-link dev-identity-link' onClick={() => go('/pages/dev/identity')}>
              切换演示身份
            </Text>
          </View>
        )}
      </View>
    </View>
  )
}
