import type { ColumnType } from '../../../shared/columns'
import type { GridEntity } from '../../../shared/enums'

/** How one whitelisted column reads in SQL. */
export interface ColumnSql {
  /** The value filtered and compared. */
  readonly expr: string
  /** What ordering uses when it differs (owner → owner's name, stage → stage order). */
  readonly sortExpr?: string
}

export interface GridSource {
  /** The entity's own table and alias, e.g. `opportunities o`. */
  readonly from: string
  /** Joined tables by alias; a query joins only those its expressions name. */
  readonly joins?: Readonly<Record<string, string>>
  readonly select: string
  readonly where: string
  readonly columns: Readonly<Record<string, ColumnSql>>
  /** Expressions the quick search looks in. */
  readonly search: readonly string[]
  /** Casts SQLite values to the contract's shape (booleans, JSON). */
  readonly map?: (row: Record<string, unknown>) => unknown
}

const owner = (alias: string, col = 'owner_id') => ({
  expr: `${alias}.${col}`,
  sortExpr: `(SELECT name FROM users WHERE id = ${alias}.${col})`,
})
const plain = (expr: string): ColumnSql => ({ expr })
const stamps = (alias: string) => ({
  createdAt: plain(`${alias}.created_at`),
  updatedAt: plain(`${alias}.updated_at`),
})
const userName = (col: string) => `(SELECT name FROM users WHERE id = ${col})`

/** Custom values arrive as the record's JSON text; the contract sends them as an object. */
const withCustom = (row: Record<string, unknown>) => ({ ...row, custom: JSON.parse((row.custom as string | null) ?? '{}') })

/** A deal rots when an open stage's rotting days pass without activity (wb_now() is the workspace clock). */
const rottingSql = `(s.kind = 'open' AND s.rotting_days IS NOT NULL
  AND julianday(wb_now()) - julianday(max(coalesce(o.last_activity_at, ''), o.stage_entered_at)) > s.rotting_days)`

/** Amounts in the base currency, at the rates kept in Settings. */
export const baseAmountSql = `(o.amount * coalesce((SELECT rate FROM currency_rates WHERE currency = o.currency), 1))`

/**
 * One SQL source per grid entity. Keys here are exactly the keys of
 * `GridColumns` in the contract; a test keeps the two in step.
 */
export const gridSources: Record<GridEntity, GridSource> = {
  opportunity: {
    from: 'opportunities o',
    joins: { s: 'JOIN stages s ON s.id = o.stage_id', a: 'LEFT JOIN accounts a ON a.id = o.account_id' },
    where: 'o.deleted_at IS NULL',
    select: `o.id, o.name, o.account_id AS accountId, a.name AS accountName, o.contact_id AS contactId,
      o.lead_id AS leadId, o.pipeline_id AS pipelineId, o.stage_id AS stageId, s.name_zh AS stageName,
      s.kind AS stageKind, o.amount, o.currency, o.probability,
      CASE WHEN o.amount IS NULL THEN NULL ELSE o.amount * o.probability / 100.0 END AS weightedAmount,
      o.expected_close_date AS expectedCloseDate, o.owner_id AS ownerId, ${userName('o.owner_id')} AS ownerName,
      o.source, o.product_line AS productLine, o.next_step AS nextStep,
      o.next_follow_up_date AS nextFollowUpDate, o.last_activity_at AS lastActivityAt,
      o.loss_reason AS lossReason, o.competitor, o.loss_note AS lossNote, o.signed_date AS signedDate,
      o.forecast_category AS forecastCategory, o.previous_opportunity_id AS previousOpportunityId,
      o.stage_entered_at AS stageEnteredAt, o.closed_at AS closedAt,
      o.created_at AS createdAt, o.updated_at AS updatedAt, o.version, ${rottingSql} AS isRotting, o.custom`,
    map: (row) => ({ ...withCustom(row), isRotting: row.isRotting === 1 }),
    columns: {
      name: plain('o.name'),
      // The trigger-kept sort keys let these sort (and the name filter) use an index with no join.
      accountName: plain('o.sort_account'),
      stageId: { expr: 'o.stage_id', sortExpr: 'o.sort_stage' },
      pipelineId: plain('o.pipeline_id'),
      // Read per deal rather than joined, so the deal's own indexes (which carry stage_id) can drive a query filtered by it.
      stageKind: plain('(SELECT kind FROM stages WHERE id = o.stage_id)'),
      isRotting: plain(rottingSql),
      amount: plain('o.amount'),
      currency: plain('o.currency'),
      probability: plain('o.probability'),
      weightedAmount: plain('(o.amount * o.probability / 100.0)'),
      expectedCloseDate: plain('o.expected_close_date'),
      ownerId: { expr: 'o.owner_id', sortExpr: 'o.sort_owner' },
      source: plain('o.source'),
      productLine: plain('o.product_line'),
      nextStep: plain('o.next_step'),
      nextFollowUpDate: plain('o.next_follow_up_date'),
      lastActivityAt: plain('o.last_activity_at'),
      lossReason: plain('o.loss_reason'),
      competitor: plain('o.competitor'),
      closedAt: plain('o.closed_at'),
      ...stamps('o'),
    },
    search: ['o.name', 'o.sort_account', 'o.next_step'],
  },
  lead: {
    from: 'leads l',
    where: 'l.deleted_at IS NULL',
    select: `l.id, l.company, l.contact_name AS contactName, l.phone, l.email, l.source, l.region, l.industry,
      l.product_interest AS productInterest, l.status, l.grade, l.score, l.owner_id AS ownerId,
      ${userName('l.owner_id')} AS ownerName, l.claimed_at AS claimedAt, l.last_activity_at AS lastActivityAt,
      l.next_follow_up_date AS nextFollowUpDate, l.converted_opportunity_id AS convertedOpportunityId, l.notes,
      l.created_at AS createdAt, l.updated_at AS updatedAt, l.version, l.custom`,
    map: withCustom,
    columns: {
      company: plain('l.company'),
      contactName: plain('l.contact_name'),
      phone: plain('l.phone'),
      email: plain('l.email'),
      source: plain('l.source'),
      region: plain('l.region'),
      industry: plain('l.industry'),
      productInterest: plain('l.product_interest'),
      status: plain('l.status'),
      grade: plain('l.grade'),
      score: plain('l.score'),
      ownerId: owner('l'),
      nextFollowUpDate: plain('l.next_follow_up_date'),
      lastActivityAt: plain('l.last_activity_at'),
      ...stamps('l'),
    },
    search: ['l.company', 'l.contact_name', 'l.phone', 'l.email'],
  },
  account: {
    from: 'accounts a',
    where: 'a.deleted_at IS NULL',
    select: `a.id, a.name, a.industry, a.region, a.source, a.owner_id AS ownerId, ${userName('a.owner_id')} AS ownerName,
      a.lifecycle, a.phone, a.email, a.website, a.address, a.satisfaction, a.notes,
      a.created_at AS createdAt, a.updated_at AS updatedAt, a.version, a.custom`,
    map: withCustom,
    columns: {
      name: plain('a.name'),
      industry: plain('a.industry'),
      region: plain('a.region'),
      source: plain('a.source'),
      lifecycle: plain('a.lifecycle'),
      ownerId: owner('a'),
      phone: plain('a.phone'),
      email: plain('a.email'),
      website: plain('a.website'),
      ...stamps('a'),
    },
    search: ['a.name', 'a.phone', 'a.email'],
  },
  contact: {
    from: 'contacts c',
    joins: { a: 'LEFT JOIN accounts a ON a.id = c.account_id' },
    where: 'c.deleted_at IS NULL',
    select: `c.id, c.account_id AS accountId, a.name AS accountName, c.name, c.title, c.phone, c.email, c.wechat,
      c.birthday, c.owner_id AS ownerId, ${userName('c.owner_id')} AS ownerName, c.notes,
      c.created_at AS createdAt, c.updated_at AS updatedAt, c.version, c.custom`,
    map: withCustom,
    columns: {
      name: plain('c.name'),
      accountName: plain('a.name'),
      title: plain('c.title'),
      phone: plain('c.phone'),
      email: plain('c.email'),
      wechat: plain('c.wechat'),
      birthday: plain('c.birthday'),
      ownerId: owner('c'),
      ...stamps('c'),
    },
    search: ['c.name', 'a.name', 'c.phone', 'c.email'],
  },
  activity: {
    from: 'activities v',
    where: 'v.deleted_at IS NULL',
    select: `v.id, v.entity_type AS entityType, v.entity_id AS entityId, v.type, v.occurred_at AS occurredAt,
      v.content, v.feedback, v.next_plan AS nextPlan, v.next_date AS nextDate, v.owner_id AS ownerId,
      ${userName('v.owner_id')} AS ownerName, v.created_at AS createdAt, v.custom`,
    map: withCustom,
    columns: {
      occurredAt: plain('v.occurred_at'),
      type: plain('v.type'),
      content: plain('v.content'),
      feedback: plain('v.feedback'),
      nextPlan: plain('v.next_plan'),
      nextDate: plain('v.next_date'),
      ownerId: owner('v'),
      createdAt: plain('v.created_at'),
    },
    search: ['v.content', 'v.feedback'],
  },
  task: {
    from: 'tasks t',
    where: 't.deleted_at IS NULL',
    select: `t.id, t.title, t.due_date AS dueDate, t.assignee_id AS assigneeId, ${userName('t.assignee_id')} AS assigneeName,
      t.entity_type AS entityType, t.entity_id AS entityId, t.priority, t.status, t.done_at AS doneAt,
      t.created_at AS createdAt, t.updated_at AS updatedAt, t.version`,
    columns: {
      title: plain('t.title'),
      dueDate: plain('t.due_date'),
      assigneeId: owner('t', 'assignee_id'),
      priority: plain('t.priority'),
      status: plain('t.status'),
      doneAt: plain('t.done_at'),
      ...stamps('t'),
    },
    search: ['t.title'],
  },
}

/** Column types whose filter values are compared as text dates. */
export const dateTypes: ReadonlySet<ColumnType> = new Set(['date', 'datetime'])

/** The table alias every expression of an entity's source is written against. */
export function aliasOf(entity: GridEntity): string {
  return gridSources[entity].from.trim().split(/\s+/)[1]!
}

/** FROM with every join, for reading whole rows. */
export function fullFrom(entity: GridEntity): string {
  const source = gridSources[entity]
  return [source.from, ...Object.values(source.joins ?? {})].join(' ')
}

/** FROM with only the joins that the given SQL fragments refer to. */
export function leanFrom(entity: GridEntity, fragments: readonly string[]): string {
  const source = gridSources[entity]
  const text = fragments.join(' ')
  const needed = Object.entries(source.joins ?? {}).filter(([alias]) => new RegExp(`\\b${alias}\\.`).test(text))
  return [source.from, ...needed.map(([, join]) => join)].join(' ')
}
