import { z } from 'zod'
import { Account, CustomValuesInput, Opportunity } from '../../entities'
import { Currency } from '../../enums'
import { Id, IsoDate, IsoDateTime, Money, Name, OptionalText, Version } from '../../primitives'
import { ById, method } from '../define'

export const PaymentPlanInput = z
  .object({ dueDate: IsoDate, amount: Money.positive(), note: OptionalText(500) })
  .strict()
export type PaymentPlanInput = z.infer<typeof PaymentPlanInput>

const ContractFields = z.object({
  number: Name,
  amount: Money.min(0),
  currency: Currency.optional(),
  signedDate: IsoDate,
  startDate: IsoDate.nullable().optional(),
  endDate: IsoDate.nullable().optional(),
  /** The payment plan (回款计划); its instalments may not add up to more than the amount. */
  plan: z.array(PaymentPlanInput).max(120).default([]),
})

const datesInOrder = (c: { startDate?: string | null; endDate?: string | null }) =>
  !c.startDate || !c.endDate || c.startDate <= c.endDate
const planWithinAmount = (c: { amount?: number; plan?: { amount: number }[] }) =>
  c.amount === undefined || !c.plan || c.plan.reduce((sum, p) => sum + p.amount, 0) <= c.amount + 0.005

export const ContractInput = ContractFields.strict()
  .refine(datesInOrder, { path: ['endDate'], message: 'The end date is before the start date' })
  .refine(planWithinAmount, { path: ['plan'], message: 'The payment plan adds up to more than the contract amount' })
export type ContractInput = z.infer<typeof ContractInput>

// A patch without a plan keeps the plan: the input's default (no instalments) must not apply here.
export const ContractPatch = ContractFields.extend({ plan: z.array(PaymentPlanInput).max(120) })
  .partial()
  .strict().refine(datesInOrder, { path: ['endDate'], message: 'The end date is before the start date' })

export const InstalmentStatus = z.enum(['paid', 'partial', 'overdue', 'upcoming'])

export const PaymentPlanItem = z.object({
  id: Id,
  dueDate: IsoDate,
  amount: z.number(),
  note: z.string().nullable(),
  /** What the payments received so far cover of this instalment, oldest instalment first. */
  paid: z.number(),
  status: InstalmentStatus,
})
export type PaymentPlanItem = z.infer<typeof PaymentPlanItem>

export const Payment = z.object({
  id: Id,
  contractId: Id,
  receivedDate: IsoDate,
  amount: z.number(),
  note: z.string().nullable(),
  createdAt: IsoDateTime,
})
export type Payment = z.infer<typeof Payment>

/** Money of one contract: received, still to collect, and what is past its due date. */
export const ContractBalance = z.object({
  received: z.number(),
  balance: z.number(),
  overdue: z.number(),
  nextDueDate: IsoDate.nullable(),
  nextDueAmount: z.number().nullable(),
})
export type ContractBalance = z.infer<typeof ContractBalance>

export const Contract = z
  .object({
    id: Id,
    opportunityId: Id,
    opportunityName: z.string(),
    accountId: Id.nullable(),
    accountName: z.string().nullable(),
    number: z.string(),
    amount: z.number(),
    currency: Currency,
    signedDate: IsoDate,
    startDate: IsoDate.nullable(),
    endDate: IsoDate.nullable(),
    createdAt: IsoDateTime,
    updatedAt: IsoDateTime,
    version: Version,
  })
  .extend(ContractBalance.shape)
export type Contract = z.infer<typeof Contract>

export const ContractDetail = z.object({ contract: Contract, plan: z.array(PaymentPlanItem), payments: z.array(Payment) })
export type ContractDetail = z.infer<typeof ContractDetail>

export const ContractList = z.object({
  items: z.array(Contract),
  /** Sums in the base currency. */
  totals: z.object({ baseCurrency: z.string(), amount: z.number(), received: z.number(), balance: z.number(), overdue: z.number() }),
})
export type ContractList = z.infer<typeof ContractList>

/** Custom values the won or lost stage requires (or any others), saved together with the move. */
const ClosingCustomValues = CustomValuesInput.optional()

/** 成交 / 复购: win with a contract, lose with a reason, collect, and sell again. */
export const loopContractMethods = {
  /** Moves the deal to its pipeline's won stage and records the contract with its payment plan, together. */
  'opportunities.win': method(
    z.object({ id: Id, version: Version, contract: ContractInput, custom: ClosingCustomValues }).strict(),
    z.object({ opportunity: Opportunity, contract: ContractDetail }),
  ),
  /** Moves the deal to its pipeline's lost stage; the reason comes from the loss-reason picklist. */
  'opportunities.lose': method(
    z
      .object({
        id: Id,
        version: Version,
        lossReason: z.string().trim().min(1).max(100),
        competitor: OptionalText(200),
        lossNote: OptionalText(2000),
        custom: ClosingCustomValues,
      })
      .strict(),
    Opportunity,
  ),
  /** A new deal for the same account, started from a won one and linked to it. */
  'opportunities.repurchase': method(
    z
      .object({
        id: Id,
        name: Name.optional(),
        stageId: Id.optional(),
        amount: Money.min(0).nullable().optional(),
        expectedCloseDate: IsoDate.nullable().optional(),
      })
      .strict(),
    Opportunity,
  ),
  /** A contract for a deal that is already won. */
  'contracts.create': method(z.object({ opportunityId: Id, contract: ContractInput }).strict(), ContractDetail),
  /** Sending `plan` replaces the whole payment plan. */
  'contracts.update': method(z.object({ id: Id, version: Version, patch: ContractPatch }).strict(), ContractDetail),
  'contracts.get': method(ById, ContractDetail),
  'contracts.list': method(
    z
      .object({ accountId: Id.optional(), opportunityId: Id.optional() })
      .strict()
      .refine((q) => q.accountId !== undefined || q.opportunityId !== undefined, { message: 'accountId or opportunityId' }),
    ContractList,
  ),
  'payments.record': method(
    z.object({ contractId: Id, receivedDate: IsoDate, amount: Money.positive(), note: OptionalText(500) }).strict(),
    ContractDetail,
  ),
  'payments.delete': method(ById, ContractDetail),
  'accounts.rateSatisfaction': method(
    z.object({ id: Id, version: Version, satisfaction: z.number().int().min(1).max(5) }).strict(),
    Account,
  ),
} as const
