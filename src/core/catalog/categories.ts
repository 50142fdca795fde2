/**
 * Repair categories shown to owners (with icons) and the trade of technician each one needs.
 * This is configuration data: a company may change names, icons, trades and price lists.
 */
export const TRADES = ['plumbing_electric', 'carpentry', 'masonry'] as const;
export type Trade = (typeof TRADES)[number];

export const TRADE_NAMES: Record<Trade, string> = {
  plumbing_electric: '水电工',
  carpentry: '门窗木工',
  masonry: '泥瓦工',
};

export interface PriceItem {
  name: string;
  /** Price in fen (分) so money never goes through floating point. */
  priceFen: number;
  unit: string;
}

export interface RepairCategory {
  id: string;
  name: string;
  icon: string;
  /** The technician trade the work needs; null for household services, taken by a team lead. */
  trade: Trade | null;
  /** Whether the work is normally charged (有偿服务): the price list is shown before submitting. */
  paid: boolean;
  priceList: PriceItem[];
}

export const REPAIR_CATEGORIES = [
  {
    id: 'plumbing_electric', name: '水电', icon: '💡', trade: 'plumbing_electric', paid: true,
    priceList: [
      { name: '更换水龙头（不含材料）', priceFen: 3000, unit: '个' },
      { name: '更换开关/插座（不含材料）', priceFen: 2000, unit: '个' },
      { name: '线路故障排查', priceFen: 5000, unit: '次' },
    ],
  },
  {
    id: 'doors_windows', name: '门窗', icon: '🚪', trade: 'carpentry', paid: true,
    priceList: [
      { name: '门锁更换（不含材料）', priceFen: 5000, unit: '把' },
      { name: '合页/滑轮调整', priceFen: 2000, unit: '处' },
    ],
  },
  {
    id: 'walls_floors', name: '墙面地面', icon: '🧱', trade: 'masonry', paid: true,
    priceList: [
      { name: '瓷砖修补', priceFen: 4000, unit: '块' },
      { name: '墙面修补', priceFen: 3000, unit: '平方米' },
    ],
  },
  {
    id: 'drain', name: '管道疏通', icon: '🚿', trade: 'plumbing_electric', paid: true,
    priceList: [
      { name: '下水道疏通', priceFen: 8000, unit: '次' },
      { name: '马桶疏通', priceFen: 6000, unit: '次' },
    ],
  },
  {
    id: 'appliances', name: '电器', icon: '🔌', trade: 'plumbing_electric', paid: true,
    priceList: [{ name: '电器检测', priceFen: 3000, unit: '次' }],
  },
  {
    id: 'public_facility', name: '公共设施', icon: '🏢', trade: 'masonry', paid: false,
    priceList: [],
  },
  // 家政服务 (004 三): priced with the owner on site (现场定价) and done against the order (凭单服务).
  {
    id: 'household_cleaning', name: '家政保洁', icon: '🧹', trade: null, paid: true,
    priceList: [
      { name: '钟点清洁', priceFen: 4000, unit: '小时' },
      { name: '全屋清洁（入伙）', priceFen: 600, unit: '平方米' },
    ],
  },
  {
    id: 'household_greening', name: '绿化养护', icon: '🌿', trade: null, paid: true,
    priceList: [
      { name: '花木修剪', priceFen: 5000, unit: '次' },
      { name: '盆栽换土', priceFen: 2000, unit: '盆' },
    ],
  },
] as const satisfies readonly RepairCategory[];

export type RepairCategoryId = (typeof REPAIR_CATEGORIES)[number]['id'];

export const REPAIR_CATEGORY_IDS = REPAIR_CATEGORIES.map((c) => c.id) as [
  RepairCategoryId,
  ...RepairCategoryId[],
];

export const findCategory = (id: string): RepairCategory | undefined =>
  REPAIR_CATEGORIES.find((c) => c.id === id);

/** What counts as urgent (急修), shown next to the urgent switch. */
export const URGENT_EXPLANATION =
  '急修指漏水、停电、下水道堵塞外溢、门锁损坏无法进出等影响正常生活或安全的情况';
