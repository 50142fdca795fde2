import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { roomsOf } from '@/core/binding/community'
import { BINDING_MESSAGES, PHONE_PATTERN, RELATION_NAMES } from '@/core/binding/request'
import type { CommunityLayoutView } from '@/core/contract/binding-actions'
import type { DeskUnit, Resident } from '@/core/contract/desk-actions'
import AppButton from '@/components/AppButton'
import ChipGroup from '@/components/ChipGroup'
import ErrorNotice from '@/components/ErrorNotice'
import FormField from '@/components/FormField'
import PickerField from '@/components/PickerField'
import Tabs from '@/components/Tabs'
import { call, RpcError } from '@/services/rpc'
import { a11y } from '@/utils/a11y'
import { cx } from '@/utils/cx'

type Mode = 'room' | 'phone'
const MODES = [
  { value: 'room', label: '按房号查找' },
  { value: 'phone', label: '按手机号查找' },
] as const

export interface Picked {
  resident: Resident
  unit: DeskUnit & { relation: Resident['units'][number]['relation'] }
}

export interface FindOwnerProps {
  communities: CommunityLayoutView[]
  picked: Picked | null
  onPick: (picked: Picked | null) => void
  error?: string
}

const place = (u: { building: string; unit: string; room: string }) => `${u.building}${u.unit}${u.room}`

/**
 * 查找业主: by room from the community's layout (楼栋 → 单元 → 房号, as owners pick it when they
 * bind) or by mobile number; then the bound owners and tenants to choose from.
 */
export default function FindOwner({ communities, picked, onPick, error }: FindOwnerProps) {
  const [mode, setMode] = useState<Mode>('room')
  const [communityId, setCommunityId] = useState<string | null>(communities.length === 1 ? communities[0].id : null)
  const [building, setBuilding] = useState<string | null>(null)
  const [unit, setUnit] = useState<string | null>(null)
  const [room, setRoom] = useState<string | null>(null)
  const [phone, setPhone] = useState('')
  const [found, setFound] = useState<{ mode: Mode; unit: DeskUnit | null; residents: Resident[] } | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const community = communities.find((c) => c.id === communityId)
  const b = community?.buildings.find((x) => x.name === building)
  const u = b?.units.find((x) => x.name === unit)

  const search = async () => {
    if (busy) return
    const missing =
      mode === 'room'
        ? !communityId
          ? BINDING_MESSAGES.community
          : !building
            ? BINDING_MESSAGES.building
            : !unit
              ? BINDING_MESSAGES.unit
              : !room
                ? BINDING_MESSAGES.room
                : null
        : !phone.trim()
          ? BINDING_MESSAGES.phone
          : !PHONE_PATTERN.test(phone.trim())
            ? BINDING_MESSAGES.phoneInvalid
            : null
    if (missing) {
      setProblem(missing)
      void Taro.showToast({ title: missing, icon: 'none' })
      return
    }
    setBusy(true)
    setProblem(null)
    onPick(null)
    try {
      if (mode === 'room') {
        const r = await call('desk.findByRoom', { communityId: communityId!, building: building!, unit: unit!, room: room! })
        setFound({ mode, unit: r.unit, residents: r.residents })
      } else {
        const r = await call('desk.findByPhone', { phone: phone.trim() })
        setFound({ mode, unit: null, residents: r.residents })
      }
    } catch (e) {
      setFound(null)
      setProblem(e instanceof RpcError ? e.message : '查找失败，请稍后再试')
    } finally {
      setBusy(false)
    }
  }

  if (picked) {
    return (
      <View className='desk-find desk-find--picked'>
        <View className='desk-find__picked'>
          <Text className='desk-find__name'>{`${picked.resident.name}（${RELATION_NAMES[picked.unit.relation]}）`}</Text>
          <Text className='desk-find__phone'>{picked.resident.phone}</Text>
          <Text className='desk-find__unit picked-unit'>{picked.unit.label}</Text>
        </View>
        <Text className='desk-find__again' {...a11y('button', '重新查找业主')} onClick={() => onPick(null)}>
          重新查找
        </Text>
      </View>
    )
  }

  return (
    <View className='desk-find'>
      <Tabs items={MODES} value={mode} onChange={(m) => { setMode(m); setFound(null); setProblem(null) }} />
      {mode === 'room' ? (
        <View className='desk-find__room'>
          {communities.length > 1 && (
            <ChipGroup label='小区' columns={2} options={communities.map((c) => ({ value: c.id, label: c.name }))} value={communityId} onChange={setCommunityId} />
          )}
          <View className='desk-find__pickers'>
            <PickerField label='楼栋' options={community?.buildings.map((x) => x.name) ?? []} value={building} onChange={(v) => { setBuilding(v); setUnit(null); setRoom(null) }} placeholder='楼栋' disabledText='请先选择小区' className='find-building' />
            <PickerField label='单元' options={b?.units.map((x) => x.name) ?? []} value={unit} onChange={(v) => { setUnit(v); setRoom(null) }} placeholder='单元' disabledText='单元' className='find-unit' />
            <PickerField label='房号' options={u ? roomsOf(u) : []} value={room} onChange={setRoom} placeholder='房号' disabledText='房号' className='find-room' />
          </View>
        </View>
      ) : (
        <FormField label='业主手机号' className='desk-find__phone-field'>
          <Input className='form-field__input find-phone' type='number' value={phone} maxlength={11} placeholder='请输入11位手机号' onInput={(e) => setPhone(e.detail.value)} />
        </FormField>
      )}
      <AppButton block kind='secondary' loading={busy} onClick={() => void search()} className='find-submit'>
        查找业主
      </AppButton>
      <ErrorNotice message={problem ?? error ?? null} />
      {found && <Results found={found} onPick={onPick} />}
    </View>
  )
}

function Results({ found, onPick }: { found: { mode: Mode; unit: DeskUnit | null; residents: Resident[] }; onPick: (p: Picked) => void }) {
  if (found.residents.length === 0) {
    return (
      <Text className='desk-find__none find-none'>
        {found.mode === 'room'
          ? `${found.unit ? place(found.unit) : '该房屋'}暂无已绑定的业主或住户。请先为业主办理房屋绑定，审核通过后再登记。`
          : '没有找到使用该手机号的业主或住户，请核对号码，或按房号查找。'}
      </Text>
    )
  }
  return (
    <View className='desk-find__results'>
      <Text className='desk-find__hint'>{found.mode === 'room' ? `${found.unit?.label ?? ''} 已绑定的业主和住户：` : '请选择业主和报事房屋：'}</Text>
      {found.residents.map((r) => {
        const units = found.mode === 'room' ? r.units.filter((x) => x.id === found.unit?.id) : r.units
        return (
          <View key={r.residentId} className='desk-resident'>
            <View className='desk-resident__head'>
              <Text className='desk-resident__name'>{r.name}</Text>
              <Text className='desk-resident__phone'>{r.phone}</Text>
            </View>
            <View className='desk-resident__units'>
              {units.map((x) => (
                <View
                  key={x.id}
                  className={cx('desk-resident__unit', 'resident-pick')}
                  {...a11y('button', `为${r.name}登记 ${place(x)}`)}
                  onClick={() => onPick({ resident: r, unit: x })}
                >
                  <Text className='desk-resident__unit-place'>{place(x)}</Text>
                  <Text className='desk-resident__unit-relation'>{RELATION_NAMES[x.relation]}</Text>
                  <Text className='desk-resident__unit-go'>选择 ›</Text>
                </View>
              ))}
            </View>
          </View>
        )
      })}
    </View>
  )
}
