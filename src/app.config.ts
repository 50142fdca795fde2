// Evaluated by Taro at build time (Node), once per platform: TARO_ENV is the `--type`.
const isH5 = process.env.TARO_ENV === 'h5'

const mainPages = [
  'pages/index/index', // 首页
  'pages/repair/new', // 我要报修
  'pages/tickets/index', // 我的工单
  'pages/ticket/detail', // 工单详情
  'pages/complaint/new', // 我要投诉
  'pages/card/new', // IC卡办理
  'pages/binding/index', // 我的房屋
  'pages/binding/new', // 申请绑定房屋
]

// Local mode only (H5 + local stack): switch the demo identity. Never in the weapp app.json.
const devPages = isH5 ? ['pages/dev/identity'] : []

// The front desk's pages (staff subpackage): 代客登记, 回访队列, 电话回访, 受理登记.
const deskPages = ['desk/register/index', 'desk/callbacks/index', 'desk/callback/index', 'desk/daily/index']

// 统计报表 (supervisor, manager): the dashboard, the tickets behind a number, a monthly report.
const kpiPages = ['kpi/index', 'kpi/tickets', 'kpi/report']

export default defineAppConfig({
  pages: [...mainPages, ...devPages],
  subPackages: [
    {
      // Staff pages: loaded on demand so the owners' main package stays small.
      root: 'staff',
      pages: ['inbox/index', 'task/index', 'bindings/index', 'handover/index', 'board/index', ...deskPages, ...kpiPages],
    },
  ],
  // Inject only the components a page uses (DevTools' code-quality check 「启用组件按需注入」).
  lazyCodeLoading: 'requiredComponents',
  window: {
    navigationBarTitleText: '物业服务',
    navigationBarBackgroundColor: '#1f6f5c',
    navigationBarTextStyle: 'white',
    // Shows Taro's navigation bar (title, back, home) in the H5 build too; weapp's default.
    navigationStyle: 'default',
    backgroundColor: '#f5f6f7',
    backgroundTextStyle: 'dark',
  },
})
