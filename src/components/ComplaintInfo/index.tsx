import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import Card from '@/components/Card'
import InfoRow from '@/components/InfoRow'
import { a11y } from '@/utils/a11y'
import { formatFull } from '@/utils/time'
import './index.css'

export interface ComplaintInfoProps {
  ticket: TicketView & { complaint: NonNullable<TicketView['complaint']> }
}

/** 投诉信息: the category, who it is about, the reply time asked for and the ticket it is linked to. */
export default function ComplaintInfo({ ticket }: ComplaintInfoProps) {
  const { aboutStaff, replyBy, linkedTicket } = ticket.complaint
  return (
    <Card title='投诉信息' className='complaint-section'>
      <InfoRow label='投诉类别'>
        <Text className='complaint-category-name'>{ticket.categoryName}</Text>
      </InfoRow>
      <InfoRow label='被投诉人员'>
        <Text className='complaint-about-staff'>{aboutStaff || '未填写'}</Text>
      </InfoRow>
      {replyBy !== null && (
        <InfoRow label='期望答复'>
          <Text className='complaint-reply-by'>{`${formatFull(replyBy)} 前`}</Text>
        </InfoRow>
      )}
      {linkedTicket && (
        <InfoRow label='关联工单'>
          <Text
            className='complaint-info__link complaint-linked-ticket'
            {...a11y('link', `查看关联工单 ${linkedTicket.no}`)}
            onClick={() => void Taro.navigateTo({ url: `/pages/ticket/detail?id=${encodeURIComponent(linkedTicket.id)}` })}
          >
            {`${linkedTicket.no} ›`}
          </Text>
        </InfoRow>
      )}
    </Card>
  )
}
