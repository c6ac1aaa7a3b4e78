import type { ParsedInput, Settings } from '../../../shared/api'
import type { Core } from '../core'
import { rebaseRates } from '../store/analytics/rates'
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
  const rebased = input.baseCurrency !== undefined && input.baseCurrency !== getSettings(core).baseCurrency
  core.db.transaction(() => {
    for (const [key, value] of Object.entries(input)) if (value !== undefined) writeSetting(core.db, key, value)
    if (rebased) rebaseRates(core.db, input.baseCurrency!)
  })()
  // Amounts in the base currency (grid totals, charts) change with it.
  core.events.emit('data-changed', { entities: rebased ? ['opportunity'] : [], reason: 'settings' })
  return getSettings(core)
}
