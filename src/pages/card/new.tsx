import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { CARD_ACTION_NAMES, CARD_ACTIONS, CARD_TYPES, type CardAction, type CardTypeId } from '@/core/catalog/cards'
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
import Toggle from '@/components/Toggle'
import UnitPicker from '@/components/UnitPicker'
import { useQuery } from '@/hooks/useAction'
import { useSubmitTicket } from '@/hooks/useSubmitTicket'
import { unitsOf, useCurrentUnit } from '@/hooks/useCurrentUnit'
import { yuanText } from '@/utils/money'
import './new.css'

const NOTE_MAX = 200
const CARD_NO_MAX = 20
const CARD_NO_PATTERN = /^[0-9A-Za-z-]{0,20}$/

const ACTION_OPTIONS = CARD_ACTIONS.map((a) => ({ value: a, label: CARD_ACTION_NAMES[a] }))

type Field = 'unit' | 'type' | 'action' | 'cardNo' | 'note'
type FieldErrors = Partial<Record<Field, string>>
const FIELD_ORDER: Field[] = ['unit', 'type', 'action', 'cardNo', 'note']

/** The contract's checks, with its messages, before anything is sent. */
const validate = (d: { unitId: string | null; type: CardTypeId | null; action: CardAction | null; cardNo: string; note: string }): FieldErrors => {
  const errors: FieldErrors = {}
  if (!d.unitId) errors.unit = '请选择办卡的房屋'
  if (!d.type) errors.type = '请选择卡片类型'
  if (!d.action) errors.action = '请选择办理事项'
  if (!CARD_NO_PATTERN.test(d.cardNo.trim())) errors.cardNo = `卡号只能包含数字、字母，最多${CARD_NO_MAX}位`
  if (d.note.trim().length > NOTE_MAX) errors.note = `补充说明不能超过${NOTE_MAX}个字`
  return errors
}

const isCardType = (v: string | undefined): v is CardTypeId => CARD_TYPES.some((c) => c.id === v)
const isCardAction = (v: string | undefined): v is CardAction => (CARD_ACTIONS as readonly string[]).includes(v ?? '')

/** What the card number is for, by action. */
const CARD_NO_HINT: Record<CardAction, string> = {
  open: '新开通的卡可不填；领取已开好的卡时，填写卡号便于前台查找。',
  lost: '建议填写卡号，便于我们准确挂失这张卡；如不记得，可留空，前台核验身份后为您查询。',
  reissue: '建议填写与挂失时相同的卡号，便于核对挂失记录。',
}

/**
 * IC卡办理 (003 #11): open or collect a card (开通/领卡), report it lost (挂失) or have it reissued
 * (补办, only after a loss report, with a cost fee). The front desk checks the owner's identity first.
 * Accepts ?type=access&action=reissue&cardNo=… (e.g. from a loss report's page).
 */
export default function CardNewPage() {
  const { params } = useRouter()
  const whoami = useQuery('session.whoami', {})
  const identity = whoami.data?.identity
  const units = unitsOf(identity)
  // The unit the owner acts for now (当前房屋) is the default; the chips choose another.
  const { current: currentUnit } = useCurrentUnit(units)

  const [unitId, setUnitId] = useState<string | null>(null)
  const [type, setType] = useState<CardTypeId | null>(isCardType(params.type) ? params.type : null)
  const [action, setAction] = useState<CardAction | null>(isCardAction(params.action) ? params.action : null)
  const [cardNo, setCardNo] = useState(params.cardNo && CARD_NO_PATTERN.test(params.cardNo) ? params.cardNo : '')
  const [custody, setCustody] = useState(false)
  const [note, setNote] = useState('')
  const [errors, setErrors] = useState<FieldErrors>({})
  /** The server refused a reissue: no loss report of this card yet. */
  const [needsLoss, setNeedsLoss] = useState(false)
  const { busy, error, setError, submit: send } = useSubmitTicket(whoami.data?.templates.owner ?? [])

  const selectedUnit = unitId ?? currentUnit?.id ?? null

  const clear = (field: Field) => setErrors((e) => (e[field] ? { ...e, [field]: undefined } : e))

  const chooseAction = (a: CardAction) => {
    setAction(a)
    setNeedsLoss(false)
    clear('action')
  }

  const submit = async () => {
    if (busy) return
    const found = validate({ unitId: selectedUnit, type, action, cardNo, note })
    setErrors(found)
    setNeedsLoss(false)
    const first = FIELD_ORDER.map((f) => found[f]).find(Boolean)
    if (first) {
      setError(null)
      void Taro.showToast({ title: first, icon: 'none' })
      return
    }
    await send(
      OWNER_SERVICE_TEMPLATES,
      (granted) => ({
        action: 'card.submit',
        summary: `${CARD_TYPES.find((t) => t.id === type)?.name ?? ''} · ${CARD_ACTION_NAMES[action!]}`,
        input: {
          unitId: selectedUnit!,
          type: type!,
          action: action!,
          cardNo: cardNo.trim(),
          custody: action !== 'lost' && custody,
          note: note.trim(),
          grantedTemplates: granted,
        },
      }),
      (e) => {
        if (e.code !== 'CARD.NO_LOSS_REPORT') return false
        // Said where it is about: at the action, with the way out one tap away.
        setErrors((x) => ({ ...x, action: e.message }))
        setNeedsLoss(true)
        return true
      },
    )
  }

  if (!whoami.data) {
    return <PageStatus loading={whoami.loading} error={whoami.error} onRetry={whoami.reload} />
  }

  if (units.length === 0) return <BindPrompt service='办理IC卡' staff={identity?.kind === 'staff'} />
  // The cost fee of a reissue (成本费, 003 #11), as the company configured it.
  const reissueFee = yuanText(whoami.data.fees.cardReissueFen)

  return (
    <View className='card-new'>
      <Card title='办卡房屋'>
        <UnitPicker
          units={units}
          value={selectedUnit}
          onChange={(id) => {
            setUnitId(id)
            setNeedsLoss(false)
            clear('unit')
          }}
          label='办卡房屋'
        />
        <FieldError message={errors.unit} className='unit-error' />
      </Card>

      <Card title='卡片类型'>
        <CategoryGrid
          items={CARD_TYPES}
          label='卡片类型'
          value={type}
          onChange={(t) => {
            setType(t)
            setNeedsLoss(false)
            clear('type')
          }}
          className='card-type-grid'
        />
        <FieldError message={errors.type} className='type-error' />
      </Card>

      <Card title='办理事项'>
        <ChipGroup label='办理事项' columns={3} options={ACTION_OPTIONS} value={action} onChange={chooseAction} className='card-action-picker' />
        <FieldError message={errors.action} className='action-error' />
        {needsLoss && (
          <View className='card-new__loss-first'>
            <AppButton kind='secondary' onClick={() => chooseAction('lost')} className='card-go-lost'>
              先去挂失
            </AppButton>
          </View>
        )}
        {action === 'reissue' && (
          <View className='card-new__notice card-fee-notice'>
            <Text className='card-new__notice-title'>{`补办需缴纳成本费 ${reissueFee} 元，请到客服前台缴纳`}</Text>
            <Text className='card-new__notice-text'>补办需先挂失：请确认这张卡已提交过挂失，前台核对挂失记录并收取成本费后，为您补办新卡。</Text>
          </View>
        )}
        {action === 'lost' && (
          <View className='card-new__notice card-new__notice--info card-lost-notice'>
            <Text className='card-new__notice-text'>
              {`挂失后原卡将停止使用。如需新卡，请在挂失后再申请“补办”（补办需先挂失，成本费 ${reissueFee} 元）。`}
            </Text>
          </View>
        )}
        {action === 'open' && (
          <View className='card-new__notice card-new__notice--info'>
            <Text className='card-new__notice-text'>前台核验您的身份后，由工程人员为您开通；开通好的卡请到客服前台签收领取。</Text>
          </View>
        )}
      </Card>

      <Card title={action === 'lost' || action === 'reissue' ? '卡号（建议填写）' : '卡号（选填）'}>
        <Input
          className='card-new__input card-no-input'
          value={cardNo}
          maxlength={CARD_NO_MAX}
          placeholder='卡片背面的卡号，数字或字母'
          onInput={(e) => {
            setCardNo(e.detail.value)
            setNeedsLoss(false)
            clear('cardNo')
          }}
        />
        <FieldError message={errors.cardNo} className='card-no-error' />
        <Text className='card-new__hint'>{CARD_NO_HINT[action ?? 'open']}</Text>
      </Card>

      {action !== 'lost' && (
        <Card className='card-custody'>
          <View className='card-new__row'>
            <View className='card-new__row-text'>
              <Text className='card-new__row-title'>委托代管</Text>
              <Text className='card-new__row-sub'>暂时不便领取时，由客服管家代为保管</Text>
            </View>
            <Toggle checked={custody} onChange={setCustody} label='委托代管' />
          </View>
          <Text className='card-new__hint'>
            委托代管：卡片办好后不必本人签收，交由客服管家代为保管，需与我们签订《委托代管协议》，您需要时再到前台领取。
          </Text>
        </Card>
      )}

      <Card title='补充说明（选填）'>
        <FieldTextarea
          className='card-note'
          value={note}
          onChange={(v) => {
            setNote(v)
            clear('note')
          }}
          maxLength={NOTE_MAX}
          placeholder='如卡片遗失的时间地点、需要办理的张数等'
        />
        <FieldError message={errors.note} className='note-error' />
      </Card>

      <View className='card-new__footer'>
        <ErrorNotice message={error} />
        <AppButton block size='large' loading={busy} onClick={() => void submit()} className='card-submit'>
          提交申请
        </AppButton>
        <Text className='card-new__footnote'>提交后客服前台将核验您的身份，再由工程人员为您办理，进度会通过微信通知您。</Text>
      </View>
    </View>
  )
}
