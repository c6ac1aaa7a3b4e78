import type { CallMeta, MethodName, MethodOutput, ParsedInput } from '../../../shared/api'
import type { GridEntity } from '../../../shared/enums'
import type { Core } from '../core'
import { loadDemoWorkspace } from '../demo'
import { createOpportunity, deleteOpportunity, opportunityDetail, updateOpportunityFields } from '../services/opportunities'
import {
  createAccount,
  createContact,
  createLead,
  createTask,
  logActivity,
  restoreTrashed,
  setTaskStatus,
} from '../services/records'
import { createGridRows, deleteGridRows, groupRows, listWindow, updateGridRows } from '../services/grid'
import { getSettings, updateSettings } from '../services/settings'
import { listSavedViews, removeView, saveView } from '../services/views'
import { listAudit } from '../store/audit'
import { lookupAccounts } from '../store/lookup'
import { listTrash } from '../store/records'
import { listPicklists, listPipelines, listStages, listUsers } from '../store/reference'
import { getGridRow } from '../store/rows'
import { workspaceStats } from '../store/stats'
import { APP_VERSION } from '../version'
import { LATEST_VERSION } from '../store/migrations'
import { importsHandlers } from './importHandlers'
import { exportsHandlers } from './exportHandlers'
import { analyticsHandlers } from './analyticsHandlers'
import { backupsHandlers } from './backupHandlers'
import { loopHandlers } from './loopHandlers'
import { configHandlers } from './configHandlers'
import { recordsHandlers } from './recordsHandlers'

export type Handler<M extends MethodName> = (
  core: Core,
  input: ParsedInput<M>,
  meta: CallMeta,
) => MethodOutput<M> | Promise<MethodOutput<M>>

export type HandlerTable = { [M in MethodName]: Handler<M> }

/** The handlers of one group of methods (see shared/methods). */
export type HandlerGroup<G> = { [M in keyof G & MethodName]: Handler<M> }

const windowOf =
  <E extends GridEntity>(entity: E) =>
  (core: Core, input: ParsedInput<'opportunities.list'>, meta: CallMeta) =>
    listWindow(core, entity, input, meta)

/** Records, grids, views and settings. */
const workspaceHandlers = {
  'app.info': (core) => ({
    version: APP_VERSION,
    schemaVersion: LATEST_VERSION,
    dbPath: core.dbPath,
    surface: core.surface,
  }),
  'settings.get': (core) => getSettings(core),
  'settings.update': (core, input) => updateSettings(core, input),

  'workspace.stats': (core) => workspaceStats(core.db),
  'workspace.loadDemo': (core, input) => {
    loadDemoWorkspace(core.db, { scale: input.scale, anchor: core.clock() })
    // A bulk load changes the data's shape; give the planner statistics at once.
    core.db.exec('ANALYZE')
    core.events.emit('data-changed', {
      entities: ['user', 'account', 'contact', 'lead', 'opportunity', 'activity', 'task'],
      reason: 'demo',
    })
    return workspaceStats(core.db)
  },

  'users.list': (core) => listUsers(core.db),
  'pipelines.list': (core) => listPipelines(core.db),
  'stages.list': (core, input) => listStages(core.db, input.pipelineId),
  'picklists.list': (core) => listPicklists(core.db),

  'opportunities.list': windowOf('opportunity') as Handler<'opportunities.list'>,
  'opportunities.get': (core, input) => getGridRow(core.db, 'opportunity', input.id),
  'opportunities.detail': (core, input) => opportunityDetail(core, input.id),
  'opportunities.create': createOpportunity,
  'opportunities.update': updateOpportunityFields,
  'opportunities.delete': deleteOpportunity,

  'accounts.list': windowOf('account') as Handler<'accounts.list'>,
  'accounts.lookup': (core, input) => lookupAccounts(core.db, input.query, input.limit),
  'accounts.create': createAccount,
  'contacts.list': windowOf('contact') as Handler<'contacts.list'>,
  'contacts.create': createContact,
  'leads.list': windowOf('lead') as Handler<'leads.list'>,
  'leads.create': createLead,
  'activities.list': windowOf('activity') as Handler<'activities.list'>,
  'activities.create': logActivity,
  'tasks.list': windowOf('task') as Handler<'tasks.list'>,
  'tasks.create': createTask,
  'tasks.setStatus': setTaskStatus,

  'grid.update': updateGridRows,
  'grid.create': createGridRows,
  'grid.delete': deleteGridRows,
  'grid.groups': groupRows,

  'views.list': listSavedViews,
  'views.save': saveView,
  'views.delete': removeView,

  'audit.list': (core, input) => listAudit(core.db, input.entityType, input.entityId, input.limit),
  'trash.list': (core) => listTrash(core.db),
  'trash.restore': restoreTrashed,
} satisfies Partial<HandlerTable>

/** Method name → service call, one group per domain. Input arrives already validated by the contract. */
export const handlers: HandlerTable = {
  ...workspaceHandlers,
  ...importsHandlers,
  ...exportsHandlers,
  ...analyticsHandlers,
  ...backupsHandlers,
  ...loopHandlers,
  ...configHandlers,
  ...recordsHandlers,
}
