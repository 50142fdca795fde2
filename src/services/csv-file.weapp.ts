import Taro from '@tarojs/taro'
import type { CsvSaver } from './csv-file'

/**
 * weapp: the text written to the user's data folder as UTF-8 (the BOM with it), then shared to a
 * chat with shareFileMessage — which WeChat refuses outside a tap, so it is returned for the next.
 */
export const weappSaveCsv: CsvSaver = async ({ fileName, csv }) => {
  const filePath = `${Taro.env.USER_DATA_PATH}/${fileName}`
  Taro.getFileSystemManager().writeFileSync(filePath, csv, 'utf8')
  return { done: false, share: async () => void (await Taro.shareFileMessage({ filePath, fileName })) }
}
