import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { roomsOf } from '@/core/binding/community'
import type { CommunityLayoutView } from '@/core/contract/binding-actions'
import type { Identity } from '@/core/contract/views'
import {
  BINDING_MESSAGES,
  bindingFormErrors,
  NAME_MAX,
  RELATION_NAMES,
  RELATIONS,
  type BindingField,
  type BindingForm,
  type Relation,
} from '@/core/binding/request'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import ChipGroup from '@/components/ChipGroup'
import ErrorNotice from '@/components/ErrorNotice'
import FormField from '@/components/FormField'
import PageStatus from '@/components/PageStatus'
import PickerField from '@/components/PickerField'
import { useQuery } from '@/hooks/useAction'
import { call, RpcError } from '@/services/rpc'
import './new.css'

const RELATION_HINTS: Record<Relation, string> = { owner: '房屋产权人', family: '与业主同住', tenant: '承租住户' }

const EMPTY: BindingForm = { communityId: null, building: null, unit: null, room: null, name: '', phone: '', relation: null }

/** Choosing a place clears what was chosen below it: another building has other units. */
const CLEARS: Partial<Record<BindingField, Array<'building' | 'unit' | 'room'>>> = {
  communityId: ['building', 'unit', 'room'],
  building: ['unit', 'room'],
  unit: ['room'],
}

/** The server's word on a field, so its message shows next to that field too. */
const FIELD_OF_MESSAGE: Record<string, BindingField> = {
  [BINDING_MESSAGES.community]: 'communityId',
  [BINDING_MESSAGES.building]: 'building',
  [BINDING_MESSAGES.unit]: 'unit',
  [BINDING_MESSAGES.room]: 'room',
  [BINDING_MESSAGES.name]: 'name',
  [BINDING_MESSAGES.nameTooLong]: 'name',
  [BINDING_MESSAGES.phone]: 'phone',
  [BINDING_MESSAGES.phoneInvalid]: 'phone',
  [BINDING_MESSAGES.relation]: 'relation',
}

const MY_UNITS = '/pages/binding/index'

/** Back to 我的房屋: the page we came from, or in place of this one when we came from elsewhere. */
const showMyUnits = () => {
  let pages: Array<{ route?: string }> = []
  try {
    pages = Taro.getCurrentPages() as Array<{ route?: string }>
  } catch {
    pages = []
  }
  const previous = pages[pages.length - 2]?.route ?? ''
  if (previous.replace(/^\//, '').startsWith(MY_UNITS.slice(1))) void Taro.navigateBack()
  else void Taro.redirectTo({ url: MY_UNITS })
}

/** 申请绑定房屋: pick the home from the community's layout, say who you are, and send it for review. */
export default function BindingNewPage() {
  const layout = useQuery('binding.layout', {})
  // Only to fill in a known owner's name and phone; the form works without it.
  const whoami = useQuery('session.whoami', {})
  if (!layout.data || whoami.loading) {
    return <PageStatus loading={layout.loading || whoami.loading} error={layout.error} onRetry={layout.reload} />
  }
  return <BindingFormView communities={layout.data.communities} identity={whoami.data?.identity ?? null} />
}

interface BindingFormViewProps {
  communities: CommunityLayoutView[]
  identity: Identity | null
}

function BindingFormView({ communities, identity }: BindingFormViewProps) {
  // An owner adding another home: their name and phone are known already.
  const [form, setForm] = useState<BindingForm>(() =>
    identity?.kind === 'owner' ? { ...EMPTY, name: identity.name, phone: identity.phone } : EMPTY,
  )
  const [errors, setErrors] = useState<Partial<Record<BindingField, string>>>({})
  const [submitError, setSubmitError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const submitting = useRef(false)

  // One community (the usual case) is chosen for the owner.
  const communityId = form.communityId ?? (communities.length === 1 ? communities[0].id : null)
  const community = communities.find((c) => c.id === communityId)
  const building = community?.buildings.find((b) => b.name === form.building)
  const unit = building?.units.find((u) => u.name === form.unit)

  const set = <K extends BindingField>(key: K, value: BindingForm[K]) => {
    setForm((f) => {
      const next = { ...f, communityId, [key]: value }
      for (const below of CLEARS[key] ?? []) next[below] = null
      return next
    })
    setErrors((e) => ({ ...e, [key]: undefined }))
    setSubmitError(null)
  }

  const fail = (message: string) => {
    setSubmitError(message)
    void Taro.showToast({ title: message, icon: 'none' })
  }

  const submit = async () => {
    if (submitting.current) return
    const values: BindingForm = { ...form, communityId }
    const found = bindingFormErrors(values)
    setErrors(found)
    const first = Object.values(found)[0]
    if (first) return fail(first)

    submitting.current = true
    setBusy(true)
    setSubmitError(null)
    try {
      await call('binding.request', {
        communityId: values.communityId!,
        building: values.building!,
        unit: values.unit!,
        room: values.room!,
        name: values.name.trim(),
        phone: values.phone.trim(),
        relation: values.relation!,
      })
      void Taro.showToast({ title: '已提交，请等待审核', icon: 'success' })
      showMyUnits()
    } catch (e) {
      const message = e instanceof RpcError ? e.message : '提交失败，请稍后再试'
      const field = e instanceof RpcError && e.code === 'BINDING.UNIT_UNKNOWN' ? 'room' : FIELD_OF_MESSAGE[message]
      if (field) setErrors((x) => ({ ...x, [field]: message }))
      fail(message)
      submitting.current = false
      setBusy(false)
    }
  }

  return (
    <View className='binding-new'>
      <View className='binding-new__intro'>
        <Text className='binding-new__intro-text'>
          绑定房屋后即可在线报修、查看进度。提交后由客服前台或您所在片区的管家核实身份，通常在一个工作日内完成。
        </Text>
      </View>

      <Card title='房屋信息'>
        {communities.length > 1 && (
          <FormField label='小区' error={errors.communityId} className='field-community'>
            <ChipGroup
              label='小区'
              columns={2}
              options={communities.map((c) => ({ value: c.id, label: c.name }))}
              value={communityId}
              onChange={(id) => set('communityId', id)}
            />
          </FormField>
        )}
        {communities.length === 1 && (
          <FormField label='小区' className='field-community'>
            <Text className='binding-new__community'>{communities[0].name}</Text>
          </FormField>
        )}
        {communities.length === 0 && <ErrorNotice message='暂未开放在线绑定，请联系客服前台为您登记。' />}
        <FormField label='楼栋' error={errors.building} className='field-building'>
          <PickerField
            label='楼栋'
            options={community?.buildings.map((b) => b.name) ?? []}
            value={form.building}
            onChange={(v) => set('building', v)}
            placeholder='请选择楼栋'
            disabledText='请先选择小区'
          />
        </FormField>
        <FormField label='单元' error={errors.unit} className='field-unit'>
          <PickerField
            label='单元'
            options={building?.units.map((u) => u.name) ?? []}
            value={form.unit}
            onChange={(v) => set('unit', v)}
            placeholder='请选择单元'
            disabledText='请先选择楼栋'
          />
        </FormField>
        <FormField label='房号' error={errors.room} className='field-room'>
          <PickerField
            label='房号'
            options={unit ? roomsOf(unit) : []}
            value={form.room}
            onChange={(v) => set('room', v)}
            placeholder='请选择房号'
            disabledText='请先选择单元'
          />
        </FormField>
      </Card>

      <Card title='申请人信息'>
        <FormField label='姓名' error={errors.name} className='field-name'>
          <Input
            className='form-field__input binding-name'
            value={form.name}
            maxlength={NAME_MAX}
            placeholder='请填写您的真实姓名'
            onInput={(e) => set('name', e.detail.value)}
          />
        </FormField>
        <FormField label='手机号' error={errors.phone} hint='仅用于核实身份和联系您' className='field-phone'>
          <Input
            className='form-field__input binding-phone'
            type='number'
            value={form.phone}
            maxlength={11}
            placeholder='请填写11位手机号'
            onInput={(e) => set('phone', e.detail.value)}
          />
        </FormField>
        <FormField label='与房屋的关系' error={errors.relation} className='field-relation'>
          <ChipGroup<Relation>
            label='与房屋的关系'
            columns={3}
            options={RELATIONS.map((r) => ({ value: r, label: RELATION_NAMES[r], sub: RELATION_HINTS[r] }))}
            value={form.relation}
            onChange={(r) => set('relation', r)}
          />
        </FormField>
      </Card>

      <View className='binding-new__footer'>
        <ErrorNotice message={submitError} />
        <AppButton block size='large' loading={busy} onClick={() => void submit()} className='binding-submit'>
          提交申请
        </AppButton>
        <Text className='binding-new__footnote'>审核结果会显示在“我的房屋”中，您也可以随时撤回申请。</Text>
      </View>
    </View>
  )
}
