import type { Database } from 'better-sqlite3'
import { closedLoopSchema } from './001-closed-loop'
import { seedDefaultConfiguration } from './002-default-configuration'
import { addViewsAndRates } from './003-views-and-rates'
import { addImportHistory } from './004-import-history'
import { addAnalytics } from './005-analytics'
import { addClosedLoopRules } from './006-closed-loop-rules'
import { addCustomFields } from './007-custom-fields'
import { addDashboardIndexes } from './008-dashboard-indexes'
import { addCustomFieldSearch } from './009-custom-field-search'
import { addDashboardFacts } from './010-dashboard-facts'
import { addGridWindowIndexes } from './011-grid-window-indexes'
import { addContractDuesTotals } from './012-contract-dues-totals'
import { addDashboardGroupIndexes } from './013-dashboard-reads-by-group'
import { addFollowUpDays } from './014-follow-up-days'
import { keepLastTouchInOwnerIndex } from './015-owner-index-last-touch'
import { addOverdueTasksByAssigneeIndex } from './016-overdue-tasks-by-assignee'

export interface Migration {
  readonly version: number
  readonly name: string
  readonly up: (db: Database) => void
}

/** Numbered steps; each runs once, in order, inside the opening transaction. */
export const migrations: readonly Migration[] = [
  { version: 1, name: 'closed-loop schema', up: (db) => db.exec(closedLoopSchema) },
  { version: 2, name: 'default pipelines, stages and picklists', up: seedDefaultConfiguration },
  { version: 3, name: 'saved views and currency rates', up: addViewsAndRates },
  { version: 4, name: 'import history, undo and mapping templates', up: addImportHistory },
  { version: 5, name: 'pipeline snapshots, sales targets and analytics indexes', up: addAnalytics },
  { version: 6, name: 'closed-loop rules: search index, lead rating, stage tasks, lifecycles', up: addClosedLoopRules },
  { version: 7, name: 'custom fields, picklist lists, pipeline switches and form layouts', up: addCustomFields },
  { version: 8, name: 'dashboard indexes: stage arrivals by stage, instalments and payments by contract', up: addDashboardIndexes },
  { version: 9, name: 'search index: text-like custom fields', up: addCustomFieldSearch },
  { version: 10, name: 'dashboard facts: follow-ups by rep, first unpaid due date per contract', up: addDashboardFacts },
  { version: 11, name: 'grid window indexes: deal sort indexes carry id and the common filters', up: addGridWindowIndexes },
  { version: 12, name: 'contract dues keep each contract\'s due total, last due date and received total', up: addContractDuesTotals },
  { version: 13, name: 'dashboard indexes: open deals by owner, stage stays by stage, live contracts by id', up: addDashboardGroupIndexes },
  { version: 14, name: 'follow-ups per rep per day, kept by triggers, in place of the indexes the count walked', up: addFollowUpDays },
  { version: 15, name: 'the open-deals-by-owner index keeps each deal\'s last touch as a Julian day', up: keepLastTouchInOwnerIndex },
  { version: 16, name: 'open tasks by assignee and due date, in place of the index by due date', up: addOverdueTasksByAssigneeIndex },
]

export const LATEST_VERSION = migrations.at(-1)!.version
