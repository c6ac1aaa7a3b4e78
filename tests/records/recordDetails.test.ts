import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../helpers/workspace'

async function workspaceWithAccount() {
  const ws = await openWorkspace()
  const [stage] = (await ws.call('stages.list', {})).filter((s) => s.kind === 'open')
  const account = await ws.call('accounts.create', { name: '苏州明远精密机械有限公司' })
  const other = await ws.call('accounts.create', { name: '无锡其他客户' })
  const zhou = await ws.call('contacts.create', { name: '周敏', accountId: account.id })
  const li = await ws.call('contacts.create', { name: '李强', accountId: account.id })
  const stranger = await ws.call('contacts.create', { name: '王五', accountId: other.id })
  const first = await ws.call('opportunities.create', { name: '一期', stageId: stage!.id, accountId: account.id, contactId: zhou.id })
  const second = await ws.call('opportunities.create', { name: '二期', stageId: stage!.id, accountId: account.id, contactId: li.id })
  await ws.call('opportunities.create', { name: '别家的', stageId: stage!.id, accountId: other.id, contactId: stranger.id })
  return { ws, account, zhou, li, first, second }
}

describe('record details of accounts and contacts', () => {
  it('gives an account with its contacts, deals, follow-ups and tasks, and nobody else’s', async () => {
    const { ws, account, zhou, li, first, second } = await workspaceWithAccount()
    await ws.call('activities.create', { entityType: 'account', entityId: account.id, type: 'visit', content: '上门拜访', nextDate: '2026-11-27' })
    await ws.call('activities.create', { entityType: 'contact', entityId: zhou.id, type: 'call', content: '只属于联系人的跟进' })
    await ws.call('tasks.create', { title: '寄送样品', entityType: 'account', entityId: account.id, dueDate: '2026-11-25' })

    const detail = await ws.call('accounts.detail', { id: account.id })
    expect(detail.account).toMatchObject({ id: account.id, name: account.name, lifecycle: 'prospect' })
    expect(detail.contacts.map((c) => c.id).sort()).toEqual([zhou.id, li.id].sort())
    expect(detail.opportunities.map((o) => o.id).sort()).toEqual([first.id, second.id].sort())
    expect(detail.activities.map((a) => a.content)).toEqual(['上门拜访'])
    expect(detail.tasks.map((t) => t.title)).toEqual(['寄送样品'])
  })

  it('gives a contact with its account and the deals it is the contact of', async () => {
    const { ws, account, zhou, first } = await workspaceWithAccount()
    await ws.call('activities.create', { entityType: 'contact', entityId: zhou.id, type: 'wechat', content: '微信确认参会' })

    const detail = await ws.call('contacts.detail', { id: zhou.id })
    expect(detail.contact).toMatchObject({ id: zhou.id, accountId: account.id, accountName: account.name })
    expect(detail.account?.id).toBe(account.id)
    expect(detail.opportunities.map((o) => o.id)).toEqual([first.id])
    expect(detail.activities.map((a) => a.content)).toEqual(['微信确认参会'])
    expect(detail.tasks).toEqual([])
  })

  it('answers NOT_FOUND for a record in the trash', async () => {
    const { ws, zhou } = await workspaceWithAccount()
    await ws.call('grid.delete', { entity: 'contact', rows: [{ id: zhou.id, version: zhou.version }] })
    const answer = await ws.raw('contacts.detail', { id: zhou.id })
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})
