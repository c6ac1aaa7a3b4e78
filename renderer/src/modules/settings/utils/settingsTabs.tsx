import { Card } from 'antd'
import type { ReactNode } from 'react'
import { PicklistTables } from '../components/PicklistTables'
import { PipelineStageTables } from '../components/PipelineStageTables'
import { PreferencesCard } from '../components/PreferencesCard'

export interface SettingsTab {
  key: string
  /** An i18n key for the tab's title. */
  labelKey: string
  render: () => ReactNode
}

/** The tabs of Settings, in order; each area of the app adds its own tab here with one line. */
export const settingsTabs: SettingsTab[] = [
  { key: 'preferences', labelKey: 'settings.preferences', render: () => <PreferencesCard /> },
  { key: 'pipelines', labelKey: 'settings.pipelines', render: () => <Card><PipelineStageTables /></Card> },
  { key: 'picklists', labelKey: 'settings.picklists', render: () => <Card><PicklistTables /></Card> },
]
