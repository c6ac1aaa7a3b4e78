import { Button, Result, Spin } from 'antd'
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Settings } from '../../../../../shared/api'
import type { Locale } from '../../../../../shared/enums'
import { api } from '../../../api/client'
import { setCallMeta } from '../../../api/callMeta'
import { applyLocale, i18next, systemLocale } from '../../../i18n'
import { PreferencesContext, type Preferences } from '../states/preferencesContext'

/**
 * Loads the saved settings before anything else renders, so the first
 * screen is already in the right language and every call carries the right user.
 */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [settings, setSettings] = useState<Settings>()
  const [failed, setFailed] = useState(false)
  const [attempt, setAttempt] = useState(0)

  // Applied before the state changes, so children render and call with the new values.
  const adopt = useCallback((next: Settings) => {
    const locale = effectiveLocale(next)
    setCallMeta({ locale, userId: next.currentUserId })
    applyLocale(locale)
    setSettings(next)
  }, [])

  useEffect(() => {
    api
      .call('settings.get', {})
      .then(adopt)
      .catch(() => setFailed(true))
  }, [attempt, adopt])

  const update = useCallback(async (patch: Partial<Settings>) => adopt(await api.call('settings.update', patch)), [adopt])

  const preferences = useMemo<Preferences | null>(
    () =>
      settings
        ? {
            locale: effectiveLocale(settings),
            savedLocale: settings.locale,
            currentUserId: settings.currentUserId,
            baseCurrency: settings.baseCurrency,
            setLocale: (next) => update({ locale: next }),
            setCurrentUserId: (userId) => update({ currentUserId: userId }),
          }
        : null,
    [settings, update],
  )

  if (failed) {
    return (
      <Result
        status="warning"
        title={i18next.t('app.loadFailed')}
        extra={
          <Button
            type="primary"
            onClick={() => {
              setFailed(false)
              setAttempt((a) => a + 1)
            }}
          >
            {i18next.t('common.retry')}
          </Button>
        }
      />
    )
  }
  if (!preferences) return <Spin size="large" fullscreen />
  return <PreferencesContext.Provider value={preferences}>{children}</PreferencesContext.Provider>
}

function effectiveLocale(settings: Settings): Locale {
  return settings.locale ?? systemLocale()
}
