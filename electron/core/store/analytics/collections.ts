import type { Database } from 'better-sqlite3'
import { allRows, dealIdIn, fxCte, inSpan, sql, type DateSpan, type Scope } from './sql'

export interface CollectionFigures {
  /** Instalments due and payments received per month of the span, in the base currency. */
  months: { month: string; due: number; received: number }[]
  /** What is overdue today: per contract, instalments due before today less everything received, when positive. */
  overdue: { amount: number; contracts: number }
}

/** Both from one statement, so that the contracts in scope are gathered once. */
export function collectionFigures(db: Database, scope: Scope, span: DateSpan, today: string): CollectionFigures {
  const rows = allRows<{ month: string | null; due: number; received: number; contracts: number }>(
    db,
    sql`WITH ${fxCte(scope.baseCurrency)},
      k AS MATERIALIZED (
        SELECT c.id, coalesce(fx.factor, 1) AS factor FROM contracts c LEFT JOIN fx ON fx.currency = c.currency
        WHERE c.deleted_at IS NULL AND ${dealIdIn(scope, 'c.opportunity_id')}),
      -- Contract by contract from the covering indexes of migration 008, with nothing to sort.
      owed AS MATERIALIZED (
        SELECT k.factor,
          (SELECT total(pp.amount) FROM payment_plans pp WHERE pp.contract_id = k.id AND pp.due_date < ${today})
          - (SELECT total(pm.amount) FROM payments pm WHERE pm.contract_id = k.id) AS gap
        FROM k)
      SELECT month, total(due) AS due, total(received) AS received, 0 AS contracts FROM (
        SELECT substr(pp.due_date, 1, 7) AS month, pp.amount * k.factor AS due, 0 AS received
          FROM payment_plans pp CROSS JOIN k ON k.id = pp.contract_id
          WHERE ${inSpan('pp.due_date', span)}
        UNION ALL
        SELECT substr(pm.received_date, 1, 7), 0, pm.amount * k.factor
          FROM payments pm CROSS JOIN k ON k.id = pm.contract_id
          WHERE ${inSpan('pm.received_date', span)})
      GROUP BY month
      UNION ALL
      SELECT NULL, total(gap * factor), 0, count(*) FROM owed WHERE gap > 0.005
      ORDER BY 1 NULLS LAST`,
  )
  const overdue = rows.find((r) => r.month === null)!
  return {
    months: rows.filter((r) => r.month !== null).map(({ month, due, received }) => ({ month: month!, due, received })),
    overdue: { amount: overdue.due, contracts: overdue.contracts },
  }
}
