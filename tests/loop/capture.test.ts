import { describe, expect, it } from 'vitest'
import { expectError, leadFields, workspaceWithClock } from './helpers'

describe('lead entry', () => {
  it('asks for the configured required fields, phone or email counting as one', async () => {
    const { ws } = await workspaceWithClock()
    const missing = await expectError(ws, 'leads.capture', { company: '缺字段公司' })
    expect(missing.code).toBe('VALIDATION')
    expect((missing.details as { issues: { path: string[] }[] }).issues.map((i) => i.path[0]).sort()).toEqual(['phone', 'source'])
    expect((await ws.call('leads.capture', { company: '邮箱公司', email: 'a@b.cn', source: 'website' })).company).toBe('邮箱公司')

    await ws.call('loopConfig.update', { leadRequiredFields: ['company', 'industry'] })
    const industry = await expectError(ws, 'leads.capture', { company: '无行业' })
    expect((industry.details as { issues: { path: string[] }[] }).issues.map((i) => i.path[0])).toEqual(['industry'])
  })

  it('finds matching leads, contacts and accounts while typing, normalised like the import', async () => {
    const { ws } = await workspaceWithClock()
    const account = await ws.call('accounts.create', { name: '上海华东精密机械有限公司' })
    const contact = await ws.call('contacts.create', { name: '张伟', accountId: account.id, phone: '+86 138-0013-8000', email: 'Zhang.Wei@HDJM.cn' })
    const lead = await ws.call('leads.capture', leadFields('深圳南山科技有限公司', { phone: '13912345678', email: 'ceo@nanshan.cn' }))

    const byPhone = await ws.call('duplicates.find', { phone: '138 0013 8000' })
    expect(byPhone).toEqual([expect.objectContaining({ entityType: 'contact', id: contact.id, matchedOn: ['phone'], exact: true })])
    const byEmail = await ws.call('duplicates.find', { email: 'zhang.wei@hdjm.cn ' })
    expect(byEmail.map((m) => [m.entityType, m.id])).toEqual([['contact', contact.id]])
    const byCompany = await ws.call('duplicates.find', { company: '上海华东精密机械（集团）有限公司' })
    expect(byCompany).toEqual([expect.objectContaining({ entityType: 'account', id: account.id, matchedOn: ['company'], exact: true })])
    const typing = await ws.call('duplicates.find', { company: '深圳南山' })
    expect(typing).toEqual([expect.objectContaining({ entityType: 'lead', id: lead.id, exact: false })])
    expect(await ws.call('duplicates.find', { phone: '13912345678', exclude: { entityType: 'lead', id: lead.id } })).toEqual([])
  })

  it('refuses a likely duplicate until the user chooses to save anyway', async () => {
    const { ws } = await workspaceWithClock()
    const first = await ws.call('leads.capture', leadFields('杭州西湖贸易有限公司'))
    const again = await expectError(ws, 'leads.capture', leadFields('杭州西湖贸易', { phone: '13999999999' }))
    expect(again.code).toBe('DUPLICATE_FOUND')
    expect(again.details).toMatchObject({ matches: [{ entityType: 'lead', id: first.id, matchedOn: ['company'] }] })
    const saved = await ws.call('leads.capture', leadFields('杭州西湖贸易', { phone: '13999999999', duplicateAction: 'save' }))
    expect(saved.id).not.toBe(first.id)
  })
})
