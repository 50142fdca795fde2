import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CHANNEL_NAMES, DESK_CHANNELS, type DeskChannel } from '@/core/tickets/channel'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import ChipGroup from '@/components/ChipGroup'
import ErrorNotice from '@/components/ErrorNotice'
import FieldError from '@/components/FieldError'
import PageStatus from '@/components/PageStatus'
import { useQuery } from '@/hooks/useAction'
import { call, RpcError } from '@/services/rpc'
import CardFields from './CardFields'
import ComplaintFields from './ComplaintFields'
import { EMPTY_DRAFT, firstProblem, toRequest, validate, type Draft, type FieldErrors, type RequestKind } from './draft'
import FindOwner, { type Picked } from './FindOwner'
import RepairFields from './RepairFields'
import './index.css'

const KINDS = [
  { value: 'repair', label: '报修' },
  { value: 'complaint', label: '投诉' },
  { value: 'card', label: 'IC卡' },
] as const

const CHANNEL_HINTS: Record<DeskChannel, string> = { phone: '业主来电', walk_in: '业主到前台' }

/**
 * 代客登记: for an owner who phoned or walked in, the desk finds them by room or phone and registers
 * the request as the owner would have — routed the same way, in the owner's 我的工单 — noting
 * how it came and who took it.
 */
export default function DeskRegisterPage() {
  const layout = useQuery('binding.layout', {})
  const whoami = useQuery('session.whoami', {})
  if (!layout.data) return <PageStatus loading={layout.loading} error={layout.error} onRetry={layout.reload} />
  return <RegisterForm communities={layout.data.communities} reissueFeeFen={whoami.data?.fees.cardReissueFen} />
}

function RegisterForm({ communities, reissueFeeFen }: { communities: Parameters<typeof FindOwner>[0]['communities']; reissueFeeFen: number | undefined }) {
  const [now] = useState(() => Date.now())
  const [draft, setDraft] = useState<Draft>(EMPTY_DRAFT)
  const [picked, setPicked] = useState<Picked | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const sending = useRef(false)

  const clear = (field?: keyof FieldErrors) => {
    setSubmitError(null)
    if (field) setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
  }
  const patch = <K extends 'repair' | 'complaint' | 'card'>(kind: K) => (p: Partial<Draft[K]>, field?: keyof FieldErrors) => {
    setDraft((d) => ({ ...d, [kind]: { ...d[kind], ...p } }))
    clear(field)
  }
  const pick = (p: Picked | null) => {
    setPicked(p)
    setDraft((d) => ({ ...d, residentId: p?.resident.residentId ?? null, unitId: p?.unit.id ?? null }))
    if (p) clear('owner')
  }

  const submit = async () => {
    if (sending.current) return
    const at = Date.now()
    const found = validate(draft, at)
    setErrors(found)
    const first = firstProblem(found)
    if (first) {
      setSubmitError(null)
      void Taro.showToast({ title: first, icon: 'none' })
      return
    }
    sending.current = true
    setBusy(true)
    try {
      const request = toRequest(draft, at)
      const { ticket } =
        request.action === 'desk.submitRepair'
          ? await call('desk.submitRepair', request.input)
          : request.action === 'desk.submitComplaint'
            ? await call('desk.submitComplaint', request.input)
            : await call('desk.submitCard', request.input)
      void Taro.showToast({ title: '已为业主登记', icon: 'success' })
      void Taro.redirectTo({ url: `/staff/task/index?id=${encodeURIComponent(ticket.id)}` })
    } catch (e) {
      const message = e instanceof RpcError ? e.message : '登记失败，请稍后再试'
      setSubmitError(message)
      void Taro.showToast({ title: message, icon: 'none' })
      sending.current = false
      setBusy(false)
    }
  }

  return (
    <View className='desk-register'>
      <Card title='1. 查找业主' className='desk-register__owner'>
        <FindOwner communities={communities} picked={picked} onPick={pick} />
        <FieldError message={errors.owner} className='owner-error' />
      </Card>

      <Card title='2. 受理方式' className='desk-register__channel'>
        <ChipGroup<DeskChannel>
          label='受理方式'
          columns={2}
          options={DESK_CHANNELS.map((c) => ({ value: c, label: CHANNEL_NAMES[c], sub: CHANNEL_HINTS[c] }))}
          value={draft.channel}
          onChange={(channel) => {
            setDraft((d) => ({ ...d, channel }))
            clear('channel')
          }}
          className='desk-channel'
        />
        <FieldError message={errors.channel} className='channel-error' />
      </Card>

      <Card title='3. 登记内容' className='desk-register__request'>
        <ChipGroup<RequestKind>
          label='登记类型'
          columns={3}
          options={KINDS}
          value={draft.kind}
          onChange={(kind) => {
            setDraft((d) => ({ ...d, kind }))
            setErrors((e) => ({ owner: e.owner, channel: e.channel }))
          }}
          className='desk-kind'
        />
        {draft.kind === 'repair' && <RepairFields value={draft.repair} errors={errors} now={now} onChange={patch('repair')} />}
        {draft.kind === 'complaint' && <ComplaintFields value={draft.complaint} errors={errors} onChange={patch('complaint')} />}
        {draft.kind === 'card' && <CardFields value={draft.card} errors={errors} onChange={patch('card')} reissueFeeFen={reissueFeeFen} />}
      </Card>

      <View className='desk-register__footer'>
        <ErrorNotice message={submitError} />
        <AppButton block size='large' loading={busy} onClick={() => void submit()} className='desk-register-submit'>
          提交登记
        </AppButton>
        <Text className='desk-register__footnote'>登记后按业主自己提交一样派单，业主可在“我的工单”中查看进度。</Text>
      </View>
    </View>
  )
}
