export default definePageConfig({
  // Four characters: the H5 navigation bar shows no more (the entry reads 在岗与负荷).
  navigationBarTitleText: '在岗负荷',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
})
