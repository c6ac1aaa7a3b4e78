import type { Database } from 'better-sqlite3'
import { allRows, currencyFactor, dealIdIn, inBase, inSpan, oneRow, sql, type DateSpan, type Fragment, type Scope } from './sql'

export interface CollectionFigures {
  /** Instalments due and payments received per month of the span, in the base currency. */
  months: { month: string; due: number; received: number }[]
  /** What is overdue today: per contract, instalments due before today less everything received, when positive. */
  overdue: { amount: number; contracts: number }
}

export function collectionFigures(db: Database, scope: Scope, span: DateSpan, today: string): CollectionFigures {
  return { months: monthFigures(db, scope, span), overdue: overdueFigures(db, scope, today) }
}

/** Live contracts (alias `c`) of deals in scope; the planner reads them off their narrow index (migration 013), not their rows. */
const liveContracts = (scope: Scope): Fragment =>
  sql`CROSS JOIN contracts c ON c.id = x.contract_id
    WHERE c.deleted_at IS NULL AND ${dealIdIn(scope, 'c.opportunity_id')}`

/**
 * Instalments falling due and payments received in the span, per month: only
 * those rows are read. Summed per day first, in the order the date indexes
 * already give, so that only those day totals are sorted into months.
 */
function monthFigures(db: Database, scope: Scope, span: DateSpan): CollectionFigures['months'] {
  const amount = inBase(db, scope.baseCurrency, 'x.amount', 'c.currency')
  return allRows(
    db,
    sql`SELECT substr(day, 1, 7) AS month, total(due) AS due, total(received) AS received FROM (
        SELECT x.due_date AS day, total(${amount}) AS due, 0 AS received
          FROM payment_plans x ${liveContracts(scope)} AND ${inSpan('x.due_date', span)} GROUP BY x.due_date
        UNION ALL
        SELECT x.received_date, 0, total(${amount})
          FROM payments x ${liveContracts(scope)} AND ${inSpan('x.received_date', span)} GROUP BY x.received_date)
      GROUP BY 1 ORDER BY 1`,
  )
}

/**
 * Only contracts whose first unpaid due date (contract_dues, migration 010)
 * is before today can owe anything today. Each is weighed as before, what
 * fell due before today less everything received; for a contract whose last
 * instalment fell due before today, that is its kept totals (migration 012).
 */
function overdueFigures(db: Database, scope: Scope, today: string): CollectionFigures['overdue'] {
  return oneRow(
    db,
    sql`WITH owed AS MATERIALIZED (
        SELECT ${currencyFactor(db, scope.baseCurrency, 'c.currency')} AS factor,
          CASE WHEN x.last_due < ${today} THEN x.due_total
            ELSE (SELECT total(pp.amount) FROM payment_plans pp WHERE pp.contract_id = c.id AND pp.due_date < ${today}) END
          - x.received AS gap
        FROM contract_dues x ${liveContracts(scope)} AND x.first_unpaid_due < ${today})
      SELECT total(gap * factor) AS amount, count(*) AS contracts FROM owed WHERE gap > 0.005`,
  )
}
