import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { findCategory, URGENT_EXPLANATION, type RepairCategoryId } from '@/core/catalog/categories'
import { OWNER_SUBMIT_TEMPLATES } from '@/core/notify/templates'
import AppButton from '@/components/AppButton'
import AppointmentPicker from '@/components/AppointmentPicker'
import BindPrompt from '@/components/BindPrompt'
import Card from '@/components/Card'
import CategoryGrid from '@/components/CategoryGrid'
import ChipGroup from '@/components/ChipGroup'
import ErrorNotice from '@/components/ErrorNotice'
import FieldTextarea from '@/components/FieldTextarea'
import PageStatus from '@/components/PageStatus'
import PhotoPicker from '@/components/PhotoPicker'
import PriceList from '@/components/PriceList'
import Toggle from '@/components/Toggle'
import { useQuery } from '@/hooks/useAction'
import { useSubmitTicket } from '@/hooks/useSubmitTicket'
import { useCurrentUnit } from '@/hooks/useCurrentUnit'
import { type AppointmentChoice, toAppointment } from '@/utils/appointment'
import './new.css'

type Area = 'home' | 'public'

const AREAS = [
  { value: 'home', label: '户内', sub: '家中设施' },
  { value: 'public', label: '公共区域', sub: '楼道、电梯等' },
] as const

const RELATION_NAMES = { owner: '业主', family: '家属', tenant: '租户' } as const

const DESCRIPTION_MAX = 500

const QUOTE_NOTE = '以上为参考价格，维修师傅上门查看后报价，经您确认同意后才开始施工。'
/** 家政服务 (no technician trade): the team lead prices it with the owner on site (004 三). */
const SERVICE_QUOTE_NOTE = '以上为参考价格，组长与管家上门与您商定价格，经您确认同意后再安排服务。'

/** 我要报修: what is broken, where, how urgent, and when the technician may come. */
export default function RepairNewPage() {
  const whoami = useQuery('session.whoami', {})
  const identity = whoami.data?.identity
  const units = identity?.kind === 'owner' ? identity.units : []

  const [now] = useState(() => Date.now())
  const [unitId, setUnitId] = useState<string | null>(null)
  const [area, setArea] = useState<Area>('home')
  const [category, setCategory] = useState<RepairCategoryId | null>(null)
  const [description, setDescription] = useState('')
  const [urgent, setUrgent] = useState(false)
  const [appointment, setAppointment] = useState<AppointmentChoice>({ mode: 'asap' })
  const [photos, setPhotos] = useState<string[]>([])
  const [photosBusy, setPhotosBusy] = useState(false)
  const { busy, error, fail, submit: send } = useSubmitTicket(whoami.data?.templates.owner ?? [])

  const { current: currentUnit } = useCurrentUnit(units)
  const selectedUnit = unitId ?? currentUnit?.id ?? null
  const selectedCategory = category ? findCategory(category) : undefined

  const submit = async () => {
    if (busy) return
    if (!selectedUnit) return fail('请选择报修房屋')
    if (!category) return fail('请选择报修类别')
    if (!description.trim()) return fail('请描述需要维修的问题')
    if (photosBusy) return fail('照片正在上传，请稍候再提交')
    const slot = toAppointment(appointment, Date.now())
    if (!slot.ok) return fail(slot.error)
    await send(OWNER_SUBMIT_TEMPLATES, (granted) => ({
      action: 'repair.submit',
      summary: `${selectedCategory?.name ?? ''} · ${description.trim()}`,
      input: {
        unitId: selectedUnit,
        area,
        category,
        description: description.trim(),
        photos,
        appointment: slot.value,
        urgent,
        grantedTemplates: granted,
      },
    }))
  }

  if (!whoami.data) {
    return <PageStatus loading={whoami.loading} error={whoami.error} onRetry={whoami.reload} />
  }

  if (units.length === 0) return <BindPrompt service='报修' staff={identity?.kind === 'staff'} />

  return (
    <View className='repair-new'>
      <Card title='报修房屋'>
        <ChipGroup
          label='报修房屋'
          options={units.map((u) => ({ value: u.id, label: `${u.building}${u.unit}${u.room}`, sub: `${u.community} · ${RELATION_NAMES[u.relation]}` }))}
          value={selectedUnit}
          onChange={setUnitId}
          className='unit-picker'
        />
        <Text className='repair-new__label'>报修位置</Text>
        <ChipGroup label='报修位置' columns={2} options={AREAS} value={area} onChange={setArea} className='area-picker' />
      </Card>

      <Card title='报修类别'>
        <CategoryGrid value={category} onChange={setCategory} />
      </Card>

      <Card title='问题描述'>
        <FieldTextarea
          className='repair-description'
          value={description}
          onChange={setDescription}
          maxLength={DESCRIPTION_MAX}
          placeholder='请描述故障位置和现象，如：厨房水龙头关不紧，一直滴水'
        />
      </Card>

      <Card title='现场照片（选填，最多9张）' className='photo-card'>
        <PhotoPicker value={photos} onChange={setPhotos} onBusyChange={setPhotosBusy} />
      </Card>

      <Card>
        <View className='repair-new__urgent'>
          <View className='repair-new__urgent-text'>
            <Text className='repair-new__urgent-title'>急修</Text>
            <Text className='repair-new__urgent-sub'>情况紧急，需要尽快处理</Text>
          </View>
          <Toggle checked={urgent} onChange={setUrgent} label='急修' />
        </View>
        <Text className='repair-new__urgent-explain'>{URGENT_EXPLANATION}</Text>
      </Card>

      <Card title='上门时间'>
        <AppointmentPicker value={appointment} onChange={setAppointment} now={now} />
      </Card>

      {selectedCategory?.paid && (
        <Card
          title={selectedCategory.trade ? '维修价目表' : '服务价目表'}
          extra={<Text className='repair-new__paid'>有偿服务</Text>}
          className='price-card'
        >
          <PriceList items={selectedCategory.priceList} note={selectedCategory.trade ? QUOTE_NOTE : SERVICE_QUOTE_NOTE} />
        </Card>
      )}

      <View className='repair-new__footer'>
        <ErrorNotice message={error} />
        <AppButton block size='large' loading={busy} onClick={() => void submit()} className='repair-submit'>
          提交报修
        </AppButton>
        <Text className='repair-new__footnote'>提交后将为您派单，处理进度会通过微信通知您。</Text>
      </View>
    </View>
  )
}
