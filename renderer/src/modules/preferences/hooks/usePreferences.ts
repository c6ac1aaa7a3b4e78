import { useContext } from 'react'
import { PreferencesContext, type Preferences } from '../states/preferencesContext'

export function usePreferences(): Preferences {
  const preferences = useContext(PreferencesContext)
  if (!preferences) throw new Error('usePreferences must be used inside <PreferencesProvider>')
  return preferences
}
