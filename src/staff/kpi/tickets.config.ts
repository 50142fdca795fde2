export default definePageConfig({
  navigationBarTitleText: '工单明细',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
