import { Settings } from '../../shared/api'
import type { Locale } from '../../shared/enums'
import { dispatch, type Core } from '../core'

/**
 * The user's saved choice wins; without one, a Chinese system gets Chinese and
 * every other system English.
 */
export function pickLocale(saved: Locale | null, systemLocale: string): Locale {
  if (saved) return saved
  return systemLocale.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en'
}

/** The language saved in the workspace's settings, asked through the same door the window uses. */
export async function readSavedLocale(core: Core): Promise<Locale | null> {
  const envelope = await dispatch(core, 'settings.get', {}, {})
  if (!envelope.ok) return null
  return Settings.safeParse(envelope.value).data?.locale ?? null
}
