import { describe, expect, it } from 'vitest'
import { buildFixture } from './fixture'

const Q4 = { from: '2026-10-01', to: '2026-12-31' }

describe('collections and repurchase', () => {
  it('sets instalments due against payments received per month, in CNY, and what is overdue today', async () => {
    const fx = await buildFixture()
    const { ws, deal } = fx
    const d1 = await ws.call('contracts.create', {
      opportunityId: deal.D1,
      contract: {
        number: 'C-1',
        amount: 100_000,
        signedDate: '2026-11-10',
        plan: [
          { dueDate: '2026-11-15', amount: 30_000 },
          { dueDate: '2026-12-15', amount: 70_000 },
        ],
      },
    })
    await ws.call('payments.record', { contractId: d1.contract.id, receivedDate: '2026-11-12', amount: 20_000 })
    const d8 = await ws.call('contracts.create', {
      opportunityId: deal.D8,
      contract: { number: 'C-8', amount: 5_000, currency: 'USD', signedDate: '2026-09-15', plan: [{ dueDate: '2026-10-10', amount: 5_000 }] },
    })
    await ws.call('payments.record', { contractId: d8.contract.id, receivedDate: '2026-10-20', amount: 2_000 })

    const all = await ws.call('analytics.collections', { period: Q4 })
    // USD at 7.0: C-8's 5,000 due is 35,000 and its 2,000 received 14,000.
    expect(all.months).toEqual([
      { month: '2026-10', due: 35_000, received: 14_000 },
      { month: '2026-11', due: 30_000, received: 20_000 },
      { month: '2026-12', due: 70_000, received: 0 },
    ])
    expect([all.due, all.received]).toEqual([135_000, 34_000])
    // Today is 11-20: C-1 owes 30,000 − 20,000; C-8 owes 3,000 USD.
    expect(all.overdue).toEqual({ amount: 31_000, contracts: 2 })

    const bob = await ws.call('analytics.collections', { period: Q4, ownerIds: [fx.bob] })
    expect(bob.months[0]).toEqual({ month: '2026-10', due: 35_000, received: 14_000 })
    expect(bob.overdue).toEqual({ amount: 21_000, contracts: 1 })
  })

  it('gives the renewal rate of the renewal pipeline and counts wins that follow an earlier deal', async () => {
    const fx = await buildFixture()
    const { ws } = fx
    const renewal = (await ws.call('pipelines.list', {})).find((p) => p.key === 'renewal')!
    const stages = await ws.call('stages.list', { pipelineId: renewal.id })
    const stage = (key: string) => stages.find((s) => s.key === key)!.id
    const open = (name: string) =>
      ws.call('opportunities.create', { name, stageId: stage('renewal_due'), amount: 50_000, ownerId: fx.alice, expectedCloseDate: '2026-12-01' })
    const kept = await open('R1')
    const churned = await open('R2')
    await ws.call('opportunities.update', { id: kept.id, version: kept.version, patch: { stageId: stage('won'), signedDate: '2026-11-20' } })
    await ws.call('opportunities.update', { id: churned.id, version: churned.version, patch: { stageId: stage('lost'), lossReason: 'price' } })
    const again = await ws.call('opportunities.repurchase', { id: fx.deal.D1, amount: 12_000, expectedCloseDate: '2026-12-20' })
    const won = fx.stage.won!
    const fresh = await ws.call('opportunities.get', { id: again.id })
    await ws.call('opportunities.update', { id: again.id, version: fresh.version, patch: { stageId: won, signedDate: '2026-11-20' } })

    const r = await ws.call('analytics.repurchase', { period: Q4 })
    expect(r.renewals).toMatchObject({ won: 1, lost: 1, wonAmount: 50_000, rate: 0.5 })
    expect(r.repeatWins).toEqual({ count: 1, amount: 12_000 })
    const accounts = (await ws.call('accounts.list', { limit: 500 })).rows
    const customers = accounts.filter((a) => a.lifecycle === 'customer' || a.lifecycle === 'repeat_customer').length
    expect(r.customers.customers).toBe(customers)
  })
})
