import type { ParsedInput, Settings } from '../../../shared/api'
import type { Core } from '../core'
import { readSetting, writeSetting } from '../store/reference'
import { requireUser } from './references'

export function getSettings(core: Core): Settings {
  return {
    locale: (readSetting(core.db, 'locale') as Settings['locale']) ?? null,
    currentUserId: (readSetting(core.db, 'currentUserId') as number | undefined) ?? null,
    baseCurrency: (readSetting(core.db, 'baseCurrency') as string | undefined) ?? 'CNY',
  }
}

export function updateSettings(core: Core, input: ParsedInput<'settings.update'>): Settings {
  requireUser(core, 'currentUserId', input.currentUserId)
  core.db.transaction(() => {
    for (const [key, value] of Object.entries(input)) if (value !== undefined) writeSetting(core.db, key, value)
  })()
  core.events.emit('data-changed', { entities: [], reason: 'settings' })
  return getSettings(core)
}
