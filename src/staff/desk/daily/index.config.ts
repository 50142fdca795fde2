export default definePageConfig({
  navigationBarTitleText: '受理登记',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
