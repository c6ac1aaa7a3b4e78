import { describe, expect, it } from 'vitest'
import { addUser, expectError, stagesOf, workspaceWithClock } from './helpers'

/** The whole loop through the API, the same walk the Playwright test takes in Chromium. */
describe('one lead through the whole loop', () => {
  it('capture → claim → convert → follow up → stage discipline → win → collect → renew → history', async () => {
    const { ws, clock } = await workspaceWithClock('2026-11-20T02:00:00.000Z')
    const rep = addUser(ws, '李娜')
    const stages = await stagesOf(ws)
    const existing = await ws.call('accounts.create', { name: '苏州工业园智造有限公司', industry: 'manufacturing' })

    // 1. Capture, with a duplicate warning while typing and on save.
    const typing = await ws.call('duplicates.find', { company: '苏州工业园智造' })
    expect(typing).toEqual([expect.objectContaining({ entityType: 'account', id: existing.id, exact: true })])
    const form = { company: '苏州工业园智造', contactName: '周杰', phone: '138-1234-5678', source: 'exhibition', productInterest: 'erp' }
    expect((await expectError(ws, 'leads.capture', form)).code).toBe('DUPLICATE_FOUND')
    const lead = await ws.call('leads.capture', { ...form, duplicateAction: 'save' })
    expect(lead.ownerId).toBeNull()

    // 2. Claim it from the pool.
    const [claimed] = (await ws.call('pool.claim', { rows: [{ id: lead.id, version: lead.version }] }, { userId: rep })).rows

    // 3. Convert: the matching account is reused.
    const conversion = await ws.call('leads.convert', { id: lead.id, version: claimed!.version }, { userId: rep })
    expect(conversion).toMatchObject({ accountId: existing.id, reusedAccount: true, reusedContact: false })
    const dealId = conversion.opportunityId

    // 4. Log a follow-up with a next date.
    clock.advanceHours(3)
    await ws.call(
      'activities.create',
      { entityType: 'opportunity', entityId: dealId, type: 'visit', content: '现场调研', feedback: '需要报价', nextDate: '2026-11-25' },
      { userId: rep },
    )
    let deal = await ws.call('opportunities.get', { id: dealId })
    expect(deal.nextFollowUpDate).toBe('2026-11-25')

    // 5. 报价 without an amount is refused.
    const refused = await expectError(ws, 'opportunities.update', { id: dealId, version: deal.version, patch: { stageId: stages.quote!.id } }, rep)
    expect(refused).toMatchObject({ code: 'STAGE_REQUIREMENTS', details: { missing: ['amount', 'expectedCloseDate'] } })
    deal = await ws.call(
      'opportunities.update',
      { id: dealId, version: deal.version, patch: { stageId: stages.quote!.id, amount: 200_000, expectedCloseDate: '2026-12-20' } },
      { userId: rep },
    )

    // 6. 赢单 with a contract and a payment plan.
    clock.set('2026-12-15T02:00:00.000Z')
    const won = await ws.call(
      'opportunities.win',
      {
        id: dealId,
        version: deal.version,
        contract: {
          number: 'SZ-2026-088',
          amount: 180_000,
          signedDate: '2026-12-15',
          startDate: '2027-01-01',
          endDate: '2027-12-31',
          plan: [
            { dueDate: '2027-01-10', amount: 90_000 },
            { dueDate: '2027-07-10', amount: 90_000 },
          ],
        },
      },
      { userId: rep },
    )
    expect(won.opportunity).toMatchObject({ stageKind: 'won', amount: 180_000 })
    expect((await ws.call('accounts.list', {})).rows[0]!.lifecycle).toBe('customer')

    // 7. Record a payment.
    const paid = await ws.call('payments.record', { contractId: won.contract.contract.id, receivedDate: '2027-01-08', amount: 90_000 }, { userId: rep })
    expect(paid.contract).toMatchObject({ received: 90_000, balance: 90_000, overdue: 0 })

    // 8. Near the contract's end the renewal appears.
    clock.set('2027-11-10T02:00:00.000Z')
    expect((await ws.call('automations.run', {})).renewalOpportunities).toBe(1)
    const renewal = (await ws.call('opportunities.list', { filters: [{ column: 'stageKind', op: 'in', value: ['open'] }] })).rows
    expect(renewal).toEqual([expect.objectContaining({ previousOpportunityId: dealId, accountId: existing.id, ownerId: rep })])

    // 9. Everything is in the record's history.
    const history = await ws.call('history.list', { entityType: 'opportunity', entityId: dealId })
    const seen = new Set(history.map((h) => `${h.entityType}:${h.action}:${h.field ?? ''}`))
    for (const step of [
      'opportunity:create:',
      'activity:create:',
      'opportunity:stage:stage_id',
      'opportunity:update:amount',
      'contract:create:',
      'contract:update:payment_plan',
      'contract:update:payment',
      'task:create:',
    ]) {
      expect(seen, step).toContain(step)
    }
    // The renewal's creation, and nothing else of it, is in the deal's history.
    const renewalRows = history.filter((h) => h.entityType === 'opportunity' && h.entityId === renewal[0]!.id)
    expect(renewalRows.map((h) => h.action)).toEqual(['create'])
    const leadHistory = await ws.call('history.list', { entityType: 'lead', entityId: lead.id })
    expect(leadHistory.map((h) => `${h.action}:${h.field ?? ''}`)).toEqual(
      expect.arrayContaining(['create:', 'assign:owner_id', 'update:status', 'update:converted_opportunity_id']),
    )
  })
})
