/**
 * Complaint categories shown to owners (投诉类别). Configuration data, like repair categories.
 * Every complaint is registered, whether or not it seems reasonable (000 4.5.1).
 */
export interface ComplaintCategory {
  id: string;
  name: string;
  icon: string;
}

export const COMPLAINT_CATEGORIES = [
  { id: 'service', name: '服务态度', icon: '🙋' },
  { id: 'repair_quality', name: '维修质量', icon: '🛠' },
  { id: 'cleaning', name: '环境卫生', icon: '🧹' },
  { id: 'security', name: '安全秩序', icon: '🛡' },
  { id: 'noise', name: '噪音扰民', icon: '🔊' },
  { id: 'parking', name: '车辆停放', icon: '🚗' },
  { id: 'other', name: '其他', icon: '💬' },
] as const satisfies readonly ComplaintCategory[];

export type ComplaintCategoryId = (typeof COMPLAINT_CATEGORIES)[number]['id'];

export const COMPLAINT_CATEGORY_IDS = COMPLAINT_CATEGORIES.map((c) => c.id) as [
  ComplaintCategoryId,
  ...ComplaintCategoryId[],
];

/** A complaint about the handler of a ticket, made from its callback (回访). */
export const STAFF_COMPLAINT_CATEGORY: ComplaintCategoryId = 'service';

/** Reply times an owner may ask for (003 #19 3: the requested time is the deadline), in hours. */
export const REPLY_WITHIN_HOURS = [4, 24, 72] as const;

export const findComplaintCategory = (id: string): ComplaintCategory | undefined =>
  COMPLAINT_CATEGORIES.find((c) => c.id === id);
