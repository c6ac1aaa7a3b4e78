import type { Database } from 'better-sqlite3'
import { customEachSql, shadowColumn } from '../customFields'
import { allRows, dealBaseAmount, dealColumn, deals, dealScope, inSpan, raw, sql, type DateSpan, type Fragment, type Scope } from './sql'

/** What a breakdown groups deals by; custom keys come from the live field list (checked by the caller). */
export type BreakdownKey =
  | { kind: 'source' }
  | { kind: 'productLine' }
  | { kind: 'region' }
  | { kind: 'custom'; key: string; multi: boolean }

/**
 * The grouping value and the extra join it needs. A multi-select deal yields
 * one row per value; a deal with none yields one blank row.
 */
function grouping(by: BreakdownKey): { value: string; join: Fragment } {
  switch (by.kind) {
    case 'source':
      return { value: dealColumn('source'), join: raw('') }
    case 'productLine':
      return { value: dealColumn('productLine'), join: raw('') }
    case 'region':
      return { value: 'ra.region', join: raw('LEFT JOIN accounts ra ON ra.id = o.account_id') }
    case 'custom':
      return by.multi
        ? { value: 'cv.value', join: raw(`LEFT JOIN ${customEachSql('o', by.key)} cv`) }
        : { value: `o.${shadowColumn(by.key)}`, join: raw('') }
  }
}

export interface BreakdownCell {
  key: string | null
  /** 'open' now, or 'won' / 'lost' in the span. */
  kind: 'open' | 'won' | 'lost'
  count: number
  amount: number
  weightedAmount: number
}

/** Open deals now, and deals won and lost in the span, per value of the grouping field. */
export function breakdownCells(db: Database, scope: Scope, closed: DateSpan, by: BreakdownKey): BreakdownCell[] {
  const { value, join } = grouping(by)
  const closedAt = dealColumn('closedAt')
  const amount = dealBaseAmount(db, scope)
  return allRows(
    db,
    sql`SELECT ${raw(value)} AS key, s.kind AS kind, count(*) AS count, total(${amount}) AS amount,
        total(${amount} * o.probability / 100.0) AS weightedAmount
      FROM stages s JOIN ${deals} ON o.stage_id = s.id ${join}
      WHERE ${dealScope(scope)} AND (s.kind = 'open'
        OR (s.kind IN ('won', 'lost') AND ${raw(closedAt)} IS NOT NULL AND ${inSpan(closedAt, closed)}))
      GROUP BY 1, 2`,
  )
}
