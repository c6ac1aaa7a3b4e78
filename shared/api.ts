import { z } from 'zod'
import {
  Account,
  AccountInput,
  Activity,
  ActivityInput,
  AuditEntry,
  Contact,
  ContactInput,
  Lead,
  LeadInput,
  Opportunity,
  OpportunityInput,
  OpportunityPatch,
  GridInputs,
  GridPatches,
  PicklistItem,
  Pipeline,
  SavedView,
  SavedViewInput,
  Stage,
  StageHistoryEntry,
  Task,
  TaskInput,
  TrashItem,
  User,
} from './entities'
import { EntityType, GridEntity, Locale, TaskStatus, TrashableEntity } from './enums'
import { Id, IsoDateTime, Version } from './primitives'
import { ById, Done, Empty, method } from './methods/define'
import { WorkspaceStats } from './stats'
import { importsMethods } from './methods/imports'
import { exportsMethods } from './methods/exports'
import { loopMethods } from './methods/loop'
import { analyticsMethods } from './methods/analytics'
import { backupsMethods } from './methods/backups'
import { configMethods } from './methods/config'
import { recordsMethods } from './methods/records'
import { GroupQuery, GroupRow, WindowQueries, windowResult } from './query'


export const DEMO_MAX_SCALE = 100_000


export const AppInfo = z.object({
  version: z.string(),
  schemaVersion: z.number().int(),
  dbPath: z.string(),
  surface: z.enum(['electron', 'web', 'cli', 'test']),
})
export type AppInfo = z.infer<typeof AppInfo>

export const Settings = z.object({
  locale: Locale.nullable(),
  currentUserId: Id.nullable(),
  baseCurrency: z.string(),
})
export type Settings = z.infer<typeof Settings>

export const OpportunityDetail = z.object({
  opportunity: Opportunity,
  account: Account.nullable(),
  contacts: z.array(Contact),
  stageHistory: z.array(StageHistoryEntry.extend({ daysInStage: z.number() })),
  activities: z.array(Activity),
  tasks: z.array(Task),
  audit: z.array(AuditEntry),
})
export type OpportunityDetail = z.infer<typeof OpportunityDetail>

export const LookupResult = z.array(z.object({ id: Id, name: z.string() }))


/** The most rows one paste or bulk edit may touch in one transaction. */
export const MAX_BATCH = 5000

const changesOf = <E extends keyof typeof GridPatches>(entity: E) =>
  z
    .object({
      entity: z.literal(entity),
      changes: z.array(z.object({ id: Id, version: Version, patch: GridPatches[entity] }).strict()).min(1).max(MAX_BATCH),
    })
    .strict()

const creationsOf = <E extends keyof typeof GridInputs>(entity: E) =>
  z.object({ entity: z.literal(entity), rows: z.array(GridInputs[entity]).min(1).max(MAX_BATCH) }).strict()

/** One batch of grid edits: all rows commit together or none does. */
export const GridUpdate = z.discriminatedUnion('entity', [
  changesOf('opportunity'),
  changesOf('lead'),
  changesOf('account'),
  changesOf('contact'),
  changesOf('task'),
  changesOf('activity'),
])
export type GridUpdate = z.infer<typeof GridUpdate>

export const GridCreate = z.discriminatedUnion('entity', [
  creationsOf('opportunity'),
  creationsOf('lead'),
  creationsOf('account'),
  creationsOf('contact'),
  creationsOf('task'),
])
export type GridCreate = z.infer<typeof GridCreate>

const RowVersions = z.object({ rows: z.array(z.object({ id: Id, version: Version })) })

/** Records, grids, views and settings: the methods every screen stands on. */
const workspaceMethods = {
  'app.info': method(Empty, AppInfo),
  'settings.get': method(Empty, Settings),
  'settings.update': method(Settings.partial().strict(), Settings),

  'workspace.stats': method(Empty, WorkspaceStats),
  'workspace.loadDemo': method(
    z.object({ scale: z.number().int().min(1).max(DEMO_MAX_SCALE).optional() }).strict(),
    WorkspaceStats,
  ),

  'users.list': method(Empty, z.array(User)),
  'pipelines.list': method(Empty, z.array(Pipeline)),
  'stages.list': method(z.object({ pipelineId: Id.optional() }).strict(), z.array(Stage)),
  'picklists.list': method(Empty, z.array(PicklistItem)),

  'opportunities.list': method(WindowQueries.opportunity, windowResult(Opportunity)),
  'opportunities.get': method(ById, Opportunity),
  'opportunities.detail': method(ById, OpportunityDetail),
  'opportunities.create': method(OpportunityInput, Opportunity),
  'opportunities.update': method(
    z.object({ id: Id, version: Version, patch: OpportunityPatch }).strict(),
    Opportunity,
  ),
  'opportunities.delete': method(z.object({ id: Id, version: Version }).strict(), Done),

  'accounts.list': method(WindowQueries.account, windowResult(Account)),
  'accounts.lookup': method(
    z.object({ query: z.string().trim().max(200), limit: z.number().int().min(1).max(50).default(20) }).strict(),
    LookupResult,
  ),
  'accounts.create': method(AccountInput, Account),
  'contacts.list': method(WindowQueries.contact, windowResult(Contact)),
  'contacts.create': method(ContactInput, Contact),
  'leads.list': method(WindowQueries.lead, windowResult(Lead)),
  'leads.create': method(LeadInput, Lead),
  'activities.list': method(WindowQueries.activity, windowResult(Activity)),
  'activities.create': method(ActivityInput, Activity),
  'tasks.list': method(WindowQueries.task, windowResult(Task)),
  'tasks.create': method(TaskInput, Task),
  'tasks.setStatus': method(z.object({ id: Id, version: Version, status: TaskStatus }).strict(), Task),

  'grid.update': method(GridUpdate, RowVersions),
  'grid.create': method(GridCreate, RowVersions),
  'grid.delete': method(
    z
      .object({
        entity: TrashableEntity,
        rows: z.array(z.object({ id: Id, version: Version }).strict()).min(1).max(MAX_BATCH),
      })
      .strict(),
    Done,
  ),
  'grid.groups': method(GroupQuery, z.array(GroupRow)),

  'views.list': method(z.object({ entity: GridEntity }).strict(), z.array(SavedView)),
  'views.save': method(SavedViewInput.strict(), SavedView),
  'views.delete': method(ById, Done),

  'audit.list': method(
    z.object({ entityType: EntityType, entityId: Id, limit: z.number().int().min(1).max(1000).default(200) }).strict(),
    z.array(AuditEntry),
  ),
  'trash.list': method(Empty, z.array(TrashItem)),
  'trash.restore': method(z.object({ entityType: TrashableEntity, entityId: Id }).strict(), Done),
} as const

/**
 * Every method the workbench exposes, on every surface. The handler table,
 * the IPC bridge, the web host and the renderer's client are all typed from
 * this one table, composed of one group per domain (shared/methods/*).
 */
export const Api = {
  ...workspaceMethods,
  ...importsMethods,
  ...exportsMethods,
  ...loopMethods,
  ...analyticsMethods,
  ...backupsMethods,
  ...configMethods,
  ...recordsMethods,
} as const

export type Api = typeof Api
export { WorkspaceStats }
export type MethodName = keyof Api
export type MethodInput<M extends MethodName> = z.input<Api[M]['input']>
export type ParsedInput<M extends MethodName> = z.output<Api[M]['input']>
export type MethodOutput<M extends MethodName> = z.output<Api[M]['output']>

export const MethodNames = Object.keys(Api) as MethodName[]

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(Api, name)
}

/** Who is calling and in which language they read. Sent with every call. */
export const CallMeta = z
  .object({
    locale: Locale.default('zh-CN'),
    userId: Id.nullable().default(null),
  })
  .strict()
export type CallMeta = z.infer<typeof CallMeta>

export const Stamp = IsoDateTime
