import type { Database } from 'better-sqlite3'
import type { SalesTarget } from '../../../../shared/methods/analytics'
import { allRows, inList, raw, sql } from './sql'

/** Sales targets per month, for one owner or (owner null) for the whole team. */

export function listTargets(db: Database, from: string | null, to: string | null): SalesTarget[] {
  return allRows(
    db,
    sql`SELECT month, owner_id AS ownerId, amount FROM sales_targets
      WHERE month >= ${from ?? '0000-00'} AND month <= ${to ?? '9999-99'} ORDER BY month, owner_id NULLS FIRST`,
  )
}

/** Sets one target, or clears it when `amount` is null. */
export function putTarget(db: Database, target: { month: string; ownerId: number | null; amount: number | null }, now: string): void {
  db.prepare('DELETE FROM sales_targets WHERE month = ? AND coalesce(owner_id, 0) = coalesce(?, 0)').run(target.month, target.ownerId)
  if (target.amount === null) return
  db.prepare('INSERT INTO sales_targets (month, owner_id, amount, updated_at) VALUES (?, ?, ?, ?)').run(
    target.month,
    target.ownerId,
    target.amount,
    now,
  )
}

export interface MonthTarget {
  month: string
  team: number | null
  owners: number | null
}

/**
 * Per month: the team's own target and the sum of the owners' targets
 * (only the given owners' when a list is given). Null where none is set.
 */
export function targetsByMonth(db: Database, from: string, to: string, ownerIds: readonly number[] | null): MonthTarget[] {
  const owners = ownerIds ? inList('owner_id', ownerIds) : raw('owner_id IS NOT NULL')
  return allRows(
    db,
    sql`SELECT month, sum(CASE WHEN owner_id IS NULL THEN amount END) AS team,
        sum(CASE WHEN owner_id IS NOT NULL AND ${owners} THEN amount END) AS owners
      FROM sales_targets WHERE month >= ${from} AND month <= ${to} GROUP BY month`,
  )
}
