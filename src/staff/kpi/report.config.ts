export default definePageConfig({
  navigationBarTitleText: '月度报告',
})
