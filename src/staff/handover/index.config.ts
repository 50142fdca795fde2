export default definePageConfig({
  navigationBarTitleText: '交接班',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
