import type { Dayjs } from 'dayjs'
import type { z } from 'zod'
import type { CustomValuesInput } from '../../../../../shared/entities'
import type { Currency } from '../../../../../shared/enums'
import type { ContractInput } from '../../../../../shared/methods/loop'

export interface InstalmentValues {
  dueDate?: Dayjs | null
  amount?: number | null
  note?: string
}

/** What the win dialog's controls hold. */
export interface WinFormValues {
  amount?: number | null
  currency?: Currency
  number?: string
  signedDate?: Dayjs | null
  startDate?: Dayjs | null
  endDate?: Dayjs | null
  plan?: InstalmentValues[]
  /** Custom values the won stage requires. */
  custom?: CustomValuesInput
}

const isoDate = (value: Dayjs | null | undefined) => value?.format('YYYY-MM-DD') ?? null

/** Sum of the plan's amounts, to the cent, as the core adds them up. */
export function planTotal(plan: readonly InstalmentValues[] | undefined): number {
  return Math.round((plan ?? []).reduce((sum, row) => sum + (row?.amount ?? 0), 0) * 100) / 100
}

/** Turns the dialog's values into the contract `opportunities.win` records; empty plan rows are left out. */
export function toContractInput(values: WinFormValues): z.input<typeof ContractInput> {
  return {
    number: values.number?.trim() ?? '',
    amount: values.amount ?? 0,
    currency: values.currency,
    signedDate: isoDate(values.signedDate) ?? '',
    startDate: isoDate(values.startDate),
    endDate: isoDate(values.endDate),
    plan: (values.plan ?? [])
      .filter((row) => row && (row.dueDate || row.amount))
      .map((row) => ({ dueDate: isoDate(row.dueDate) ?? '', amount: row.amount ?? 0, note: row.note?.trim() || null })),
  }
}
