import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { TicketView } from '@/core/contract/views'
import AppButton from '@/components/AppButton'
import Card from '@/components/Card'
import InfoRow from '@/components/InfoRow'
import { a11y } from '@/utils/a11y'
import { yuanText } from '@/utils/money'
import './index.css'

export interface CardInfoProps {
  ticket: TicketView & { card: NonNullable<TicketView['card']> }
}

const open = (id: string) => void Taro.navigateTo({ url: `/pages/ticket/detail?id=${encodeURIComponent(id)}` })

/** 办理信息 of an IC card request: card, what is asked, custody, the reissue fee and the loss report. */
export default function CardInfo({ ticket }: CardInfoProps) {
  const { card } = ticket
  const reissueUrl = `/pages/card/new?type=${encodeURIComponent(card.type)}&action=reissue${card.cardNo ? `&cardNo=${encodeURIComponent(card.cardNo)}` : ''}`
  return (
    <Card title='办理信息' className='card-section'>
      <InfoRow label='卡片类型'>
        <Text className='card-type-name'>{card.typeName}</Text>
      </InfoRow>
      <InfoRow label='办理事项'>
        <Text className='card-action-name'>{card.actionName}</Text>
      </InfoRow>
      <InfoRow label='卡号'>
        <Text className='card-no'>{card.cardNo || '未填写'}</Text>
      </InfoRow>
      {card.action !== 'lost' && (
        <InfoRow label='委托代管'>
          <Text className='card-custody-value'>{card.custody ? '是，办好后由客服管家代为保管' : '否，本人到客服前台签收领取'}</Text>
        </InfoRow>
      )}
      {card.feeFen > 0 && (
        <InfoRow label='成本费'>
          <Text className='card-fee'>
            {card.stage === 'issue' ? `${yuanText(card.feeFen)} 元，已在前台核验时办理` : `待到前台缴纳 ${yuanText(card.feeFen)} 元`}
          </Text>
        </InfoRow>
      )}
      {card.lossTicket && (
        <InfoRow label='挂失工单'>
          <Text className='card-info__link card-loss-ticket' {...a11y('link', `查看挂失工单 ${card.lossTicket.no}`)} onClick={() => open(card.lossTicket!.id)}>
            {`${card.lossTicket.no} ›`}
          </Text>
        </InfoRow>
      )}
      {card.action === 'lost' && ticket.state !== 'cancelled' && (
        <View className='card-info__next'>
          <Text className='card-info__next-text'>挂失后如需新卡，可申请补办（需缴纳成本费）。</Text>
          <AppButton kind='secondary' onClick={() => void Taro.navigateTo({ url: reissueUrl })} className='card-reissue-link'>
            申请补办
          </AppButton>
        </View>
      )}
    </Card>
  )
}
