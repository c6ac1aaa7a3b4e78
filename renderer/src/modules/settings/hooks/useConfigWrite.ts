import { App } from 'antd'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiCallError } from '../../../api/ApiCallError'
import { useReferenceData } from '../../reference/hooks/useReferenceData'

export interface ConfigWrite {
  /** Runs one configuration write: shows its error, reloads the reference data, says "saved". */
  run<T>(write: () => Promise<T>, options?: { silent?: boolean }): Promise<T | undefined>
  busy: boolean
}

/** Every Settings editor saves through this, so errors are shown the same way and screens see the change. */
export function useConfigWrite(): ConfigWrite {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const { refresh } = useReferenceData()
  const [busy, setBusy] = useState(false)

  const run = useCallback(
    async <T,>(write: () => Promise<T>, options: { silent?: boolean } = {}): Promise<T | undefined> => {
      setBusy(true)
      try {
        const result = await write()
        if (!options.silent) void message.success(t('configUi.saved'))
        return result
      } catch (error) {
        void message.error(isApiCallError(error) ? error.message : String(error))
        return undefined
      } finally {
        refresh()
        setBusy(false)
      }
    },
    [message, refresh, t],
  )
  return { run, busy }
}
