import { describe, expect, it } from 'vitest'
import { addUser, expectError, ruleTasks, stagesOf, workspaceWithClock } from './helpers'
import type { TestWorkspace } from '../helpers/workspace'

async function openDeal(ws: TestWorkspace, accountId: number, ownerId: number, name = '年度合同') {
  const stages = await stagesOf(ws)
  return ws.call('opportunities.create', {
    name,
    accountId,
    ownerId,
    stageId: stages.negotiation!.id,
    amount: 100_000,
    expectedCloseDate: '2026-12-31',
  })
}

const contract = (extra: Record<string, unknown> = {}) => ({
  number: 'HT-2026-001',
  amount: 120_000,
  signedDate: '2026-11-20',
  startDate: '2026-12-01',
  endDate: '2027-11-30',
  plan: [
    { dueDate: '2026-12-10', amount: 60_000 },
    { dueDate: '2027-03-10', amount: 40_000 },
    { dueDate: '2027-06-10', amount: 20_000 },
  ],
  ...extra,
})

describe('contracts, payments and collections', () => {
  it('winning records the contract and its plan with the final amount and signed date', async () => {
    const { ws } = await workspaceWithClock()
    const rep = addUser(ws, '李娜')
    const account = await ws.call('accounts.create', { name: '华东制造有限公司', ownerId: rep })
    const deal = await openDeal(ws, account.id, rep)
    const { opportunity, contract: detail } = await ws.call('opportunities.win', { id: deal.id, version: deal.version, contract: contract() })
    expect(opportunity).toMatchObject({ stageKind: 'won', amount: 120_000, signedDate: '2026-11-20', probability: 100 })
    expect(detail.contract).toMatchObject({ number: 'HT-2026-001', accountId: account.id, received: 0, balance: 120_000, overdue: 0 })
    expect(detail.plan.map((p) => p.status)).toEqual(['upcoming', 'upcoming', 'upcoming'])

    const tooMuch = await expectError(ws, 'contracts.create', {
      opportunityId: deal.id,
      contract: contract({ plan: [{ dueDate: '2026-12-01', amount: 999_999 }] }),
    })
    expect(tooMuch.code).toBe('VALIDATION')
    // Changing one field keeps the payment plan.
    const moved = await ws.call('contracts.update', { id: detail.contract.id, version: detail.contract.version, patch: { endDate: '2027-12-31' } })
    expect(moved.contract.endDate).toBe('2027-12-31')
    expect(moved.plan.map((p) => p.amount)).toEqual([60_000, 40_000, 20_000])

    const notWon = await openDeal(ws, account.id, rep, '未赢')
    expect((await expectError(ws, 'contracts.create', { opportunityId: notWon.id, contract: contract() })).code).toBe('VALIDATION')
  })

  it('takes the custom values the won or lost stage requires with the move, in the same write', async () => {
    const { ws } = await workspaceWithClock()
    const rep = addUser(ws, '李娜')
    const account = await ws.call('accounts.create', { name: '华南贸易有限公司', ownerId: rep })
    const stages = await stagesOf(ws)
    await ws.call('customFields.create', { entity: 'opportunity', key: 'po_number', type: 'text', labelZh: '采购单号', labelEn: 'PO number', requiredStageIds: [stages.won!.id] })
    await ws.call('customFields.create', { entity: 'opportunity', key: 'churn_note', type: 'text', labelZh: '流失说明', labelEn: 'Churn note', requiredStageIds: [stages.lost!.id] })
    const winning = await openDeal(ws, account.id, rep, '赢单商机')

    const refused = await expectError(ws, 'opportunities.win', { id: winning.id, version: winning.version, contract: contract() })
    expect(refused).toMatchObject({ code: 'CUSTOM_FIELD_REQUIRED', details: { missing: ['po_number'] } })
    expect((await ws.call('contracts.list', { opportunityId: winning.id })).items).toEqual([])

    const { opportunity } = await ws.call('opportunities.win', { id: winning.id, version: winning.version, contract: contract(), custom: { po_number: 'PO-778' } })
    expect(opportunity).toMatchObject({ stageKind: 'won', version: winning.version + 1, custom: { po_number: 'PO-778' } })
    const trail = await ws.call('audit.list', { entityType: 'opportunity', entityId: winning.id })
    expect(trail.filter((a) => a.field === 'custom.po_number')).toMatchObject([{ oldValue: null, newValue: 'PO-778' }])

    const losing = await openDeal(ws, account.id, rep, '输单商机')
    const lost = await ws.call('opportunities.lose', { id: losing.id, version: losing.version, lossReason: 'price', custom: { churn_note: '预算被砍' } })
    expect(lost).toMatchObject({ stageKind: 'lost', lossReason: 'price', custom: { churn_note: '预算被砍' } })
  })

  it('keeps the balance: payments are applied oldest instalment first; what is past due is overdue', async () => {
    const { ws, clock } = await workspaceWithClock()
    const rep = addUser(ws, '李娜')
    const account = await ws.call('accounts.create', { name: '华东制造有限公司', ownerId: rep })
    const deal = await openDeal(ws, account.id, rep)
    const { contract: won } = await ws.call('opportunities.win', { id: deal.id, version: deal.version, contract: contract() })
    const contractId = won.contract.id

    const paid = await ws.call('payments.record', { contractId, receivedDate: '2026-12-08', amount: 70_000 })
    expect(paid.contract).toMatchObject({ received: 70_000, balance: 50_000, overdue: 0, nextDueDate: '2027-03-10', nextDueAmount: 30_000 })
    expect(paid.plan.map((p) => [p.status, p.paid])).toEqual([['paid', 60_000], ['partial', 10_000], ['upcoming', 0]])

    clock.set('2027-04-01T08:00:00.000Z')
    const late = await ws.call('contracts.get', { id: contractId })
    expect(late.contract).toMatchObject({ overdue: 30_000, balance: 50_000 })
    expect(late.plan.map((p) => p.status)).toEqual(['paid', 'overdue', 'upcoming'])

    const onAccount = await ws.call('contracts.list', { accountId: account.id })
    expect(onAccount.totals).toMatchObject({ baseCurrency: 'CNY', amount: 120_000, received: 70_000, balance: 50_000, overdue: 30_000 })
    const day = await ws.call('myDay.get', {}, { userId: rep })
    expect(day.collections).toMatchObject({ total: 1, overdueTotal: 30_000, outstandingTotal: 50_000 })
    expect(day.collections.items[0]).toMatchObject({ contractId, overdue: 30_000, nextDueDate: '2027-03-10' })

    const removed = await ws.call('payments.delete', { id: paid.payments[0]!.id })
    expect(removed.contract).toMatchObject({ received: 0, balance: 120_000, overdue: 100_000 })
    const history = await ws.call('history.list', { entityType: 'opportunity', entityId: deal.id })
    const payments = history.filter((h) => h.entityType === 'contract' && h.field === 'payment')
    expect(payments.map((h) => [h.oldValue === null ? null : JSON.parse(h.oldValue).amount, h.newValue === null ? null : JSON.parse(h.newValue).amount]))
      .toEqual([[70_000, null], [null, 70_000]])
  })

  it('creates a renewal deal in the 续约 pipeline as the contract nears its end, once', async () => {
    const { ws, clock } = await workspaceWithClock()
    const rep = addUser(ws, '李娜')
    const account = await ws.call('accounts.create', { name: '续约客户有限公司', ownerId: rep })
    const deal = await openDeal(ws, account.id, rep)
    await ws.call('opportunities.win', { id: deal.id, version: deal.version, contract: contract() })
    expect((await ws.call('automations.run', {})).renewalOpportunities).toBe(0)

    clock.set('2027-10-05T08:00:00.000Z')
    const report = await ws.call('automations.run', {})
    expect(report).toMatchObject({ renewalOpportunities: 1, renewalTasks: 1 })
    const renewal = await stagesOf(ws, 'renewal')
    const deals = await ws.call('opportunities.list', { filters: [{ column: 'pipelineId', op: 'equals', value: renewal.renewal_due!.pipelineId }] })
    expect(deals.rows).toEqual([
      expect.objectContaining({ accountId: account.id, previousOpportunityId: deal.id, stageId: renewal.renewal_due!.id, ownerId: rep, amount: 120_000, expectedCloseDate: '2027-11-30' }),
    ])
    expect(ruleTasks(ws, 'renewal:')).toEqual([expect.objectContaining({ entityId: deals.rows[0]!.id, assigneeId: rep })])

    clock.advanceDays(10)
    expect(await ws.call('automations.run', {})).toMatchObject({ renewalOpportunities: 0, renewalTasks: 0 })
  })

  it('moves the account through prospect → customer → repeat customer, and to churned when it lapses', async () => {
    const { ws, clock } = await workspaceWithClock()
    const rep = addUser(ws, '李娜')
    const account = await ws.call('accounts.create', { name: '生命周期有限公司', ownerId: rep })
    const lifecycle = async () => (await ws.call('accounts.list', {})).rows[0]!.lifecycle
    const first = await openDeal(ws, account.id, rep)
    expect(await lifecycle()).toBe('prospect')

    await ws.call('opportunities.win', { id: first.id, version: first.version, contract: contract({ endDate: '2027-05-31' }) })
    expect(await lifecycle()).toBe('customer')

    const again = await ws.call('opportunities.repurchase', { id: first.id, amount: 30_000 })
    expect(again).toMatchObject({ previousOpportunityId: first.id, accountId: account.id, stageKind: 'open', name: '年度合同 (repurchase)' })
    await ws.call('opportunities.win', {
      id: again.id,
      version: again.version,
      contract: contract({ number: 'HT-2026-002', amount: 30_000, endDate: '2027-06-30', plan: [] }),
    })
    expect(await lifecycle()).toBe('repeat_customer')

    // Both contracts ended, nothing open, nothing won since.
    clock.set('2027-08-01T08:00:00.000Z')
    const report = await ws.call('automations.run', {})
    expect(report.lifecyclesChanged).toBe(1)
    expect(await lifecycle()).toBe('churned')

    // A new deal in progress brings it back.
    await openDeal(ws, account.id, rep, '挽回')
    expect(await lifecycle()).toBe('repeat_customer')
  })

  it('records a satisfaction score per account', async () => {
    const { ws } = await workspaceWithClock()
    const account = await ws.call('accounts.create', { name: '满意度有限公司' })
    const rated = await ws.call('accounts.rateSatisfaction', { id: account.id, version: account.version, satisfaction: 4 })
    expect(rated.satisfaction).toBe(4)
    const audit = await ws.call('audit.list', { entityType: 'account', entityId: account.id })
    expect(audit[0]).toMatchObject({ field: 'satisfaction', newValue: '4' })
  })
})
