import type { Dayjs } from 'dayjs'
import type { z } from 'zod'
import type { OpportunityInput } from '../../../../../shared/entities'

type Input = z.input<typeof OpportunityInput>
type DateField = 'expectedCloseDate' | 'nextFollowUpDate' | 'signedDate'

/** What the form's controls hold: the contract's input, with date pickers' Dayjs values. */
export type OpportunityFormValues = Partial<Omit<Input, DateField>> & {
  [K in DateField]?: Dayjs | null
}

const emptyToNull = <T>(value: T | '' | undefined): T | null => (value === undefined || value === '' ? null : value)
const isoDate = (value: Dayjs | null | undefined) => value?.format('YYYY-MM-DD') ?? null

/** Turns the form's values into the shape `opportunities.create` validates. */
export function toOpportunityInput(values: OpportunityFormValues): Input {
  return {
    name: values.name ?? '',
    accountId: values.accountId ?? null,
    stageId: values.stageId as number,
    amount: values.amount ?? null,
    currency: values.currency,
    probability: values.probability ?? null,
    expectedCloseDate: isoDate(values.expectedCloseDate),
    ownerId: values.ownerId ?? null,
    source: values.source ?? null,
    productLine: values.productLine ?? null,
    nextStep: emptyToNull(values.nextStep?.trim()),
    nextFollowUpDate: isoDate(values.nextFollowUpDate),
    lossReason: values.lossReason ?? null,
    competitor: emptyToNull(values.competitor?.trim()),
    signedDate: isoDate(values.signedDate),
  }
}
