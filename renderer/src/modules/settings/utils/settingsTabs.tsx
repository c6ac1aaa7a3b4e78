import { TrashTable } from '../../history/components/TrashTable'
import { AssignmentRulesCard } from '../../leads/components/AssignmentRulesCard'
import { LeadRulesCard } from '../../leads/components/LeadRulesCard'
import { FollowUpRulesSettings } from '../../followUps/components/FollowUpRulesSettings'
import { Card } from 'antd'
import type { ReactNode } from 'react'
import { TargetsAndRates } from '../../dashboard/components/TargetsAndRates'
import { CustomFieldsManager } from '../../customFields/components/CustomFieldsManager'
import { LayoutsEditor } from '../../layouts/components/LayoutEditor'
import { ConfigFileCard } from '../components/ConfigFileCard'
import { PicklistsEditor } from '../components/PicklistsEditor'
import { PipelinesEditor } from '../components/PipelinesEditor'
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
  { key: 'pipelines', labelKey: 'configUi.tabs.pipelines', render: () => <Card><PipelinesEditor /></Card> },
  { key: 'picklists', labelKey: 'configUi.tabs.picklists', render: () => <Card><PicklistsEditor /></Card> },
  { key: 'customFields', labelKey: 'configUi.tabs.customFields', render: () => <Card><CustomFieldsManager /></Card> },
  { key: 'layouts', labelKey: 'configUi.tabs.layouts', render: () => <Card><LayoutsEditor /></Card> },
  { key: 'configFile', labelKey: 'configUi.tabs.file', render: () => <ConfigFileCard /> },
  { key: 'targets-rates', labelKey: 'dashboard.settings.tab', render: () => <TargetsAndRates /> },
  { key: 'followUpRules', labelKey: 'followUps.rules.tab', render: () => <FollowUpRulesSettings /> },
  { key: 'assignmentRules', labelKey: 'leads.settings.tabAssignment', render: () => <AssignmentRulesCard /> },
  { key: 'leadRules', labelKey: 'leads.settings.tabLeadRules', render: () => <LeadRulesCard /> },
  { key: 'trash', labelKey: 'history.trash.title', render: () => <TrashTable /> },
]
