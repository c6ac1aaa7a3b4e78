import { createContext } from 'react'
import type { Locale } from '../../../../../shared/enums'

export interface Preferences {
  /** The language on screen: the saved choice, else the system's. */
  locale: Locale
  /** The saved choice; null means "follow the system". */
  savedLocale: Locale | null
  currentUserId: number | null
  baseCurrency: string
  setLocale(locale: Locale | null): Promise<void>
  setCurrentUserId(userId: number | null): Promise<void>
}

export const PreferencesContext = createContext<Preferences | null>(null)
