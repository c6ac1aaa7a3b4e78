import { describe, expect, it } from 'vitest'
import { addUser, expectError, leadFields, stagesOf, workspaceWithClock } from './helpers'

describe('lead conversion', () => {
  it('reuses the matching account and contact, links everything back, in one step', async () => {
    const { ws } = await workspaceWithClock()
    const rep = addUser(ws, '李娜')
    const account = await ws.call('accounts.create', { name: '上海华东精密机械有限公司' })
    const contact = await ws.call('contacts.create', { name: '张伟', accountId: account.id, phone: '13800138000' })
    const lead = await ws.call(
      'leads.capture',
      leadFields('上海华东精密机械（集团）有限公司', { contactName: '张伟', phone: '+86 138 0013 8000', productInterest: 'crm', ownerId: rep, duplicateAction: 'save' }),
    )
    const result = await ws.call('leads.convert', { id: lead.id, version: lead.version }, { userId: rep })
    expect(result).toMatchObject({ accountId: account.id, contactId: contact.id, reusedAccount: true, reusedContact: true })
    expect(result.lead).toMatchObject({ status: 'converted', convertedOpportunityId: result.opportunityId })

    const deal = await ws.call('opportunities.get', { id: result.opportunityId })
    const stages = await stagesOf(ws)
    expect(deal).toMatchObject({ leadId: lead.id, accountId: account.id, contactId: contact.id, ownerId: rep, productLine: 'crm', stageId: stages.discovery!.id })
    expect((await ws.call('leads.detail', { id: lead.id })).convertedAccountId).toBe(account.id)
    expect((await ws.call('accounts.list', {})).total).toBe(1)
  })

  it('creates the account and contact when nothing matches, and refuses a second conversion', async () => {
    const { ws } = await workspaceWithClock()
    const lead = await ws.call('leads.capture', leadFields('成都天府软件有限公司', { contactName: '刘洋', email: 'liu@tianfu.cn', industry: 'it' }))
    const result = await ws.call('leads.convert', { id: lead.id, version: lead.version, opportunity: { name: '天府 ERP', amount: 80000 } })
    expect(result).toMatchObject({ reusedAccount: false, reusedContact: false })
    const accounts = await ws.call('accounts.list', {})
    expect(accounts.rows[0]).toMatchObject({ id: result.accountId, name: '成都天府软件有限公司', industry: 'it' })
    const contacts = await ws.call('contacts.list', {})
    expect(contacts.rows[0]).toMatchObject({ id: result.contactId, name: '刘洋', email: 'liu@tianfu.cn', accountId: result.accountId })
    expect(await ws.call('opportunities.get', { id: result.opportunityId })).toMatchObject({ name: '天府 ERP', amount: 80000 })

    const again = await expectError(ws, 'leads.convert', { id: lead.id, version: result.lead.version })
    expect(again.code).toBe('VALIDATION')
  })

  it('applies the stage requirements of the deal it creates, writing nothing when they fail', async () => {
    const { ws } = await workspaceWithClock()
    const stages = await stagesOf(ws)
    const lead = await ws.call('leads.capture', leadFields('武汉光谷电子有限公司', { contactName: '陈静' }))
    const refused = await expectError(ws, 'leads.convert', { id: lead.id, version: lead.version, opportunity: { stageId: stages.quote!.id } })
    expect(refused).toMatchObject({ code: 'STAGE_REQUIREMENTS', details: { missing: ['amount', 'expectedCloseDate'] } })
    expect((await ws.call('accounts.list', {})).total).toBe(0)
    expect((await ws.call('contacts.list', {})).total).toBe(0)
    expect((await ws.call('leads.detail', { id: lead.id })).lead.status).toBe('new')

    const ok = await ws.call('leads.convert', {
      id: lead.id,
      version: lead.version,
      opportunity: { stageId: stages.quote!.id, amount: 50000, expectedCloseDate: '2026-12-31' },
    })
    expect((await ws.call('opportunities.get', { id: ok.opportunityId })).stageId).toBe(stages.quote!.id)
  })
})
