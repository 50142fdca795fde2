import type { CsvSaver } from './csv-file'

/**
 * H5: a download of the text as it came (its BOM included: Excel then reads it as UTF-8), named
 * by the server, through a temporary object URL.
 */
export const h5SaveCsv: CsvSaver = async ({ fileName, csv }) => {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  a.style.display = 'none'
  document.body.appendChild(a)
  a.click()
  a.remove()
  // The browser has taken the blob once the click returned; let it go a moment later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
  return { done: true }
}
