/** A CSV the server made (UTF-8 text starting with a BOM) and the name to give it. */
export interface CsvFile {
  fileName: string
  csv: string
}

/**
 * What a platform does with a CSV: H5 downloads it at once; weapp writes it to the user's data
 * folder and shares it to a chat, which WeChat allows only inside a tap — so it is handed back as
 * `share`, for the next tap. The implementations are csv-file.h5.ts and csv-file.weapp.ts;
 * services/csv.ts picks one at build time. Nothing imports this module's name at run time.
 */
export type CsvSaved = { done: true } | { done: false; share: () => Promise<void> }

export type CsvSaver = (file: CsvFile) => Promise<CsvSaved>
