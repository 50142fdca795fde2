import type { CsvSaver } from './csv-file'

/**
 * Chosen at build time, like the RPC transport: the weapp bundle holds only the file system and
 * shareFileMessage, the H5 bundle only the browser download.
 */
export const saveCsv: CsvSaver =
  process.env.TARO_ENV === 'weapp'
    ? // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('./csv-file.weapp').weappSaveCsv
    : // eslint-disable-next-line @typescript-eslint/no-var-requires
      require('./csv-file.h5').h5SaveCsv
