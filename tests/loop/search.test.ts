import { describe, expect, it } from 'vitest'
import { searchDocument, searchMatchExpression } from '../../electron/core/domain/searchText'
import { searchIndexCondition } from '../../electron/core/store/loop/search'
import { leadFields, stagesOf, workspaceWithClock } from './helpers'
import type { TestWorkspace } from '../helpers/workspace'

async function seed(ws: TestWorkspace) {
  const stages = await stagesOf(ws)
  const account = await ws.call('accounts.create', { name: '上海华东精密机械有限公司', phone: '021-6888-1234', email: 'info@hdjm.cn' })
  const contact = await ws.call('contacts.create', { name: '张伟', accountId: account.id, phone: '+86 138-0013-8000', email: 'zhang.wei@hdjm.cn' })
  const other = await ws.call('contacts.create', { name: '张伟民', phone: '13912345678' })
  const lead = await ws.call('leads.capture', leadFields('北京中关村科技有限公司', { contactName: '李伟', phone: '13698765432', email: 'li@zgc.com' }))
  const deal = await ws.call('opportunities.create', { name: 'CRM 一期', accountId: account.id, stageId: stages.discovery!.id })
  return { account, contact, other, lead, deal }
}

const ids = (groups: { entityType: string; items: { id: number }[] }[], type: string) =>
  groups.find((g) => g.entityType === type)!.items.map((i) => i.id)

describe('global search', () => {
  it('finds two-character Chinese names as a single-token lookup, names first, grouped by type', async () => {
    const { ws } = await workspaceWithClock()
    const { contact, other, lead } = await seed(ws)
    const { groups } = await ws.call('search.global', { query: '张伟' })
    expect(groups.map((g) => g.entityType)).toEqual(['account', 'contact', 'lead', 'opportunity'])
    expect(ids(groups, 'contact')).toEqual([other.id, contact.id])
    expect(ids(groups, 'lead')).toEqual([])
    expect(ids((await ws.call('search.global', { query: '李伟' })).groups, 'lead')).toEqual([lead.id])
    expect(searchMatchExpression('张伟')).toBe('"张伟"')
  })

  it('finds company fragments anywhere in the name, on contacts and deals through their account', async () => {
    const { ws } = await workspaceWithClock()
    const { account, contact, deal, lead } = await seed(ws)
    const { groups } = await ws.call('search.global', { query: '华东精密' })
    expect(ids(groups, 'account')).toEqual([account.id])
    expect(ids(groups, 'contact')).toEqual([contact.id])
    expect(ids(groups, 'opportunity')).toEqual([deal.id])
    expect(ids((await ws.call('search.global', { query: '中关村' })).groups, 'lead')).toEqual([lead.id])
    expect(ids((await ws.call('search.global', { query: '精密机械' })).groups, 'account')).toEqual([account.id])
    expect(ids((await ws.call('search.global', { query: '密精' })).groups, 'account')).toEqual([])
  })

  it('finds phone fragments whatever the formatting, and emails by any part', async () => {
    const { ws } = await workspaceWithClock()
    const { account, contact, lead } = await seed(ws)
    expect(ids((await ws.call('search.global', { query: '8000' })).groups, 'contact')).toEqual([contact.id])
    expect(ids((await ws.call('search.global', { query: '138 0013' })).groups, 'contact')).toEqual([contact.id])
    expect(ids((await ws.call('search.global', { query: '0013-8000' })).groups, 'contact')).toEqual([contact.id])
    expect(ids((await ws.call('search.global', { query: '6888' })).groups, 'account')).toEqual([account.id])
    expect(ids((await ws.call('search.global', { query: 'zhang.wei@hdjm' })).groups, 'contact')).toEqual([contact.id])
    expect(ids((await ws.call('search.global', { query: 'li@zgc.com' })).groups, 'lead')).toEqual([lead.id])
    expect(ids((await ws.call('search.global', { query: 'hdj' })).groups, 'account')).toEqual([account.id])
  })

  it('follows every change: renames, account renames, deletes', async () => {
    const { ws } = await workspaceWithClock()
    const { account, contact, deal } = await seed(ws)
    await ws.call('grid.update', { entity: 'account', changes: [{ id: account.id, version: account.version, patch: { name: '浦东新锐有限公司' } }] })
    const { groups } = await ws.call('search.global', { query: '新锐' })
    expect([ids(groups, 'account'), ids(groups, 'contact'), ids(groups, 'opportunity')]).toEqual([[account.id], [contact.id], [deal.id]])
    expect(ids((await ws.call('search.global', { query: '华东' })).groups, 'account')).toEqual([])
    await ws.call('opportunities.delete', { id: deal.id, version: deal.version })
    expect(ids((await ws.call('search.global', { query: '新锐' })).groups, 'opportunity')).toEqual([])
  })

  it('says when more match than are shown, and ignores what cannot be searched', async () => {
    const { ws } = await workspaceWithClock()
    for (let i = 0; i < 7; i += 1) await ws.call('contacts.create', { name: `王芳${i}` })
    const group = (await ws.call('search.global', { query: '王芳', limit: 5 })).groups.find((g) => g.entityType === 'contact')!
    expect(group.items).toHaveLength(5)
    expect(group.more).toBe(true)
    expect((await ws.call('search.global', { query: '"*()' })).groups.every((g) => g.items.length === 0)).toBe(true)
  })

  it('tokenises documents and queries alike, and hands the grids an index condition', () => {
    expect(searchDocument('华东精密 Co., Ltd.', '+86 138-0013-8000')).toBe('华东 东精 精密 co ltd 138 380 800 001 013 138 380 800 000')
    expect(searchMatchExpression('li.na 华东')).toBe('"li na"* AND "华东"')
    expect(searchDocument('Li.Na@Acme.com')).toBe('li na acme com e0linaacmecom')
    expect(searchDocument('Café Müller·ＡＢＣ')).toBe('cafe muller abc')
    expect(searchMatchExpression('li.na@acme')).toBe('"e0linaacme"*')
    expect(searchIndexCondition('opportunity', 'o', '华东')).toEqual({
      sql: 'o.id IN (SELECT rowid FROM search_opportunities WHERE search_opportunities MATCH ?)',
      params: ['"华东"'],
    })
    expect(searchIndexCondition('task', 't', '华东')).toBeNull()
  })
})
