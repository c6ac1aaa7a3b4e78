import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { ActivityInput } from '../../shared/entities'
import { ContractInput } from '../../shared/methods/loop'
import { toActivityInput } from '../../renderer/src/modules/followUps/utils/followUpInput'
import { planTotal, toContractInput } from '../../renderer/src/modules/opportunity/utils/winFormValues'

describe('the follow-up form', () => {
  it('sends what the contract accepts: trimmed text, blanks as null, the next date as a calendar day', () => {
    const input = toActivityInput(
      { entityType: 'opportunity', entityId: 7 },
      { type: 'visit', occurredAt: dayjs('2026-11-20T09:30:00Z'), content: '  上门演示  ', feedback: '   ', nextPlan: '报价', nextDate: dayjs('2026-11-27') },
    )
    expect(input).toEqual({
      entityType: 'opportunity',
      entityId: 7,
      type: 'visit',
      occurredAt: '2026-11-20T09:30:00.000Z',
      content: '上门演示',
      feedback: null,
      nextPlan: '报价',
      nextDate: '2026-11-27',
    })
    expect(ActivityInput.safeParse(input).success).toBe(true)
  })

  it('an empty content is refused by the contract, not sent as a blank follow-up', () => {
    const input = toActivityInput({ entityType: 'lead', entityId: 1 }, { type: 'call', content: '   ' })
    expect(ActivityInput.safeParse(input).success).toBe(false)
  })
})

describe('the win dialog', () => {
  const values = {
    number: ' HT-2026-001 ',
    amount: 100000,
    currency: 'CNY' as const,
    signedDate: dayjs('2026-11-20'),
    startDate: dayjs('2026-12-01'),
    endDate: dayjs('2027-11-30'),
    plan: [
      { dueDate: dayjs('2026-12-15'), amount: 40000 },
      { dueDate: null, amount: null },
      { dueDate: dayjs('2027-03-15'), amount: 60000, note: ' 尾款 ' },
    ],
  }

  it('turns the controls into the contract, leaving out blank instalment rows', () => {
    const contract = toContractInput(values)
    expect(contract).toEqual({
      number: 'HT-2026-001',
      amount: 100000,
      currency: 'CNY',
      signedDate: '2026-11-20',
      startDate: '2026-12-01',
      endDate: '2027-11-30',
      plan: [
        { dueDate: '2026-12-15', amount: 40000, note: null },
        { dueDate: '2027-03-15', amount: 60000, note: '尾款' },
      ],
    })
    expect(ContractInput.safeParse(contract).success).toBe(true)
  })

  it('adds the plan to the cent, and a plan over the amount is what the contract refuses', () => {
    expect(planTotal([{ amount: 0.1 }, { amount: 0.2 }, { amount: null }])).toBe(0.3)
    expect(planTotal(undefined)).toBe(0)
    const over = toContractInput({ ...values, amount: 90000 })
    expect(ContractInput.safeParse(over).success).toBe(false)
  })
})
