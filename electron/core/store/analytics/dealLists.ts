import type { Database } from 'better-sqlite3'
import { allRows, dealScope, inBase, inSpan, isRotting, raw, sql, type DateSpan, type Fragment, type Scope } from './sql'

/** The deals behind the weekly review's lists, one row per deal with what a manager reads about it. */
export interface DealRow {
  id: number
  name: string
  accountName: string | null
  stageNameZh: string
  stageNameEn: string
  stageKind: 'open' | 'won' | 'lost'
  ownerId: number | null
  amount: number | null
  currency: string
  /** Null when the deal has no amount. */
  baseAmount: number | null
  probability: number
  expectedCloseDate: string | null
  source: string | null
  productLine: string | null
  createdAt: string
  closedAt: string | null
  lossReason: string | null
  competitor: string | null
  lossNote: string | null
  lastActivityAt: string | null
  stageEnteredAt: string
  isRotting: number
}

function selectDeals(db: Database, scope: Scope, now: string, condition: Fragment, order: string): DealRow[] {
  return allRows(
    db,
    sql`SELECT o.id, o.name, a.name AS accountName, s.name_zh AS stageNameZh, s.name_en AS stageNameEn, s.kind AS stageKind,
        o.owner_id AS ownerId, o.amount, o.currency, ${inBase(db, scope.baseCurrency, 'o.amount', 'o.currency')} AS baseAmount, o.probability,
        o.expected_close_date AS expectedCloseDate, o.source, o.product_line AS productLine, o.created_at AS createdAt,
        o.closed_at AS closedAt, o.loss_reason AS lossReason, o.competitor, o.loss_note AS lossNote,
        o.last_activity_at AS lastActivityAt, o.stage_entered_at AS stageEnteredAt,
        ${isRotting(now)} AS isRotting
      FROM opportunities o JOIN stages s ON s.id = o.stage_id LEFT JOIN accounts a ON a.id = o.account_id
      WHERE ${dealScope(scope)} AND ${condition}
      ORDER BY ${raw(order)}`,
  )
}

export const dealsCreated = (db: Database, scope: Scope, now: string, span: DateSpan) =>
  selectDeals(db, scope, now, inSpan('o.created_at', span), 'o.created_at, o.id')

export const dealsClosed = (db: Database, scope: Scope, now: string, kind: 'won' | 'lost', span: DateSpan) =>
  selectDeals(db, scope, now, sql`s.kind = ${kind} AND o.closed_at IS NOT NULL AND ${inSpan('o.closed_at', span)}`, 'o.closed_at, o.id')

/** Open deals gone stale, or whose expected close date has passed. */
export const dealsStaleOrOverdue = (db: Database, scope: Scope, now: string) =>
  selectDeals(
    db,
    scope,
    now,
    sql`s.kind = 'open' AND (${isRotting(now)} = 1 OR o.expected_close_date < ${now.slice(0, 10)})`,
    'o.owner_id, o.expected_close_date, o.id',
  )

/** Open deals, and deals closed in the span: a rep's week on one sheet. */
export const dealsOpenOrClosedIn = (db: Database, scope: Scope, now: string, span: DateSpan) =>
  selectDeals(
    db,
    scope,
    now,
    sql`(s.kind = 'open' OR (o.closed_at IS NOT NULL AND ${inSpan('o.closed_at', span)}))`,
    'o.owner_id, s.kind DESC, o.expected_close_date, o.id',
  )
