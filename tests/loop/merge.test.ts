import { describe, expect, it } from 'vitest'
import { addUser, expectError, leadFields, stagesOf, workspaceWithClock } from './helpers'

describe('merge, undo and the trash', () => {
  it('merges two accounts with a per-field choice, moving related records, audited', async () => {
    const { ws } = await workspaceWithClock()
    const rep = addUser(ws, '李娜')
    const stages = await stagesOf(ws)
    const keep = await ws.call('accounts.create', { name: '华东精密', phone: '021-1234567', ownerId: rep })
    const dupe = await ws.call('accounts.create', { name: '上海华东精密机械有限公司', industry: 'manufacturing', website: 'hdjm.cn' })
    const contact = await ws.call('contacts.create', { name: '张伟', accountId: dupe.id })
    const deal = await ws.call('opportunities.create', { name: '精密 CRM', accountId: dupe.id, stageId: stages.discovery!.id })
    await ws.call('activities.create', { entityType: 'account', entityId: dupe.id, type: 'visit', content: '拜访' })
    ws.core.db.prepare("INSERT INTO tags (name) VALUES ('重点客户')").run()
    ws.core.db.prepare("INSERT INTO entity_tags (tag_id, entity_type, entity_id) VALUES (1, 'account', ?)").run(dupe.id)

    const preview = await ws.call('merge.preview', { entityType: 'account', survivorId: keep.id, mergedId: dupe.id })
    expect(preview.related).toMatchObject({ contacts: 1, opportunities: 1, activities: 1, tags: 1 })
    expect(preview.fields.find((f) => f.field === 'name')).toMatchObject({ survivorValue: '华东精密', mergedValue: '上海华东精密机械有限公司', differs: true })

    const merge = await ws.call('merge.apply', {
      entityType: 'account',
      survivorId: keep.id,
      mergedId: dupe.id,
      survivorVersion: preview.survivorVersion,
      mergedVersion: preview.mergedVersion,
      take: ['name', 'industry', 'website'],
    })
    const survivor = (await ws.call('accounts.list', {})).rows
    expect(survivor).toEqual([expect.objectContaining({ id: keep.id, name: '上海华东精密机械有限公司', industry: 'manufacturing', website: 'hdjm.cn', phone: '021-1234567', ownerId: rep })])
    expect((await ws.call('contacts.list', {})).rows[0]!.accountId).toBe(keep.id)
    expect((await ws.call('opportunities.get', { id: deal.id })).accountName).toBe('上海华东精密机械有限公司')
    expect(await ws.call('trash.list', {})).toEqual([expect.objectContaining({ entityType: 'account', entityId: dupe.id })])
    expect(ws.core.db.prepare('SELECT entity_id FROM entity_tags').pluck().all()).toEqual([keep.id])

    const audit = await ws.call('audit.list', { entityType: 'account', entityId: keep.id })
    expect(audit.find((a) => a.action === 'merge')).toMatchObject({ field: 'merged_from', newValue: String(dupe.id), batchId: `merge:${merge.id}` })
    expect(audit.some((a) => a.field === 'name' && a.newValue === '上海华东精密机械有限公司')).toBe(true)
    const moved = await ws.call('audit.list', { entityType: 'contact', entityId: contact.id })
    expect(moved[0]).toMatchObject({ action: 'merge', field: 'account_id', oldValue: String(dupe.id), newValue: String(keep.id) })
    expect(await ws.call('merge.list', { entityType: 'account', entityId: dupe.id })).toEqual([expect.objectContaining({ id: merge.id, undoneAt: null })])
  })

  it('undoes a merge: values, related records, tags and the merged record all come back', async () => {
    const { ws } = await workspaceWithClock()
    const a = await ws.call('leads.capture', leadFields('合并线索甲', { contactName: '甲' }))
    const b = await ws.call('leads.capture', leadFields('合并线索乙', { phone: '13900000000', email: 'yi@b.cn', duplicateAction: 'save' }))
    await ws.call('activities.create', { entityType: 'lead', entityId: b.id, type: 'call', content: '乙的跟进' })
    const task = await ws.call('tasks.create', { title: '乙的任务', entityType: 'lead', entityId: b.id })
    const bNow = (await ws.call('leads.detail', { id: b.id })).lead
    const merge = await ws.call('merge.apply', {
      entityType: 'lead', survivorId: a.id, mergedId: b.id, survivorVersion: a.version, mergedVersion: bNow.version, take: ['email'],
    })
    const merged = await ws.call('leads.detail', { id: a.id })
    expect(merged.lead.email).toBe('yi@b.cn')
    expect(merged.activities.map((x) => x.content)).toEqual(['乙的跟进'])
    expect(merged.tasks.map((x) => x.id)).toEqual([task.id])

    const undone = await ws.call('merge.undo', { mergeId: merge.id })
    expect(undone.undoneAt).not.toBeNull()
    const back = await ws.call('leads.detail', { id: a.id })
    expect(back.lead.email).toBeNull()
    expect(back.activities).toEqual([])
    const restored = await ws.call('leads.detail', { id: b.id })
    expect(restored.lead.email).toBe('yi@b.cn')
    expect(restored.tasks.map((x) => x.id)).toEqual([task.id])
    expect(await ws.call('trash.list', {})).toEqual([])
    const trail = await ws.call('audit.list', { entityType: 'lead', entityId: a.id })
    expect(trail[0]).toMatchObject({ action: 'undo', field: 'merge', batchId: `merge:${merge.id}:undo` })
    expect((await expectError(ws, 'merge.undo', { mergeId: merge.id })).code).toBe('MERGE_UNDO_BLOCKED')
  })

  it('refuses to undo once the survivor has changed, and copes with the merged record restored from the trash', async () => {
    const { ws } = await workspaceWithClock()
    const a = await ws.call('contacts.create', { name: '王芳', phone: '13800000001' })
    const b = await ws.call('contacts.create', { name: '王芳', email: 'wf@x.cn' })
    const first = await ws.call('merge.apply', { entityType: 'contact', survivorId: a.id, mergedId: b.id, survivorVersion: 1, mergedVersion: 1, take: ['email'] })
    const survivor = (await ws.call('contacts.list', {})).rows[0]!
    await ws.call('grid.update', { entity: 'contact', changes: [{ id: a.id, version: survivor.version, patch: { title: '经理' } }] })
    expect((await expectError(ws, 'merge.undo', { mergeId: first.id })).code).toBe('MERGE_UNDO_BLOCKED')

    // Restoring the merged record from the trash by hand, then undoing a fresh merge, still works.
    const c = await ws.call('contacts.create', { name: '李雷', wechat: 'lilei' })
    const d = await ws.call('contacts.create', { name: '李雷', phone: '13700000000' })
    const second = await ws.call('merge.apply', { entityType: 'contact', survivorId: c.id, mergedId: d.id, survivorVersion: 1, mergedVersion: 1, take: ['phone'] })
    await ws.call('trash.restore', { entityType: 'contact', entityId: d.id })
    await ws.call('merge.undo', { mergeId: second.id })
    const rows = (await ws.call('contacts.list', { filters: [{ column: 'name', op: 'equals', value: '李雷' }] })).rows
    expect(rows.map((r) => [r.id, r.phone])).toEqual([[c.id, null], [d.id, '13700000000']])
  })

  it('trash and restore: a deleted record leaves lists and search, and comes back whole', async () => {
    const { ws } = await workspaceWithClock()
    const lead = await ws.call('leads.capture', leadFields('回收站测试公司'))
    await ws.call('grid.delete', { entity: 'lead', rows: [{ id: lead.id, version: lead.version }] })
    expect((await ws.call('leads.list', {})).total).toBe(0)
    expect((await ws.call('search.global', { query: '回收' })).groups.find((g) => g.entityType === 'lead')!.items).toEqual([])
    expect(await ws.call('trash.list', {})).toEqual([expect.objectContaining({ entityType: 'lead', entityId: lead.id, title: '回收站测试公司' })])

    await ws.call('trash.restore', { entityType: 'lead', entityId: lead.id })
    expect((await ws.call('leads.list', {})).rows.map((l) => l.id)).toEqual([lead.id])
    expect((await ws.call('search.global', { query: '回收' })).groups.find((g) => g.entityType === 'lead')!.items.map((i) => i.id)).toEqual([lead.id])
    expect((await ws.call('audit.list', { entityType: 'lead', entityId: lead.id })).map((a) => a.action).slice(0, 2)).toEqual(['restore', 'delete'])
  })
})
