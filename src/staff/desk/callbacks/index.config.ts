export default definePageConfig({
  navigationBarTitleText: '回访队列',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
