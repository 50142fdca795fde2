/**
 * Error codes every action may answer with, each with the Chinese message an owner or staff
 * member sees. Codes are stable API; messages are product copy.
 */
export const ERROR_MESSAGES = {
  'INPUT.INVALID': '提交的信息有误，请检查后重试',
  'AUTH.REQUIRED': '请在微信中打开后重试',
  'AUTH.NOT_BOUND': '您还没有绑定房屋，请先完成房屋绑定',
  'AUTH.UNIT_NOT_YOURS': '只能为已绑定的房屋报修',
  'AUTH.FORBIDDEN': '您没有权限进行此操作',
  'ACTION.UNKNOWN': '暂不支持该操作',
  'TICKET.NOT_FOUND': '没有找到这张工单',
  'TICKET.ALREADY_TAKEN': '该任务已被其他同事接单',
  'TICKET.ILLEGAL_TRANSITION': '工单当前状态不能进行此操作',
  'TICKET.VERSION_CONFLICT': '工单刚刚有更新，请刷新后重试',
  'TICKET.WORK_STARTED': '处理人员已经开始处理，不能取消了；如需帮助请联系客服前台',
  'TICKET.URGE_TOO_SOON': '您刚刚催办过，我们正在加紧处理，请稍后再催',
  'CARD.NO_LOSS_REPORT': '补办前需要先挂失这张卡，请先提交挂失',
  'TICKET.LINK_NOT_YOURS': '只能投诉您自己工单的处理人员',
  // 协办: a complaint is marked handled once its sub-tasks are done, or the housekeeper confirms
  'TICKET.SUBTASKS_OPEN': '还有协办单未完成，请等协办完成，或确认仍要处理完毕',
  // returning a ticket (返单): what its kind needs to be shown to the owner
  'TICKET.RESULT_PHOTO_REQUIRED': '请上传至少一张维修结果照片',
  'TICKET.RESULT_REQUIRED': '请填写处理结果',
  // 改派 / 转派: the person chosen may not take this work (the message names them and why)
  'TICKET.NOT_ELIGIBLE': '所选人员不能承接此工单',
  // 交接班
  'HANDOVER.NOT_FOUND': '没有找到这条交接记录',
  'HANDOVER.ALREADY_CONFIRMED': '这条交接已确认接班，无需重复确认',
  // front desk (代客登记, 电话回访)
  'DESK.RESIDENT_UNKNOWN': '没有找到这位业主或住户，请重新按房号或手机号查找',
  'DESK.NOT_AWAITING_CALLBACK': '该工单不在待回访中，无需记录回访',
  // binding
  'BINDING.NOT_FOUND': '没有找到这条绑定申请',
  'BINDING.ALREADY_REVIEWED': '该申请已处理或有更新，请刷新后查看',
  'BINDING.DUPLICATE': '您已提交过该房屋的绑定申请，请耐心等待审核',
  'BINDING.UNIT_UNKNOWN': '没有找到该房屋，请核对楼栋、单元和房号',
  'BINDING.ALREADY_BOUND': '您已绑定该房屋，无需重复申请',
  // 统计报表
  'KPI.RANGE_INVALID': '统计时段不正确：结束日期不能早于开始日期，且最长半年',
  'KPI.TOO_MANY_ROWS': '该时段工单太多，请缩短时段或选择小区后再导出',
  'KPI.REPORT_NOT_FOUND': '该月的月度报告还没有生成',
  // 节假日安排
  'CALENDAR.VERSION_CONFLICT': '节假日安排刚刚已被修改，请刷新后重试',
  'SYSTEM.ERROR': '系统繁忙，请稍后再试',
} as const;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = ERROR_MESSAGES[code],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export const isDomainError = (e: unknown): e is DomainError => e instanceof DomainError;
