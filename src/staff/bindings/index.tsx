import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { REASON_MAX, RELATION_NAMES } from '@/core/binding/request'
import type { BindingView } from '@/core/contract/binding-actions'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import EmptyState from '@/components/EmptyState'
import ErrorNotice from '@/components/ErrorNotice'
import InfoRow from '@/components/InfoRow'
import NoteForm from '@/components/NoteForm'
import PageStatus from '@/components/PageStatus'
import Tabs from '@/components/Tabs'
import { useQuery } from '@/hooks/useAction'
import { useReloadOnShow } from '@/hooks/useReloadOnShow'
import { call, RpcError } from '@/services/rpc'
import { formatFull } from '@/utils/time'
import './index.css'

const ALL = 'all'

const place = (r: BindingView) => `${r.unit.building}${r.unit.unit}${r.unit.room}`

/** 绑定审核: pending binding requests of the reviewer's zones, approved or rejected (with a reason) here. */
export default function StaffBindingsPage() {
  const pending = useQuery('binding.pending', {})
  const [zone, setZone] = useState<string>(ALL)
  /** The request whose reject form is open. */
  const [rejecting, setRejecting] = useState<string | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)
  const [errors, setErrors] = useState<Record<string, string>>({})

  useReloadOnShow(pending.reload)
  usePullDownRefresh(async () => {
    await pending.reload()
    Taro.stopPullDownRefresh()
  })

  if (!pending.data) return <PageStatus loading={pending.loading} error={pending.error} onRetry={pending.reload} />

  const requests = pending.data.requests
  const zones = [...new Set(requests.map((r) => r.unit.zone))].sort()
  const list = zone === ALL ? requests : requests.filter((r) => r.unit.zone === zone)

  const decide = async (r: BindingView, approve: boolean, reason = '') => {
    if (busyId) return
    setBusyId(r.id)
    setErrors(({ [r.id]: _dropped, ...rest }) => rest)
    try {
      await call('binding.review', { bindingId: r.id, approve, reason, version: r.version })
      setRejecting(null)
      void Taro.showToast({ title: approve ? '已通过' : '已驳回', icon: 'success' })
      await pending.reload()
    } catch (e) {
      const message = e instanceof RpcError ? e.message : '操作失败，请稍后再试'
      setErrors((x) => ({ ...x, [r.id]: message }))
      void Taro.showToast({ title: message, icon: 'none' })
      // Someone else decided it, or it changed: show the list as it is now.
      if (e instanceof RpcError && e.code === 'BINDING.ALREADY_REVIEWED') await pending.reload()
    } finally {
      setBusyId(null)
    }
  }

  const approve = async (r: BindingView) => {
    const { confirm } = await Taro.showModal({
      title: '通过绑定',
      content: `确认${r.name}（${RELATION_NAMES[r.relation]}）绑定${r.unit.label}？通过后对方即可使用报修等服务。`,
      confirmText: '通过',
      cancelText: '再想想',
    })
    if (confirm) await decide(r, true)
  }

  return (
    <View className='staff-bindings'>
      {zones.length > 1 && (
        <Tabs
          items={[{ value: ALL, label: `全部 ${requests.length}` }, ...zones.map((z) => ({ value: z, label: z }))]}
          value={zones.includes(zone) ? zone : ALL}
          onChange={setZone}
        />
      )}
      <Text className='staff-bindings__hint'>请通过电话或业主档案核实申请人身份后再审核。</Text>
      {list.length === 0 && <EmptyState icon='✅' title='暂无待审核的绑定申请' description='有新的申请时会出现在这里。' />}
      {list.map((r) => (
        <Card
          key={r.id}
          title={place(r)}
          extra={<Text className='staff-bindings__zone'>{r.unit.zone}</Text>}
          className='binding-request'
        >
          <InfoRow label='小区'>{r.unit.community}</InfoRow>
          <InfoRow label='申请人'>
            {r.name}（{RELATION_NAMES[r.relation]}）
          </InfoRow>
          <InfoRow label='手机号'>
            <Text className='staff-bindings__phone' onClick={() => void Taro.makePhoneCall({ phoneNumber: r.phone }).catch(() => undefined)}>
              {r.phone}
            </Text>
          </InfoRow>
          <InfoRow label='申请时间'>{formatFull(r.createdAt)}</InfoRow>
          <ErrorNotice message={errors[r.id] ?? null} />
          {rejecting === r.id ? (
            <View className='staff-bindings__reject'>
              <NoteForm
                placeholder='请说明驳回原因，如：与业主登记信息不符'
                maxLength={REASON_MAX}
                submitText='确认驳回'
                requiredMessage='请填写驳回原因'
                busy={busyId === r.id}
                onSubmit={(reason) => void decide(r, false, reason)}
                onClose={() => setRejecting(null)}
              />
            </View>
          ) : (
            <View className='staff-bindings__actions'>
              <AppButton kind='danger' disabled={!!busyId} onClick={() => setRejecting(r.id)} className='binding-reject'>
                驳回
              </AppButton>
              <AppButton loading={busyId === r.id} disabled={!!busyId && busyId !== r.id} onClick={() => void approve(r)} className='binding-approve'>
                通过
              </AppButton>
            </View>
          )}
        </Card>
      ))}
    </View>
  )
}
