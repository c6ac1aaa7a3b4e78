import type { Database } from 'better-sqlite3'
import type { PicklistItem, Pipeline, Stage } from '../../../shared/entities'
import type { EntityType } from '../../../shared/enums'
import { normalizeCompanyName, normalizeEmail, normalizePhone } from '../domain/normalize'
import { toColumn } from './records'
import { listPicklists, listPipelines, listStages } from './reference'

/**
 * Bulk inserts for generated workspaces (the demo). Rows arrive complete with
 * their ids and timestamps; the writer only adds the derived *_norm columns,
 * binds everything as parameters and counts what it wrote.
 */

export interface SeedUser {
  id: number
  name: string
  nameEn: string
  email: string
  role: 'rep' | 'manager'
  team: string
  createdAt: string
}

export interface SeedAccount {
  id: number
  name: string
  industry: string | null
  region: string | null
  source: string | null
  ownerId: number | null
  phone: string | null
  email: string | null
  website: string | null
  address: string | null
  notes: string | null
  createdAt: string
  updatedAt: string
}

export interface SeedContact {
  id: number
  accountId: number
  name: string
  title: string | null
  phone: string | null
  email: string | null
  wechat: string | null
  birthday: string | null
  ownerId: number | null
  notes: string | null
  createdAt: string
  updatedAt: string
}

export interface SeedLead {
  id: number
  company: string
  contactName: string | null
  phone: string | null
  email: string | null
  source: string | null
  region: string | null
  industry: string | null
  productInterest: string | null
  status: 'new' | 'contacted' | 'qualified' | 'converted' | 'disqualified'
  grade: 'A' | 'B' | 'C' | null
  score: number | null
  ownerId: number | null
  claimedAt: string | null
  lastActivityAt: string | null
  nextFollowUpDate: string | null
  convertedAccountId: number | null
  convertedContactId: number | null
  convertedOpportunityId: number | null
  notes: string | null
  createdAt: string
  updatedAt: string
}

export interface SeedOpportunity {
  id: number
  name: string
  accountId: number
  contactId: number | null
  leadId: number | null
  pipelineId: number
  stageId: number
  amount: number | null
  currency: string
  probability: number
  expectedCloseDate: string | null
  ownerId: number | null
  source: string | null
  productLine: string | null
  nextStep: string | null
  nextFollowUpDate: string | null
  lastActivityAt: string | null
  lossReason: string | null
  competitor: string | null
  lossNote: string | null
  signedDate: string | null
  forecastCategory: string
  previousOpportunityId: number | null
  stageEnteredAt: string
  closedAt: string | null
  createdAt: string
  updatedAt: string
}

export interface SeedStageChange {
  opportunityId: number
  fromStageId: number | null
  toStageId: number
  changedAt: string
  changedBy: number | null
  batchId: string
}

export interface SeedActivity {
  entityType: 'lead' | 'account' | 'contact' | 'opportunity'
  entityId: number
  type: string
  occurredAt: string
  content: string
  feedback: string | null
  nextPlan: string | null
  nextDate: string | null
  ownerId: number | null
  createdAt: string
  updatedAt: string
}

export interface SeedTask {
  title: string
  dueDate: string
  assigneeId: number | null
  entityType: 'lead' | 'account' | 'contact' | 'opportunity'
  entityId: number
  priority: 'low' | 'normal' | 'high'
  status: 'open' | 'done'
  doneAt: string | null
  createdAt: string
  updatedAt: string
}

export interface SeedContract {
  id: number
  opportunityId: number
  accountId: number
  number: string
  amount: number
  currency: string
  signedDate: string
  startDate: string
  endDate: string
  createdAt: string
  updatedAt: string
}

export interface SeedPaymentPlan {
  contractId: number
  dueDate: string
  amount: number
  note: string
}

export interface SeedPayment {
  contractId: number
  receivedDate: string
  amount: number
  note: string | null
  createdAt: string
}

export interface SeedTagLink {
  tagId: number
  entityType: EntityType
  entityId: number
}

export interface SeedLifecycle {
  id: number
  lifecycle: 'prospect' | 'customer' | 'repeat_customer'
  satisfaction: number | null
}

export interface SeedPipeline extends Pipeline {
  /** Active stages in board order. */
  stages: Stage[]
}

/** The workspace's own pipelines and picklists, so generated rows use its ids and values. */
export interface SeedConfiguration {
  pipelines: SeedPipeline[]
  /** Active values per list key, in display order. */
  picklists: Record<string, PicklistItem[]>
}

/** Tables that receive generated rows, in the order they are written. */
export const seedTables = [
  'users', 'tags', 'accounts', 'contacts', 'leads', 'opportunities', 'stage_history', 'activities', 'tasks',
  'contracts', 'payment_plans', 'payments', 'entity_tags', 'audit_log',
] as const
export type SeedTable = (typeof seedTables)[number]

/** Seeded tables that triggers on other inserts look rows up in (migration 010's contract_dues). */
const readByTriggers: ReadonlySet<SeedTable> = new Set(['payment_plans', 'payments'])

/** Tables whose ids the generator assigns itself, because other rows point at them. */
export type IdTable = 'users' | 'accounts' | 'contacts' | 'leads' | 'opportunities' | 'contracts'

/** One 'create' audit row per generated record, for these tables. */
const audited: readonly { table: SeedTable; entity: EntityType; user: string }[] = [
  { table: 'users', entity: 'user', user: 'NULL' },
  { table: 'accounts', entity: 'account', user: 'owner_id' },
  { table: 'contacts', entity: 'contact', user: 'owner_id' },
  { table: 'leads', entity: 'lead', user: 'owner_id' },
  { table: 'opportunities', entity: 'opportunity', user: 'owner_id' },
  { table: 'activities', entity: 'activity', user: 'owner_id' },
  { table: 'tasks', entity: 'task', user: 'assignee_id' },
  { table: 'contracts', entity: 'contract', user: '(SELECT o.owner_id FROM opportunities o WHERE o.id = opportunity_id)' },
  { table: 'payments', entity: 'payment', user: 'NULL' },
]

export type SeedWriter = ReturnType<typeof createSeedWriter>

export function createSeedWriter(db: Database) {
  const written = Object.fromEntries(seedTables.map((table) => [table, 0])) as Record<SeedTable, number>

  /**
   * A prepared INSERT of the given camelCase fields into their snake_case
   * columns. Values are bound by position, measurably cheaper than by name
   * at a million rows.
   */
  function inserter<Row extends object>(table: SeedTable, fields: readonly (keyof Row & string)[]) {
    const statement = db.prepare(
      `INSERT INTO ${table} (${fields.map(toColumn).join(', ')}) VALUES (${fields.map(() => '?').join(', ')})`,
    )
    const values: unknown[] = new Array(fields.length)
    return (row: Row): void => {
      for (let i = 0; i < fields.length; i++) values[i] = row[fields[i]!]
      statement.run(values)
      written[table]++
    }
  }

  const users = inserter<SeedUser>('users', ['id', 'name', 'nameEn', 'email', 'role', 'team', 'createdAt'])
  const accounts = inserter<SeedAccount & { nameNorm: string }>('accounts', [
    'id', 'name', 'nameNorm', 'industry', 'region', 'source', 'ownerId', 'phone', 'email', 'website', 'address',
    'notes', 'createdAt', 'updatedAt',
  ])
  const contacts = inserter<SeedContact & { phoneNorm: string | null; emailNorm: string | null }>('contacts', [
    'id', 'accountId', 'name', 'title', 'phone', 'phoneNorm', 'email', 'emailNorm', 'wechat', 'birthday', 'ownerId',
    'notes', 'createdAt', 'updatedAt',
  ])
  const leads = inserter<SeedLead & { companyNorm: string; phoneNorm: string | null; emailNorm: string | null }>('leads', [
    'id', 'company', 'companyNorm', 'contactName', 'phone', 'phoneNorm', 'email', 'emailNorm', 'source', 'region',
    'industry', 'productInterest', 'status', 'grade', 'score', 'ownerId', 'claimedAt', 'lastActivityAt',
    'nextFollowUpDate', 'convertedAccountId', 'convertedContactId', 'convertedOpportunityId', 'notes', 'createdAt',
    'updatedAt',
  ])
  const opportunities = inserter<SeedOpportunity>('opportunities', [
    'id', 'name', 'accountId', 'contactId', 'leadId', 'pipelineId', 'stageId', 'amount', 'currency', 'probability',
    'expectedCloseDate', 'ownerId', 'source', 'productLine', 'nextStep', 'nextFollowUpDate', 'lastActivityAt',
    'lossReason', 'competitor', 'lossNote', 'signedDate', 'forecastCategory', 'previousOpportunityId',
    'stageEnteredAt', 'closedAt', 'createdAt', 'updatedAt',
  ])
  const stageChanges = inserter<SeedStageChange>('stage_history', [
    'opportunityId', 'fromStageId', 'toStageId', 'changedAt', 'changedBy', 'batchId',
  ])
  const activities = inserter<SeedActivity>('activities', [
    'entityType', 'entityId', 'type', 'occurredAt', 'content', 'feedback', 'nextPlan', 'nextDate', 'ownerId',
    'createdAt', 'updatedAt',
  ])
  const tasks = inserter<SeedTask>('tasks', [
    'title', 'dueDate', 'assigneeId', 'entityType', 'entityId', 'priority', 'status', 'doneAt', 'createdAt', 'updatedAt',
  ])
  const contracts = inserter<SeedContract>('contracts', [
    'id', 'opportunityId', 'accountId', 'number', 'amount', 'currency', 'signedDate', 'startDate', 'endDate',
    'createdAt', 'updatedAt',
  ])
  const paymentPlans = inserter<SeedPaymentPlan>('payment_plans', ['contractId', 'dueDate', 'amount', 'note'])
  const payments = inserter<SeedPayment>('payments', ['contractId', 'receivedDate', 'amount', 'note', 'createdAt'])
  const tagLinks = inserter<SeedTagLink>('entity_tags', ['tagId', 'entityType', 'entityId'])

  const addTag = db.prepare('INSERT INTO tags (name, color) VALUES (?, ?) ON CONFLICT(name) DO NOTHING')
  const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck()
  const setLifecycle = db.prepare('UPDATE accounts SET lifecycle = @lifecycle, satisfaction = @satisfaction WHERE id = @id')

  return {
    /** Runs `work` in one IMMEDIATE transaction: all of it lands, or none. */
    runInTransaction<T>(work: () => T): T {
      return db.transaction(work).immediate()
    },

    /**
     * Runs `work` with the secondary indexes of the seeded tables dropped, then
     * rebuilds them: one sorted build is far cheaper than a million random
     * inserts into each. Must run inside runInTransaction, so that a failure
     * rolls the indexes back together with the rows. The indexes of the
     * tables that insert triggers read back (a contract's instalments and
     * payments, for its first unpaid due date) stay: without them each insert
     * would scan the table.
     */
    withIndexesRebuiltAfter<T>(work: () => T): T {
      if (!db.inTransaction) throw new Error('withIndexesRebuiltAfter needs a transaction')
      const dropped = seedTables.filter((table) => !readByTriggers.has(table))
      const indexes = db
        .prepare(
          `SELECT name, sql FROM sqlite_master
           WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${dropped.map(() => '?').join(', ')})`,
        )
        .all(...dropped) as { name: string; sql: string }[]
      for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`)
      const result = work()
      for (const index of indexes) db.exec(index.sql)
      return result
    },

    /** The demo only goes into a workspace without business records, trashed ones included. */
    isWorkspaceEmpty(): boolean {
      return !db
        .prepare(
          `SELECT EXISTS (SELECT 1 FROM accounts) OR EXISTS (SELECT 1 FROM leads)
             OR EXISTS (SELECT 1 FROM opportunities)`,
        )
        .pluck()
        .get()
    },

    configuration(): SeedConfiguration {
      const stages = listStages(db).filter((stage) => stage.active)
      const picklists: Record<string, PicklistItem[]> = {}
      for (const item of listPicklists(db).filter((p) => p.active)) (picklists[item.listKey] ??= []).push(item)
      return {
        pipelines: listPipelines(db).map((p) => ({ ...p, stages: stages.filter((s) => s.pipelineId === p.id) })),
        picklists,
      }
    },

    /** The highest id in each table, so generated ids continue after rows already there. */
    lastIds(): Record<SeedTable, number> {
      const maxId = (table: SeedTable) => db.prepare(`SELECT coalesce(max(rowid), 0) FROM ${table}`).pluck().get() as number
      return Object.fromEntries(seedTables.map((table) => [table, maxId(table)])) as Record<SeedTable, number>
    },

    /** Creates the tag if absent; returns its id either way. */
    ensureTag(name: string, color: string): number {
      if (addTag.run(name, color).changes > 0) written.tags++
      return tagId.get(name) as number
    },

    insertUser: users,
    insertAccount: (row: SeedAccount) => accounts({ ...row, nameNorm: normalizeCompanyName(row.name) }),
    insertContact: (row: SeedContact) =>
      contacts({ ...row, phoneNorm: normalizePhone(row.phone), emailNorm: normalizeEmail(row.email) }),
    insertLead: (row: SeedLead) =>
      leads({
        ...row,
        companyNorm: normalizeCompanyName(row.company),
        phoneNorm: normalizePhone(row.phone),
        emailNorm: normalizeEmail(row.email),
      }),
    insertOpportunity: opportunities,
    insertStageChange: stageChanges,
    insertActivity: activities,
    insertTask: tasks,
    insertContract: contracts,
    insertPaymentPlan: paymentPlans,
    insertPayment: payments,
    insertTagLink: tagLinks,

    setAccountLifecycle(row: SeedLifecycle): void {
      setLifecycle.run(row)
    },

    /**
     * One 'create' row per record added after `since`, stamped with the
     * record's own creation time. Done set-wise in SQL because it is the
     * largest table of all and needs nothing from the generator.
     */
    writeCreateAudit(batchId: string, since: Record<SeedTable, number>): void {
      for (const { table, entity, user } of audited) {
        written.audit_log += db
          .prepare(
            `INSERT INTO audit_log (at, user_id, entity_type, entity_id, action, batch_id)
             SELECT created_at, ${user}, ?, id, 'create', ? FROM ${table} WHERE id > ? ORDER BY id`,
          )
          .run(entity, batchId, since[table]).changes
      }
    },

    /** Rows written so far, per table. */
    written(): Record<SeedTable, number> {
      return { ...written }
    },
  }
}
