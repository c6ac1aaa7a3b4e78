import { App } from 'antd'
import { useCallback, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../../api/client'
import { isApiCallError } from '../../../api/ApiCallError'

/** Loads the demo workspace, telling the person how it went; the core refuses a non-empty one. */
export function useLoadDemo(): { loading: boolean; loadDemo(): Promise<void> } {
  const { t } = useTranslation()
  const { message } = App.useApp()
  const [loading, setLoading] = useState(false)

  const loadDemo = useCallback(async () => {
    setLoading(true)
    try {
      await api.call('workspace.loadDemo', {})
      void message.success(t('pipeline.demoLoaded'))
    } catch (err) {
      void message.error(isApiCallError(err) ? err.message : String(err))
    } finally {
      setLoading(false)
    }
  }, [message, t])

  return { loading, loadDemo }
}
