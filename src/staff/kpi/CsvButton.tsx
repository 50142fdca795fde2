import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import AppButton from '@/components/AppButton'
import { RpcError } from '@/services/rpc'
import { saveCsv } from '@/services/csv'
import type { CsvFile } from '@/services/csv-file'
import { cx } from '@/utils/cx'
import './csv-button.css'

export interface CsvButtonProps {
  label: string
  /** Asks the server for the file. */
  load: () => Promise<CsvFile>
  className?: string
}

/**
 * 导出 CSV: H5 downloads the file at once; weapp writes it, then the button turns into 分享到聊天,
 * because WeChat shares a file only from a tap, and the first tap was spent waiting for it.
 */
export default function CsvButton({ label, load, className }: CsvButtonProps) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [share, setShare] = useState<{ fileName: string; run: () => Promise<void> } | null>(null)

  const prepare = async () => {
    setBusy(true)
    setError(null)
    try {
      const file = await load()
      const saved = await saveCsv(file)
      if (saved.done) void Taro.showToast({ title: `已导出 ${file.fileName}`, icon: 'none' })
      else setShare({ fileName: file.fileName, run: saved.share })
    } catch (e) {
      setError(e instanceof RpcError ? e.message : '导出失败，请稍后再试')
    } finally {
      setBusy(false)
    }
  }

  const shareNow = () => {
    if (!share) return
    // Called within the tap itself: WeChat refuses shareFileMessage from anywhere else.
    share.run().then(
      () => setShare(null),
      () => setError('未能分享，请再试一次'),
    )
  }

  return (
    <View className={cx('csv-button', className)}>
      {share ? (
        <AppButton kind='primary' size='small' block onClick={shareNow} className='csv-button__share'>
          {`分享 ${share.fileName}`}
        </AppButton>
      ) : (
        <AppButton kind='secondary' size='small' block loading={busy} onClick={() => void prepare()} className='csv-button__export'>
          {label}
        </AppButton>
      )}
      {error && <Text className='csv-button__error'>{error}</Text>}
    </View>
  )
}
