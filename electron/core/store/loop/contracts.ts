import type { Database } from 'better-sqlite3'
import type { Contract, Payment, PaymentPlanInput } from '../../../../shared/methods/loop'
import { AppError } from '../../errors'
import { writeAudit } from '../audit'
import type { WriteContext } from '../writeContext'

/** A contract row as the contract shows it, before its balance is worked out. */
export type ContractRow = Omit<Contract, 'received' | 'balance' | 'overdue' | 'nextDueDate' | 'nextDueAmount'>

export interface PlanRow {
  id: number
  contractId: number
  dueDate: string
  amount: number
  note: string | null
}

const contractSelect = `SELECT c.id, c.opportunity_id AS opportunityId, o.name AS opportunityName, c.account_id AS accountId,
  a.name AS accountName, c.number, c.amount, c.currency, c.signed_date AS signedDate, c.start_date AS startDate,
  c.end_date AS endDate, c.created_at AS createdAt, c.updated_at AS updatedAt, c.version
  FROM contracts c JOIN opportunities o ON o.id = c.opportunity_id LEFT JOIN accounts a ON a.id = c.account_id`

export interface ContractValues {
  number: string
  amount: number
  currency: string
  signedDate: string
  startDate: string | null
  endDate: string | null
}

const contractColumns: Record<keyof ContractValues, string> = {
  number: 'number',
  amount: 'amount',
  currency: 'currency',
  signedDate: 'signed_date',
  startDate: 'start_date',
  endDate: 'end_date',
}

export function insertContract(
  db: Database,
  ctx: WriteContext,
  opportunityId: number,
  accountId: number | null,
  values: ContractValues,
): number {
  const id = Number(
    db
      .prepare(
        `INSERT INTO contracts (opportunity_id, account_id, number, amount, currency, signed_date, start_date, end_date,
           created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(opportunityId, accountId, values.number, values.amount, values.currency, values.signedDate, values.startDate,
        values.endDate, ctx.now, ctx.now).lastInsertRowid,
  )
  writeAudit(db, ctx, 'contract', id, 'create')
  return id
}

export function getContractRow(db: Database, id: number): ContractRow {
  const row = db.prepare(`${contractSelect} WHERE c.id = ? AND c.deleted_at IS NULL`).get(id) as ContractRow | undefined
  if (!row) throw new AppError('NOT_FOUND', { entity: 'contract', id })
  return row
}

export function contractRowsOf(db: Database, by: { accountId?: number; opportunityId?: number }): ContractRow[] {
  const column = by.opportunityId !== undefined ? 'c.opportunity_id' : 'c.account_id'
  return db
    .prepare(`${contractSelect} WHERE ${column} = ? AND c.deleted_at IS NULL AND o.deleted_at IS NULL ORDER BY c.signed_date DESC, c.id DESC`)
    .all(by.opportunityId ?? by.accountId) as ContractRow[]
}

/** Contracts of one owner's deals that still have money to collect. */
export function openContractRowsOfOwner(db: Database, ownerId: number): ContractRow[] {
  return db
    .prepare(
      `${contractSelect} WHERE o.owner_id = ? AND c.deleted_at IS NULL AND o.deleted_at IS NULL
         AND c.amount > coalesce((SELECT sum(p.amount) FROM payments p WHERE p.contract_id = c.id), 0) + 0.005
       ORDER BY c.id`,
    )
    .all(ownerId) as ContractRow[]
}

/** Optimistic update of a contract's own fields, each change audited. */
export function updateContract(db: Database, ctx: WriteContext, id: number, version: number, values: Partial<ContractValues>): void {
  const current = db.prepare('SELECT * FROM contracts WHERE id = ? AND deleted_at IS NULL').get(id) as Record<string, unknown> | undefined
  if (!current) throw new AppError('NOT_FOUND', { entity: 'contract', id })
  if (current.version !== version) throw new AppError('CONFLICT', { entity: 'contract', id, current })
  const changes = (Object.keys(values) as (keyof ContractValues)[])
    .filter((field) => values[field] !== undefined && (current[contractColumns[field]] ?? null) !== (values[field] ?? null))
    .map((field) => ({ field: contractColumns[field], oldValue: current[contractColumns[field]], newValue: values[field] }))
  touchContract(db, ctx, id, changes.map((c) => [c.field, c.newValue]))
  if (changes.length > 0) writeAudit(db, ctx, 'contract', id, 'update', changes)
}

/** Bumps the contract's version (any change to it or its plan), setting the given columns. */
export function touchContract(db: Database, ctx: WriteContext, id: number, sets: readonly [string, unknown][] = []): void {
  const assignments = sets.map(([column]) => `${column} = ?, `).join('')
  db.prepare(`UPDATE contracts SET ${assignments}updated_at = ?, version = version + 1 WHERE id = ?`).run(
    ...sets.map(([, value]) => value),
    ctx.now,
    id,
  )
}

export function planOf(db: Database, contractId: number): PlanRow[] {
  return db
    .prepare(
      `SELECT id, contract_id AS contractId, due_date AS dueDate, amount, note FROM payment_plans
       WHERE contract_id = ? ORDER BY due_date, id`,
    )
    .all(contractId) as PlanRow[]
}

/** Plans of many contracts at once, grouped by contract. */
export function plansOf(db: Database, contractIds: readonly number[]): Map<number, PlanRow[]> {
  const rows = db
    .prepare(
      `SELECT id, contract_id AS contractId, due_date AS dueDate, amount, note FROM payment_plans
       WHERE contract_id IN (SELECT value FROM json_each(?)) ORDER BY due_date, id`,
    )
    .all(JSON.stringify(contractIds)) as PlanRow[]
  const byContract = new Map<number, PlanRow[]>()
  for (const row of rows) byContract.set(row.contractId, [...(byContract.get(row.contractId) ?? []), row])
  return byContract
}

/** Replaces the payment plan, audited on the contract as one change of its plan. */
export function replacePlan(db: Database, ctx: WriteContext, contractId: number, plan: readonly PaymentPlanInput[]): void {
  const before = planOf(db, contractId).map(({ dueDate, amount, note }) => ({ dueDate, amount, note }))
  db.prepare('DELETE FROM payment_plans WHERE contract_id = ?').run(contractId)
  const insert = db.prepare('INSERT INTO payment_plans (contract_id, due_date, amount, note) VALUES (?, ?, ?, ?)')
  for (const item of plan) insert.run(contractId, item.dueDate, item.amount, item.note ?? null)
  const after = plan.map(({ dueDate, amount, note }) => ({ dueDate, amount, note: note ?? null }))
  if (before.length === 0 && after.length === 0) return
  writeAudit(db, ctx, 'contract', contractId, 'update', [{ field: 'payment_plan', oldValue: before, newValue: after }])
}

export function paymentsOf(db: Database, contractId: number): Payment[] {
  return db
    .prepare(
      `SELECT id, contract_id AS contractId, received_date AS receivedDate, amount, note, created_at AS createdAt
       FROM payments WHERE contract_id = ? ORDER BY received_date, id`,
    )
    .all(contractId) as Payment[]
}

/** Total received per contract. */
export function receivedOf(db: Database, contractIds: readonly number[]): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT contract_id AS id, sum(amount) AS received FROM payments
       WHERE contract_id IN (SELECT value FROM json_each(?)) GROUP BY contract_id`,
    )
    .all(JSON.stringify(contractIds)) as { id: number; received: number }[]
  return new Map(rows.map((row) => [row.id, row.received]))
}

/**
 * Payments are audited on the contract too (field `payment`), so the deal's
 * and the account's history show money coming in, and going out again.
 */
export function insertPayment(
  db: Database,
  ctx: WriteContext,
  contractId: number,
  payment: { receivedDate: string; amount: number; note: string | null },
): number {
  const id = Number(
    db
      .prepare('INSERT INTO payments (contract_id, received_date, amount, note, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(contractId, payment.receivedDate, payment.amount, payment.note, ctx.now).lastInsertRowid,
  )
  writeAudit(db, ctx, 'payment', id, 'create')
  writeAudit(db, ctx, 'contract', contractId, 'update', [{ field: 'payment', oldValue: null, newValue: { id, ...payment } }])
  return id
}

/** Payments are deleted for good (they are corrections); the audit keeps what was removed. Returns the contract. */
export function deletePayment(db: Database, ctx: WriteContext, id: number): number {
  const row = db.prepare('SELECT contract_id AS contractId, received_date AS receivedDate, amount, note FROM payments WHERE id = ?').get(id) as
    | { contractId: number; receivedDate: string; amount: number; note: string | null }
    | undefined
  if (!row) throw new AppError('NOT_FOUND', { entity: 'payment', id })
  db.prepare('DELETE FROM payments WHERE id = ?').run(id)
  const { contractId, ...payment } = row
  writeAudit(db, ctx, 'payment', id, 'delete')
  writeAudit(db, ctx, 'contract', contractId, 'update', [{ field: 'payment', oldValue: { id, ...payment }, newValue: null }])
  return contractId
}

/** Rates to the base currency, as kept in Settings. */
export function currencyRates(db: Database): Map<string, number> {
  const rows = db.prepare('SELECT currency, rate FROM currency_rates').all() as { currency: string; rate: number }[]
  return new Map(rows.map((row) => [row.currency, row.rate]))
}
