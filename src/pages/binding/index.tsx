import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { RELATION_NAMES } from '@/core/binding/request'
import type { BindingView } from '@/core/contract/binding-actions'
import type { UnitView } from '@/core/contract/views'
import AppButton from '@/components/AppButton'
import BindingBadge from '@/components/BindingBadge'
import Card from '@/components/Card'
import EmptyState from '@/components/EmptyState'
import ErrorNotice from '@/components/ErrorNotice'
import PageStatus from '@/components/PageStatus'
import { useMutation, useQuery } from '@/hooks/useAction'
import { useCurrentUnit } from '@/hooks/useCurrentUnit'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'
import { formatFull } from '@/utils/time'
import './index.css'

const place = (u: Pick<UnitView, 'building' | 'unit' | 'room'>) => `${u.building}${u.unit}${u.room}`

const newRequest = () => void Taro.navigateTo({ url: '/pages/binding/new' })

/** Requests the owner still needs to see: waiting ones, and rejected ones with the reason. */
const shown = (r: BindingView) => r.state === 'pending' || r.state === 'rejected'

/** 我的房屋: the bound units (one is current, for every form), and binding requests with their outcome. */
export default function MyUnitsPage() {
  const mine = useQuery('binding.mine', {})
  const cancel = useMutation('binding.cancel')
  const units = mine.data?.units ?? []
  const { current, select } = useCurrentUnit(units)

  useReloadOnShow(mine.reload)
  usePullDownRefresh(async () => {
    await mine.reload()
    Taro.stopPullDownRefresh()
  })

  if (!mine.data) return <PageStatus loading={mine.loading} error={mine.error} onRetry={mine.reload} />

  const requests = mine.data.requests.filter(shown)

  const choose = (u: UnitView) => {
    if (u.id === current?.id) return
    select(u.id)
    void Taro.showToast({ title: `已切换到${place(u)}`, icon: 'none' })
  }

  const withdraw = async (r: BindingView) => {
    const { confirm } = await Taro.showModal({
      title: '撤回申请',
      content: `确定撤回${place(r.unit)}的绑定申请吗？撤回后可以重新申请。`,
      confirmText: '撤回',
      cancelText: '再想想',
    })
    if (!confirm) return
    if (await cancel.run({ bindingId: r.id })) {
      void Taro.showToast({ title: '已撤回申请', icon: 'none' })
      await mine.reload()
    }
  }

  return (
    <View className='my-units'>
      {units.length > 0 ? (
        <Card title='已绑定房屋' className='my-units__bound'>
          {units.length > 1 && <Text className='my-units__hint'>报修等服务默认使用“当前房屋”，点击可切换。</Text>}
          {units.map((u) => {
            const active = u.id === current?.id
            return (
              <View
                key={u.id}
                className={cx('unit-row', active && 'unit-row--current')}
                {...a11y('radio', `${u.label} ${RELATION_NAMES[u.relation]}`, { checked: active })}
                onClick={() => choose(u)}
              >
                <View className='unit-row__text'>
                  <Text className='unit-row__place'>{place(u)}</Text>
                  <Text className='unit-row__sub'>
                    {u.community} · {RELATION_NAMES[u.relation]}
                  </Text>
                </View>
                {active ? <Text className='unit-row__current'>当前房屋</Text> : <Text className='unit-row__switch'>设为当前</Text>}
              </View>
            )
          })}
        </Card>
      ) : (
        <EmptyState icon='🏠' title='您还没有绑定房屋' description='绑定房屋后即可在线报修、查看进度。请提交绑定申请，客服核实后即可使用。' />
      )}

      {requests.length > 0 && (
        <Card title='绑定申请' className='my-units__requests'>
          <ErrorNotice message={cancel.error} />
          {requests.map((r) => (
            <View key={r.id} className={cx('request-row', `request-row--${r.state}`)}>
              <View className='request-row__head'>
                <Text className='request-row__place'>{place(r.unit)}</Text>
                <BindingBadge state={r.state} />
              </View>
              <Text className='request-row__sub'>
                {r.unit.community} · {RELATION_NAMES[r.relation]} · {r.name} · 提交于 {formatFull(r.createdAt)}
              </Text>
              {r.state === 'pending' && (
                <>
                  <Text className='request-row__note'>客服前台或管家正在核实您的身份，请耐心等待。</Text>
                  <View className='request-row__actions'>
                    <AppButton kind='plain' loading={cancel.busy} onClick={() => void withdraw(r)} className='request-cancel'>
                      撤回申请
                    </AppButton>
                  </View>
                </>
              )}
              {r.state === 'rejected' && (
                <>
                  <Text className='request-row__reason'>未通过原因：{r.reason}</Text>
                  <View className='request-row__actions'>
                    <AppButton kind='secondary' onClick={newRequest} className='request-again'>
                      重新申请
                    </AppButton>
                  </View>
                </>
              )}
            </View>
          ))}
        </Card>
      )}

      <View className='my-units__footer'>
        <AppButton block size='large' onClick={newRequest} className='binding-new-entry'>
          申请绑定房屋
        </AppButton>
        <Text className='my-units__footnote'>业主、家属和租户均可申请，每套房屋需单独申请。</Text>
      </View>
    </View>
  )
}
