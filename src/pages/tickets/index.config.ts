export default definePageConfig({
  navigationBarTitleText: '我的报修',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
