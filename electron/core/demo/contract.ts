import type { SeedContract, SeedPayment, SeedPaymentPlan } from '../store/seed'
import { installmentNotes, type Lang } from './phrases'
import type { Random } from './random'
import { addDays, isoDate, isoMoment, officeMoment } from './time'

export interface ContractBundle {
  contract: SeedContract
  plans: SeedPaymentPlan[]
  payments: SeedPayment[]
}

export interface WonDeal {
  contractId: number
  opportunityId: number
  accountId: number
  amount: number
  currency: string
  signedMs: number
  /** How long the service runs: a year for subscriptions, longer for projects. */
  termDays: number
  lang: Lang
}

/** Common ways Chinese B2B contracts split the money. */
const installmentShares: readonly (readonly number[])[] = [[1], [0.3, 0.7], [0.3, 0.6, 0.1], [0.5, 0.5], [0.4, 0.3, 0.3]]

/**
 * The contract of a won deal, its payment plan and what has been received by
 * the anchor. Most installments due are paid on time or a little late; some
 * are paid in part or not at all, which makes them overdue.
 */
export function contractFor(rng: Random, deal: WonDeal, anchorMs: number): ContractBundle {
  const startMs = addDays(deal.signedMs, rng.int(0, 14))
  const contract: SeedContract = {
    id: deal.contractId,
    opportunityId: deal.opportunityId,
    accountId: deal.accountId,
    number: `HT-${isoDate(deal.signedMs).slice(0, 4)}-${String(deal.contractId).padStart(6, '0')}`,
    amount: deal.amount,
    currency: deal.currency,
    signedDate: isoDate(deal.signedMs),
    startDate: isoDate(startMs),
    endDate: isoDate(addDays(startMs, deal.termDays - 1)),
    createdAt: isoMoment(deal.signedMs),
    updatedAt: isoMoment(deal.signedMs),
  }
  const plans = paymentPlans(rng, deal)
  const payments = plans.flatMap((plan) => paymentsFor(rng, plan, deal, anchorMs))
  return { contract, plans, payments }
}

function paymentPlans(rng: Random, deal: WonDeal): SeedPaymentPlan[] {
  const shares = rng.pick(installmentShares)
  const notes = installmentNotes[deal.lang]
  let dueMs = addDays(deal.signedMs, rng.int(0, 15))
  let planned = 0
  return shares.map((share, i) => {
    const last = i === shares.length - 1
    // The last installment takes the rounding remainder so the plan adds up exactly.
    const amount = last ? round2(deal.amount - planned) : round2(deal.amount * share)
    planned += amount
    const plan = {
      contractId: deal.contractId,
      dueDate: isoDate(dueMs),
      amount,
      note: shares.length === 1 ? notes.only : i === 0 ? notes.first : last ? notes.last : notes.middle,
    }
    dueMs = addDays(dueMs, rng.int(30, 120))
    return plan
  })
}

function paymentsFor(rng: Random, plan: SeedPaymentPlan, deal: WonDeal, anchorMs: number): SeedPayment[] {
  const dueMs = Date.parse(plan.dueDate)
  if (dueMs > anchorMs) return []
  const outcome = rng.weighted([['paid', 82], ['partial', 6], ['unpaid', 12]] as const)
  if (outcome === 'unpaid') return []
  const receivedMs = Math.min(anchorMs, Math.max(deal.signedMs, officeMoment(rng, addDays(dueMs, rng.int(-3, 25)))))
  return [
    {
      contractId: deal.contractId,
      receivedDate: isoDate(receivedMs),
      amount: outcome === 'paid' ? plan.amount : round2(plan.amount / 2),
      note: rng.chance(0.3) ? (deal.lang === 'zh' ? '银行转账' : 'Wire transfer') : null,
      createdAt: isoMoment(receivedMs),
    },
  ]
}

function round2(value: number): number {
  return Math.round(value * 100) / 100
}
