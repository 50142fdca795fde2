import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { Identity } from '@/core/contract/views'
import Card from '@/components/Card'
import EntryTile from '@/components/EntryTile'
import PageStatus from '@/components/PageStatus'
import { useQuery } from '@/hooks/useAction'
import { greetingFor } from '@/utils/greeting'
import './index.css'

const isLocalMode = process.env.LOCAL_MODE === '1'

const go = (url: string) => void Taro.navigateTo({ url })

const displayName = (identity: Identity): string => (identity.kind === 'guest' ? '访客' : identity.name)

/** 首页: who the user is and where they can go from here. */
export default function HomePage() {
  const { data, error, loading, reload } = useQuery('session.whoami', {})
  const identity = data?.identity ?? null
  const greeting = greetingFor(Date.now())

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
              <Text key={u.id} className='home__unit'>
                🏠 {u.label}
              </Text>
            ))}
          </View>
        )}
        {identity?.kind === 'staff' && <Text className='home__role'>{identity.roleName}</Text>}
      </View>

      <View className='home__body'>
        <PageStatus loading={loading && !data} error={data ? null : error} onRetry={reload} />

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
              icon='📋'
              title='我的报修'
              description='查看进度、确认报价、评价服务'
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
              <Text className='home__step'>1. 联系客服前台或您的管家</Text>
              <Text className='home__step'>2. 核验身份（业主、家属或租户）</Text>
              <Text className='home__step'>3. 工作人员为您完成房屋绑定</Text>
            </View>
            <Text className='home__guest-note'>在线自助绑定功能即将上线。</Text>
          </Card>
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
