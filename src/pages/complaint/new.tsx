import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import {
  COMPLAINT_CATEGORIES,
  REPLY_WITHIN_HOURS,
  STAFF_COMPLAINT_CATEGORY,
  type ComplaintCategoryId,
} from '@/core/catalog/complaints'
import { OWNER_SERVICE_TEMPLATES } from '@/core/notify/templates'
import AppButton from '@/components/AppButton'
import BindPrompt from '@/components/BindPrompt'
import Card from '@/components/Card'
import CategoryGrid from '@/components/CategoryGrid'
import ChipGroup from '@/components/ChipGroup'
import ErrorNotice from '@/components/ErrorNotice'
import FieldError from '@/components/FieldError'
import FieldTextarea from '@/components/FieldTextarea'
import PageStatus from '@/components/PageStatus'
import PhotoPicker from '@/components/PhotoPicker'
import UnitPicker from '@/components/UnitPicker'
import { useQuery } from '@/hooks/useAction'
import { useSubmitTicket } from '@/hooks/useSubmitTicket'
import { unitsOf, useCurrentUnit } from '@/hooks/useCurrentUnit'
import { call } from '@/services/rpc'
import { chinaDayStart, formatClock, HOUR_MS, relativeDayName } from '@/utils/time'
import './new.css'

const DESCRIPTION_MAX = 500
const ABOUT_STAFF_MAX = 20

type ReplyHours = (typeof REPLY_WITHIN_HOURS)[number]

/** 4小时内 / 24小时内 / 3天内 */
const replyChoiceLabel = (hours: number): string => (hours % 24 === 0 && hours > 24 ? `${hours / 24}天内` : `${hours}小时内`)

/** "今天 18:20 前": when the housekeeper answers at the latest, for a chip's second line. */
const replyByText = (hours: number, now: number): string => {
  const at = now + hours * HOUR_MS
  return `${relativeDayName(chinaDayStart(at), now)} ${formatClock(at)} 前`
}

type Field = 'unit' | 'category' | 'description' | 'photos' | 'aboutStaff' | 'replyBy'
type FieldErrors = Partial<Record<Field, string>>

interface Draft {
  unitId: string | null
  category: ComplaintCategoryId | null
  description: string
  photosBusy: boolean
  aboutStaff: string
  replyHours: ReplyHours | null
}

/** The contract's checks, with its messages, before anything is sent. */
const validate = (d: Draft, aboutTicket: boolean): FieldErrors => {
  const errors: FieldErrors = {}
  if (!d.unitId) errors.unit = '请选择投诉涉及的房屋'
  if (!d.category) errors.category = '请选择投诉类别'
  const text = d.description.trim()
  if (!text) errors.description = '请填写投诉内容'
  else if (text.length > DESCRIPTION_MAX) errors.description = `投诉内容不能超过${DESCRIPTION_MAX}个字`
  if (d.photosBusy) errors.photos = '照片还在上传中，请稍候再提交'
  if (!aboutTicket && d.aboutStaff.trim().length > ABOUT_STAFF_MAX) errors.aboutStaff = `被投诉人员不能超过${ABOUT_STAFF_MAX}个字`
  if (d.replyHours === null) errors.replyBy = '请选择期望答复时间'
  return errors
}

const FIELD_ORDER: Field[] = ['unit', 'category', 'description', 'photos', 'aboutStaff', 'replyBy']

/** 投诉工单 BX… 的处理人员 王师傅 (the number once loaded). */
const aboutLine = (no: string | null, name: string): string =>
  `${no ? `投诉工单 ${no} 的处理人员` : '投诉该工单的处理人员'}${name ? ` ${name}` : ''}`

/** A query value as the user wrote it, whether or not the platform already decoded it. */
const decoded = (value: string | undefined): string => {
  if (!value) return ''
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

/**
 * 我要投诉: what happened, to whom, and by when the owner wants an answer. Every complaint is
 * registered (000 4.5.1); the requested reply time is the deadline (003 #19). Opened from a
 * ticket's callback (?aboutTicketId=…&staff=…) it is about that ticket's handler.
 */
export default function ComplaintNewPage() {
  const { params } = useRouter()
  const aboutTicketId = decoded(params.aboutTicketId)
  const aboutName = decoded(params.staff)
  const aboutTicket = aboutTicketId !== ''

  const whoami = useQuery('session.whoami', {})
  const identity = whoami.data?.identity
  const units = unitsOf(identity)
  // The unit the owner acts for now (当前房屋) is the default; the chips choose another.
  const { current: currentUnit } = useCurrentUnit(units)

  const [now] = useState(() => Date.now())
  const [unitId, setUnitId] = useState<string | null>(null)
  const [category, setCategory] = useState<ComplaintCategoryId | null>(aboutTicket ? STAFF_COMPLAINT_CATEGORY : null)
  const [description, setDescription] = useState('')
  const [photos, setPhotos] = useState<string[]>([])
  const [photosBusy, setPhotosBusy] = useState(false)
  const [aboutStaff, setAboutStaff] = useState('')
  const [replyHours, setReplyHours] = useState<ReplyHours | null>(null)
  const [errors, setErrors] = useState<FieldErrors>({})
  const { busy, error, setError, submit: send } = useSubmitTicket(whoami.data?.templates.owner ?? [])

  // The ticket the complaint is about: its number to show, and its unit to preselect.
  const [linked, setLinked] = useState<{ no: string; unitId: string } | null>(null)
  useEffect(() => {
    if (!aboutTicketId) return
    let live = true
    call('ticket.get', { ticketId: aboutTicketId })
      .then(({ ticket }) => {
        if (live) setLinked({ no: ticket.no, unitId: ticket.unitId })
      })
      .catch(() => undefined) // the server checks the link again on submit
    return () => {
      live = false
    }
  }, [aboutTicketId])

  const linkedUnit = linked ? units.find((u) => u.id === linked.unitId)?.id : undefined
  const selectedUnit = unitId ?? linkedUnit ?? currentUnit?.id ?? null

  /** Clears a field's message as soon as the owner changes it. */
  const edit =
    <T,>(field: Field, set: (v: T) => void) =>
    (v: T) => {
      set(v)
      setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))
    }

  const submit = async () => {
    if (busy) return
    const found = validate({ unitId: selectedUnit, category, description, photosBusy, aboutStaff, replyHours }, aboutTicket)
    setErrors(found)
    const first = FIELD_ORDER.map((f) => found[f]).find(Boolean)
    if (first) {
      setError(null)
      void Taro.showToast({ title: first, icon: 'none' })
      return
    }
    await send(OWNER_SERVICE_TEMPLATES, (granted) => ({
      action: 'complaint.submit',
      summary: description.trim(),
      input: {
        unitId: selectedUnit!,
        category: category!,
        description: description.trim(),
        photos,
        aboutStaff: aboutTicket ? aboutName.slice(0, ABOUT_STAFF_MAX) : aboutStaff.trim(),
        ...(aboutTicket ? { aboutTicketId } : {}),
        replyBy: Date.now() + replyHours! * HOUR_MS,
        grantedTemplates: granted,
      },
    }))
  }

  if (!whoami.data) {
    return <PageStatus loading={whoami.loading} error={whoami.error} onRetry={whoami.reload} />
  }

  if (units.length === 0) return <BindPrompt service='投诉' staff={identity?.kind === 'staff'} />

  return (
    <View className='complaint-new'>
      <View className='complaint-new__intro'>
        <Text className='complaint-new__intro-text'>
          感谢您的监督。您的每一条投诉我们都会登记在案，转交您所在区域的客服管家跟进，并在您选择的时间内答复您。
        </Text>
      </View>

      {aboutTicket && (
        <Card title='投诉对象' className='complaint-about'>
          <Text className='complaint-new__about'>{aboutLine(linked?.no ?? null, aboutName)}</Text>
          <Text className='complaint-new__about-sub'>投诉将与该工单关联，由客服管家核实处理，不会影响原工单的办理。</Text>
        </Card>
      )}

      <Card title='投诉房屋'>
        <UnitPicker units={units} value={selectedUnit} onChange={edit('unit', setUnitId)} label='投诉房屋' />
        <FieldError message={errors.unit} className='unit-error' />
      </Card>

      <Card title='投诉类别'>
        <CategoryGrid items={COMPLAINT_CATEGORIES} label='投诉类别' value={category} onChange={edit('category', setCategory)} className='complaint-category' />
        <FieldError message={errors.category} className='category-error' />
      </Card>

      <Card title='投诉内容'>
        <FieldTextarea
          className='complaint-description'
          value={description}
          onChange={edit('description', setDescription)}
          maxLength={DESCRIPTION_MAX}
          placeholder='请描述事情经过，如时间、地点、涉及的人员，以及您希望如何处理'
        />
        <FieldError message={errors.description} className='description-error' />
      </Card>

      <Card title='现场照片（选填）'>
        <PhotoPicker
          value={photos}
          onChange={edit('photos', setPhotos)}
          onBusyChange={(b) => {
            setPhotosBusy(b)
            if (!b) setErrors((e) => (e.photos ? { ...e, photos: undefined } : e))
          }}
          hint='有照片可以帮助管家更快核实情况'
          className='complaint-photos'
        />
        <FieldError message={errors.photos} className='photos-error' />
      </Card>

      {!aboutTicket && (
        <Card title='被投诉人员（选填）'>
          <Input
            className='complaint-new__input complaint-about-staff'
            value={aboutStaff}
            maxlength={ABOUT_STAFF_MAX}
            placeholder='如知道姓名或岗位，可填写，如：3号岗保安'
            onInput={(e) => edit('aboutStaff', setAboutStaff)(e.detail.value)}
          />
          <FieldError message={errors.aboutStaff} className='about-staff-error' />
        </Card>
      )}

      <Card title='期望答复时间'>
        <ChipGroup
          label='期望答复时间'
          columns={3}
          options={REPLY_WITHIN_HOURS.map((h) => ({ value: h, label: replyChoiceLabel(h), sub: replyByText(h, now) }))}
          value={replyHours}
          onChange={edit('replyBy', setReplyHours)}
          className='reply-picker'
        />
        <FieldError message={errors.replyBy} className='reply-error' />
        <Text className='complaint-new__hint'>管家会在您选择的时间内与您联系答复；处理期间您可随时在工单中查看进度或催办。</Text>
      </Card>

      <View className='complaint-new__footer'>
        <ErrorNotice message={error} />
        <AppButton block size='large' loading={busy} onClick={() => void submit()} className='complaint-submit'>
          提交投诉
        </AppButton>
        <Text className='complaint-new__footnote'>提交后将转交客服管家受理，处理进度会通过微信通知您。</Text>
      </View>
    </View>
  )
}
