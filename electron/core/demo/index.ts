import type { Database } from 'better-sqlite3'
import { AppError } from '../errors'
import { createSeedWriter, type IdTable, type SeedTable, type SeedWriter } from '../store/seed'
import { createDemoContext, DEFAULT_SCALE, DEMO_BATCH, type DemoContext } from './context'
import {
  accountLifecycles,
  accounts,
  contacts,
  createAccountHistory,
  leads,
  opportunities,
  users,
  type RecordBundle,
} from './generate'
import { demoTags, type DemoTag } from './names'

export { DEFAULT_SCALE, demoCounts } from './context'

export interface DemoOptions {
  /** Number of deals; everything else grows in proportion. Defaults to 2,500. */
  scale?: number
  /** "Now" for the demo: every date is placed relative to it. */
  anchor: Date
}

export interface DemoSummary {
  scale: number
  anchor: string
  /** Rows written per table. */
  counts: Record<SeedTable, number>
}

/**
 * Fills an empty workspace with a deterministic, bilingual demo: the same
 * scale and anchor always give the same database. Everything is written in
 * one transaction, streamed record by record, so memory stays flat even at
 * 100,000 deals.
 */
export function loadDemoWorkspace(db: Database, options: DemoOptions): DemoSummary {
  const scale = options.scale ?? DEFAULT_SCALE
  if (!Number.isInteger(scale) || scale < 1) throw new AppError('VALIDATION', { scale })
  if (Number.isNaN(options.anchor.getTime())) throw new AppError('VALIDATION', { anchor: String(options.anchor) })
  const writer = createSeedWriter(db)

  return writer.runInTransaction(() => {
    if (!writer.isWorkspaceEmpty()) throw new AppError('WORKSPACE_NOT_EMPTY')
    const before = writer.lastIds()
    const ctx = createDemoContext({
      scale,
      anchor: options.anchor,
      configuration: writer.configuration(),
      firstId: firstIds(before),
      tagIds: ensureTags(writer),
    })

    writer.withIndexesRebuiltAfter(() => {
      writeDemo(writer, ctx)
      writer.writeCreateAudit(DEMO_BATCH, before)
    })
    return { scale, anchor: options.anchor.toISOString(), counts: writer.written() }
  })
}

/** Parents before children, each record as soon as it is generated. */
function writeDemo(writer: SeedWriter, ctx: DemoContext): void {
  for (const user of users(ctx)) writer.insertUser(user)
  for (const bundle of accounts(ctx)) writeBundle(writer, bundle, writer.insertAccount)
  for (const contact of contacts(ctx)) writer.insertContact(contact)
  for (const bundle of leads(ctx)) writeBundle(writer, bundle, writer.insertLead)
  const history = createAccountHistory(ctx.counts.accounts)
  for (const deal of opportunities(ctx, history)) {
    writer.insertOpportunity(deal.opportunity)
    deal.stageChanges.forEach(writer.insertStageChange)
    deal.activities.forEach(writer.insertActivity)
    deal.tasks.forEach(writer.insertTask)
    deal.tags.forEach(writer.insertTagLink)
    if (deal.contract) {
      writer.insertContract(deal.contract.contract)
      deal.contract.plans.forEach(writer.insertPaymentPlan)
      deal.contract.payments.forEach(writer.insertPayment)
    }
  }
  for (const lifecycle of accountLifecycles(ctx, history)) writer.setAccountLifecycle(lifecycle)
}

function writeBundle<Row>(writer: SeedWriter, bundle: RecordBundle<Row>, insert: (row: Row) => void): void {
  insert(bundle.row)
  bundle.activities.forEach(writer.insertActivity)
  bundle.tasks.forEach(writer.insertTask)
  bundle.tags.forEach(writer.insertTagLink)
}

/** Generated ids continue after whatever rows the tables already hold. */
function firstIds(before: Record<SeedTable, number>): Record<IdTable, number> {
  const next = (table: IdTable) => before[table] + 1
  return {
    users: next('users'),
    accounts: next('accounts'),
    contacts: next('contacts'),
    leads: next('leads'),
    opportunities: next('opportunities'),
    contracts: next('contracts'),
  }
}

function ensureTags(writer: SeedWriter): Record<DemoTag, number> {
  const entries = Object.entries(demoTags) as [DemoTag, readonly [string, string]][]
  return Object.fromEntries(entries.map(([key, [name, color]]) => [key, writer.ensureTag(name, color)])) as Record<
    DemoTag,
    number
  >
}
