import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import Card from '@/components/Card'
import InfoRow from '@/components/InfoRow'
import PhotoGrid from '@/components/PhotoGrid'
import UrgentTag from '@/components/UrgentTag'
import { a11y } from '@/utils/a11y'
import { formatAppointment } from '@/utils/appointment'
import { STAFF_KIND_WORDS } from '@/utils/kind'
import { yuanText } from '@/utils/money'
import { formatFull, formatMonthDay, formatShort } from '@/utils/time'
import { SIZE_CLASSES } from './ClockTools'

export interface TaskContentProps {
  ticket: TicketView
}

/** Staff follow every related request from their own task page, not the owner's detail page. */
const openTask = (id: string) => void Taro.navigateTo({ url: `/staff/task/index?id=${encodeURIComponent(id)}` })

/** A ticket number that opens that ticket; a generous tap target. */
function TicketLink({ ticket, what, className }: { ticket: { id: string; no: string }; what: string; className: string }) {
  return (
    <Text className={`staff-task__link ${className}`} {...a11y('link', `查看${what} ${ticket.no}`)} onClick={() => openTask(ticket.id)}>
      {`${ticket.no} ›`}
    </Text>
  )
}

/** A label above a longer text (the owner's own words). */
function Block({ label, children }: { label: string; children: ReactNode }) {
  return (
    <View className='staff-task__block'>
      <Text className='staff-task__label'>{label}</Text>
      {children}
    </View>
  )
}

function Description({ ticket }: TaskContentProps) {
  return (
    <Block label={STAFF_KIND_WORDS[ticket.kind].description}>
      <Text className='staff-task__text ticket-description'>{ticket.description || '无'}</Text>
    </Block>
  )
}

function Photos({ ticket }: TaskContentProps) {
  if (ticket.photos.length === 0) return null
  return (
    <Block label='现场照片'>
      <PhotoGrid photos={ticket.photos} className='ticket-photos' />
    </Block>
  )
}

/** 处理结果照片: what the technician photographed when returning the ticket (the owner sees them too). */
function ResultPhotos({ ticket }: TaskContentProps) {
  if (ticket.resultPhotos.length === 0) return null
  return (
    <Block label='处理结果照片'>
      <PhotoGrid photos={ticket.resultPhotos} className='result-photos' />
    </Block>
  )
}

/** The last 改约: what it replaced and why. */
const rescheduledText = (r: NonNullable<TicketView['rescheduled']>): string =>
  `已改约（原定${r.previous ? ` ${formatAppointment(r.previous)}` : '尽快上门'}）：${r.reason}`

/** 报修内容: where, when to come, how urgent, what is wrong. */
function RepairContent({ ticket }: TaskContentProps) {
  return (
    <Card title={STAFF_KIND_WORDS.repair.content} className='repair-section'>
      <Block label='报修位置'>
        <Text className='staff-task__text'>{ticket.place}</Text>
      </Block>
      <Block label='上门时间'>
        <Text className='staff-task__text ticket-appointment'>
          {ticket.appointment ? `预约 ${formatAppointment(ticket.appointment)}` : '未预约，请尽快上门'}
        </Text>
        {ticket.rescheduled && <Text className='staff-task__muted ticket-rescheduled'>{rescheduledText(ticket.rescheduled)}</Text>}
      </Block>
      {ticket.urgent && (
        <Block label='紧急程度'>
          <View className='staff-task__urgent'>
            <UrgentTag />
            <Text className='staff-task__urgent-text'>业主报为急修，请优先处理</Text>
          </View>
        </Block>
      )}
      {ticket.area === 'public' && <PublicWork ticket={ticket} />}
      <Description ticket={ticket} />
      <Photos ticket={ticket} />
      <ResultPhotos ticket={ticket} />
    </Card>
  )
}

/** A public-area repair's size class (which sets its deadline) and any 暂不能修复 report. */
function PublicWork({ ticket }: TaskContentProps) {
  const size = SIZE_CLASSES.find((c) => c.value === (ticket.publicSize ?? 'small'))!
  return (
    <>
      <Block label='维修规模'>
        <Text className='staff-task__text public-size'>
          {ticket.publicSize ? `${size.label}（${size.span}内修复）` : `未确定，按${size.label}（${size.span}）计时`}
        </Text>
      </Block>
      {ticket.deferral && (
        <Block label='暂不能修复'>
          <Text className='staff-task__text deferral-text'>
            {`${ticket.deferral.reason}；预计 ${formatMonthDay(ticket.deferral.expectedAt)} 修复`}
          </Text>
        </Block>
      )}
    </>
  )
}

/** 投诉信息: what about, who about, by when the owner wants an answer, the ticket it concerns. */
function ComplaintContent({ ticket, complaint }: TaskContentProps & { complaint: NonNullable<TicketView['complaint']> }) {
  return (
    <Card title={STAFF_KIND_WORDS.complaint.content} className='complaint-section'>
      <View className='staff-task__rows'>
        <InfoRow label='投诉类别'>
          <Text className='complaint-category-name'>{ticket.categoryName}</Text>
        </InfoRow>
        {complaint.aboutStaff && (
          <InfoRow label='被投诉人员'>
            <Text className='complaint-about-staff'>{complaint.aboutStaff}</Text>
          </InfoRow>
        )}
        {complaint.replyBy !== null && (
          <InfoRow label='期望答复'>
            <Text className='staff-task__strong complaint-reply-by'>{`${formatFull(complaint.replyBy)} 前`}</Text>
          </InfoRow>
        )}
        {complaint.linkedTicket && (
          <InfoRow label='关联工单'>
            <TicketLink ticket={complaint.linkedTicket} what='关联工单' className='complaint-linked-ticket' />
          </InfoRow>
        )}
      </View>
      <Description ticket={ticket} />
      <Photos ticket={ticket} />
    </Card>
  )
}

/** 办理信息: which card, what to do, custody, the fee to collect and the loss report. */
function CardContent({ ticket, card }: TaskContentProps & { card: NonNullable<TicketView['card']> }) {
  return (
    <Card title={STAFF_KIND_WORDS.card.content} className='card-section'>
      <View className='staff-task__rows'>
        <InfoRow label='卡片类型'>
          <Text className='card-type-name'>{card.typeName}</Text>
        </InfoRow>
        <InfoRow label='办理事项'>
          <Text className='staff-task__strong card-action-name'>{card.actionName}</Text>
        </InfoRow>
        <InfoRow label='身份核验'>
          {card.verifiedBy ? (
            <Text className='card-verified'>{`身份已由${card.verifiedBy.name}核验（${formatShort(card.verifiedBy.at)}）`}</Text>
          ) : (
            <Text className='staff-task__strong card-unverified'>待前台核验业主身份</Text>
          )}
        </InfoRow>
        <InfoRow label='卡号'>
          <Text className='card-no'>{card.cardNo || '未填写'}</Text>
        </InfoRow>
        {card.action !== 'lost' && (
          <InfoRow label='委托代管'>
            <Text className='card-custody-value'>{card.custody ? '是，办好后交客服管家代为保管' : '否，业主本人到前台签收'}</Text>
          </InfoRow>
        )}
        <InfoRow label='费用'>
          {card.feeFen > 0 ? (
            <Text className='staff-task__fee card-fee'>
              {/* The desk takes the fee with the identity check (003 #11); engineering only opens the card. */}
              {card.stage === 'issue' ? `补办成本费 ${yuanText(card.feeFen)} 元，由前台核验时收取` : `补办成本费 ${yuanText(card.feeFen)} 元，请向业主收取`}
            </Text>
          ) : (
            <Text className='card-fee-none'>无需收费</Text>
          )}
        </InfoRow>
        {card.lossTicket && (
          <InfoRow label='挂失工单'>
            <TicketLink ticket={card.lossTicket} what='挂失工单' className='card-loss-ticket' />
          </InfoRow>
        )}
      </View>
      <Description ticket={ticket} />
      <Photos ticket={ticket} />
    </Card>
  )
}

/** What the owner asked for, in the words of its kind. */
export default function TaskContent({ ticket }: TaskContentProps) {
  if (ticket.kind === 'complaint' && ticket.complaint) return <ComplaintContent ticket={ticket} complaint={ticket.complaint} />
  if (ticket.kind === 'card' && ticket.card) return <CardContent ticket={ticket} card={ticket.card} />
  return <RepairContent ticket={ticket} />
}
