export default definePageConfig({
  navigationBarTitleText: 'IC卡办理',
})
