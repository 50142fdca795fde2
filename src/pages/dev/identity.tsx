import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import PageStatus from '@/components/PageStatus'
import { currentDevIdentity, setDevIdentity } from '@/services/dev-identity'
import { type DevIdentity, fetchDevIdentities } from '@/services/dev-identities'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import './identity.css'

/** 切换演示身份 (H5 local mode): act as another demo resident or staff member. */
export default function DevIdentityPage() {
  const [list, setList] = useState<DevIdentity[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [attempt, setAttempt] = useState(0)
  const current = currentDevIdentity()

  useEffect(() => {
    let live = true
    setError(null)
    fetchDevIdentities()
      .then((l) => live && setList(l))
      .catch(() => live && setError('无法获取演示身份，请确认本地服务已启动'))
    return () => {
      live = false
    }
  }, [attempt])

  const choose = (openid: string) => {
    setDevIdentity(openid)
    void Taro.reLaunch({ url: '/pages/index/index' })
  }

  return (
    <View className='dev-identity'>
      <View className='dev-identity__intro'>
        <Text className='dev-identity__title'>本地演示模式</Text>
        <Text className='dev-identity__desc'>
          选择一个演示身份体验业主或工作人员的操作。正式小程序中，身份由微信登录和房屋绑定确定，不会出现此页面。
        </Text>
      </View>
      {!list && <PageStatus loading={!error} error={error} onRetry={() => setAttempt((n) => n + 1)} />}
      {list?.map((i) => {
        const active = i.openid === current
        return (
          <View
            key={i.openid}
            className={cx('identity-card', active && 'identity-card--current')}
            {...a11y('radio', i.name, { checked: active })}
            onClick={() => choose(i.openid)}
          >
            <View className='identity-card__avatar'>
              <Text>{i.name.slice(0, 1)}</Text>
            </View>
            <View className='identity-card__info'>
              <View className='identity-card__row'>
                <Text className='identity-card__name'>{i.name}</Text>
                <Text className='identity-card__role'>{i.role}</Text>
              </View>
              {i.hint && <Text className='identity-card__hint'>{i.hint}</Text>}
            </View>
            {active && <Text className='identity-card__current'>当前</Text>}
          </View>
        )
      })}
    </View>
  )
}
