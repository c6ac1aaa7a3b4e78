import { PreferencesProvider } from '../../preferences/components/PreferencesProvider'
import { ReferenceDataProvider } from '../../reference/components/ReferenceDataProvider'
import { AppShell } from './AppShell'
import { LocalizedAntd } from './LocalizedAntd'

export function App() {
  return (
    <PreferencesProvider>
      <LocalizedAntd>
        <ReferenceDataProvider>
          <AppShell />
        </ReferenceDataProvider>
      </LocalizedAntd>
    </PreferencesProvider>
  )
}
