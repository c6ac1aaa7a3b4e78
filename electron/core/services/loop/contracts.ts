import type { CallMeta, ParsedInput } from '../../../../shared/api'
import type { Opportunity } from '../../../../shared/entities'
import type { Contract, ContractDetail, ContractInput, ContractList } from '../../../../shared/methods/loop'
import type { Core } from '../../core'
import { allocatePayments } from '../../domain/collections'
import { AppError } from '../../errors'
import {
  contractRowsOf,
  currencyRates,
  deletePayment,
  getContractRow,
  insertContract,
  insertPayment,
  paymentsOf,
  planOf,
  plansOf,
  receivedOf,
  replacePlan,
  touchContract,
  updateContract,
  type ContractRow,
  type PlanRow,
} from '../../store/loop/contracts'
import { refreshLifecycles } from '../../store/loop/lifecycle'
import { getGridRow } from '../../store/rows'
import type { WriteContext } from '../../store/writeContext'
import { getSettings } from '../settings'
import { inTransaction, writeContext } from '../context'
import { todayOf } from './who'

/** The contract with its balance, and its instalments with what the payments cover of each. */
function withBalance(row: ContractRow, plan: readonly PlanRow[], received: number, today: string) {
  const { instalments, ...balance } = allocatePayments(row.amount, plan, received, today)
  return { contract: { ...row, ...balance } satisfies Contract, instalments }
}

export function contractDetail(core: Core, id: number): ContractDetail {
  const payments = paymentsOf(core.db, id)
  const received = payments.reduce((sum, p) => sum + p.amount, 0)
  const { contract, instalments } = withBalance(getContractRow(core.db, id), planOf(core.db, id), received, todayOf(core))
  return {
    contract,
    plan: instalments.map(({ instalment, paid, status }) => ({
      id: instalment.id,
      dueDate: instalment.dueDate,
      amount: instalment.amount,
      note: instalment.note,
      paid,
      status,
    })),
    payments,
  }
}

/** Contracts with their balances, worked out in a few queries for any number of contracts. */
export function contractsWithBalance(core: Core, rows: readonly ContractRow[]): Contract[] {
  const ids = rows.map((row) => row.id)
  const plans = plansOf(core.db, ids)
  const received = receivedOf(core.db, ids)
  const today = todayOf(core)
  return rows.map((row) => withBalance(row, plans.get(row.id) ?? [], received.get(row.id) ?? 0, today).contract)
}

/** Sums in the base currency at the rates kept in Settings. */
export function inBaseCurrency(core: Core): { baseCurrency: string; convert: (amount: number, currency: string) => number } {
  const rates = currencyRates(core.db)
  return { baseCurrency: getSettings(core).baseCurrency, convert: (amount, currency) => amount * (rates.get(currency) ?? 1) }
}

export function listContracts(core: Core, input: ParsedInput<'contracts.list'>): ContractList {
  const items = contractsWithBalance(core, contractRowsOf(core.db, input))
  const { baseCurrency, convert } = inBaseCurrency(core)
  const sum = (pick: (c: Contract) => number) => Math.round(items.reduce((total, c) => total + convert(pick(c), c.currency), 0) * 100) / 100
  return {
    items,
    totals: { baseCurrency, amount: sum((c) => c.amount), received: sum((c) => c.received), balance: sum((c) => c.balance), overdue: sum((c) => c.overdue) },
  }
}

/** Records a contract with its plan for a deal, inside the caller's transaction. */
export function insertContractFor(core: Core, ctx: WriteContext, deal: Opportunity, contract: ContractInput): number {
  const id = insertContract(core.db, ctx, deal.id, deal.accountId, {
    number: contract.number,
    amount: contract.amount,
    currency: contract.currency ?? deal.currency,
    signedDate: contract.signedDate,
    startDate: contract.startDate ?? null,
    endDate: contract.endDate ?? null,
  })
  replacePlan(core.db, ctx, id, contract.plan)
  refreshLifecycles(core.db, [deal.accountId])
  return id
}

function emitContract(core: Core, reason: string): void {
  core.events.emit('data-changed', { entities: ['contract', 'payment', 'account'], reason })
}

export function createContract(core: Core, input: ParsedInput<'contracts.create'>, meta: CallMeta): ContractDetail {
  const deal = getGridRow<Opportunity>(core.db, 'opportunity', input.opportunityId)
  if (deal.stageKind !== 'won') {
    throw new AppError('VALIDATION', {
      issues: [{ path: ['opportunityId'], code: 'not_won', message: 'Win the deal first (opportunities.win records its contract)' }],
    })
  }
  const id = inTransaction(core, () => insertContractFor(core, writeContext(core, meta), deal, input.contract))
  emitContract(core, 'create')
  return contractDetail(core, id)
}

export function editContract(core: Core, input: ParsedInput<'contracts.update'>, meta: CallMeta): ContractDetail {
  const { plan, ...fields } = input.patch
  const current = getContractRow(core.db, input.id)
  const amount = fields.amount ?? current.amount
  const planned = (plan ?? planOf(core.db, input.id)).reduce((sum, item) => sum + item.amount, 0)
  if (planned > amount + 0.005) {
    throw new AppError('VALIDATION', { issues: [{ path: ['patch', 'plan'], code: 'too_big', message: 'The payment plan adds up to more than the amount' }] })
  }
  inTransaction(core, () => {
    const ctx = writeContext(core, meta)
    updateContract(core.db, ctx, input.id, input.version, fields)
    if (plan !== undefined) replacePlan(core.db, ctx, input.id, plan)
    refreshLifecycles(core.db, [current.accountId])
  })
  emitContract(core, 'update')
  return contractDetail(core, input.id)
}

export function recordPayment(core: Core, input: ParsedInput<'payments.record'>, meta: CallMeta): ContractDetail {
  getContractRow(core.db, input.contractId)
  inTransaction(core, () => {
    const ctx = writeContext(core, meta)
    insertPayment(core.db, ctx, input.contractId, { receivedDate: input.receivedDate, amount: input.amount, note: input.note ?? null })
    touchContract(core.db, ctx, input.contractId)
  })
  emitContract(core, 'payment')
  return contractDetail(core, input.contractId)
}

export function removePayment(core: Core, input: ParsedInput<'payments.delete'>, meta: CallMeta): ContractDetail {
  const contractId = inTransaction(core, () => {
    const ctx = writeContext(core, meta)
    const id = deletePayment(core.db, ctx, input.id)
    touchContract(core.db, ctx, id)
    return id
  })
  emitContract(core, 'payment')
  return contractDetail(core, contractId)
}
