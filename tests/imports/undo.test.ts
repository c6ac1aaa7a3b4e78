import { describe, expect, it } from 'vitest'
import { RECORD_ID_HEADER } from '../../shared/methods/imports'
import { csvOf, importWorkspace, rowsOf, snapshot } from './helpers'

const grids = (ws: Awaited<ReturnType<typeof importWorkspace>>) =>
  Object.fromEntries(
    ['opportunities', 'accounts', 'contacts', 'leads', 'users', 'stages', 'picklists', 'stage_history'].map((t) => [
      t,
      rowsOf(ws, `SELECT * FROM ${t} ORDER BY id`),
    ]),
  )

describe('undoing an import', () => {
  it('erases what the batch created, accounts, owners and stages included, leaving the grids and trash as before', async () => {
    const ws = await importWorkspace()
    const before = grids(ws)
    const file = ws.file('deals.csv', csvOf([['商机名称', '客户名称', '阶段', '负责人'], ['A', '甲公司', '新阶段', '周七'], ['B', '乙公司', '初步接洽', '周七']]))
    const { batchId } = await ws.call('imports.commit', { path: file, entity: 'opportunity', onUnknown: 'create' })
    expect(grids(ws)).not.toEqual(before)

    const undone = await ws.call('imports.undo', { batchId: batchId! })
    expect(undone).toEqual({ batchId, deleted: 4, restored: 0, trashed: 0 })
    expect(grids(ws)).toEqual(before)
    expect(await ws.call('trash.list', {})).toEqual([])
    const audit = rowsOf(ws, "SELECT entity_type AS entity, action FROM audit_log WHERE action = 'undo' ORDER BY id")
    expect(audit).toEqual([
      { entity: 'opportunity', action: 'undo' },
      { entity: 'account', action: 'undo' },
      { entity: 'opportunity', action: 'undo' },
      { entity: 'account', action: 'undo' },
    ])
    const [batch] = await ws.call('imports.history', {})
    expect(batch!.undoneAt).toBe('2026-11-20T08:00:00.000Z')
    expect(await ws.raw('imports.undo', { batchId: batchId! })).toMatchObject({ ok: false, error: { code: 'IMPORT_ALREADY_UNDONE' } })
  })

  it('restores the values an update replaced, stage moves included', async () => {
    const ws = await importWorkspace()
    const first = ws.file('v1.csv', csvOf([['商机名称', '客户名称', '阶段', '金额', '下一步'], ['A', '甲公司', '初步接洽', '100', '电话']]))
    await ws.call('imports.commit', { path: first, entity: 'opportunity' })
    const original = rowsOf(ws, 'SELECT * FROM opportunities')
    const history = rowsOf(ws, 'SELECT * FROM stage_history')

    const second = ws.file('v2.csv', csvOf([['商机名称', '客户名称', '阶段', '金额', '下一步'], ['A', '甲公司', '方案演示', '250', '']]))
    const update = await ws.call('imports.commit', { path: second, entity: 'opportunity', onDuplicate: 'update' })
    expect(update.counts).toMatchObject({ update: 1, create: 0 })
    expect(rowsOf(ws, 'SELECT amount, next_step FROM opportunities')).toEqual([{ amount: 250, next_step: '电话' }])

    expect(await ws.call('imports.undo', { batchId: update.batchId! })).toMatchObject({ restored: 1, deleted: 0 })
    const restored = rowsOf(ws, 'SELECT * FROM opportunities')[0]!
    const { version, updated_at, stage_entered_at, ...rest } = original[0]!
    expect(restored).toMatchObject(rest)
    expect(restored.stage_entered_at).toBe(stage_entered_at)
    expect(restored.version).toBe((version as number) + 2)
    expect(rowsOf(ws, 'SELECT * FROM stage_history')).toEqual(history)
    expect(updated_at).toBeDefined()
  })

  it('refuses when a record was edited since, explains which, and undoes anyway when forced', async () => {
    const ws = await importWorkspace()
    const file = ws.file('leads.csv', csvOf([['公司', '电话', '来源'], ['甲公司', '13800000001', '官网'], ['乙公司', '13800000002', '官网']]))
    const { batchId } = await ws.call('imports.commit', { path: file, entity: 'lead' })
    const [lead] = (await ws.call('leads.list', { sort: [{ column: 'company', desc: false }] })).rows
    await ws.call('grid.update', { entity: 'lead', changes: [{ id: lead!.id, version: lead!.version, patch: { notes: '客户来电' } }] })
    const before = snapshot(ws)

    const refused = await ws.raw('imports.undo', { batchId: batchId! })
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'IMPORT_EDITED_SINCE', details: { edited: 1, examples: [{ entity: 'lead', id: lead!.id }] } },
    })
    expect(snapshot(ws)).toBe(before)

    const forced = await ws.call('imports.undo', { batchId: batchId!, force: true })
    expect(forced).toMatchObject({ deleted: 2 })
    expect((await ws.call('leads.list', {})).total).toBe(0)
  })

  it('moves a created record that others came to depend on to the trash, when forced', async () => {
    const ws = await importWorkspace()
    const file = ws.file('accounts.csv', csvOf([['客户名称', '行业'], ['甲公司', '制造业']]))
    const { batchId } = await ws.call('imports.commit', { path: file, entity: 'account' })
    const [account] = (await ws.call('accounts.list', {})).rows
    const stage = (await ws.call('stages.list', {}))[0]!
    await ws.call('opportunities.create', { name: '后来的商机', accountId: account!.id, stageId: stage.id })
    await ws.call('activities.create', { entityType: 'account', entityId: account!.id, type: 'call', content: '回访' })

    expect(await ws.raw('imports.undo', { batchId: batchId! })).toMatchObject({ ok: false, error: { code: 'IMPORT_EDITED_SINCE' } })
    expect(await ws.call('imports.undo', { batchId: batchId!, force: true })).toMatchObject({ deleted: 0, trashed: 1 })
    expect((await ws.call('trash.list', {})).map((t) => t.title)).toEqual(['甲公司'])
    expect((await ws.call('opportunities.list', {})).total).toBe(1)
  })

  it('erases the created records nothing points at and trashes the one a later deal uses, without needing force', async () => {
    const ws = await importWorkspace()
    const file = ws.file('accounts.csv', csvOf([['客户名称', '行业'], ['甲公司', '制造业'], ['乙公司', '零售'], ['丙公司', '金融']]))
    const { batchId } = await ws.call('imports.commit', { path: file, entity: 'account' })
    const [used] = (await ws.call('accounts.list', { sort: [{ column: 'name', desc: false }] })).rows.filter((a) => a.name === '乙公司')
    const stage = (await ws.call('stages.list', {}))[0]!
    await ws.call('opportunities.create', { name: '后来的商机', accountId: used!.id, stageId: stage.id })

    expect(await ws.call('imports.undo', { batchId: batchId! })).toEqual({ batchId, deleted: 2, restored: 0, trashed: 1 })
    expect(rowsOf(ws, 'SELECT name, deleted_at IS NOT NULL AS trashed FROM accounts ORDER BY id')).toEqual([{ name: '乙公司', trashed: 1 }])
    const audit = rowsOf(ws, "SELECT entity_type AS entity, entity_id AS id FROM audit_log WHERE action = 'undo' ORDER BY id")
    expect(audit).toHaveLength(3)
    expect(new Set(audit.map((a) => a.id)).size).toBe(3)
  })

  it('puts an updated deal back on its old account before erasing the account the batch created for it', async () => {
    const ws = await importWorkspace()
    const first = ws.file('v1.csv', csvOf([['商机名称', '客户名称', '阶段'], ['A', '甲公司', '初步接洽']]))
    await ws.call('imports.commit', { path: first, entity: 'opportunity' })
    const before = grids(ws)
    const [deal] = (await ws.call('opportunities.list', {})).rows
    const export_ = ws.file('v2.csv', csvOf([[RECORD_ID_HEADER, '商机名称', '客户名称', '阶段'], [deal!.id, 'A', '新客户公司', '初步接洽']]))
    const update = await ws.call('imports.commit', { path: export_, entity: 'opportunity', onDuplicate: 'update' })
    expect(update.counts).toMatchObject({ update: 1, create: 0 })
    expect(update.creates.accounts).toBe(1)

    expect(await ws.call('imports.undo', { batchId: update.batchId! })).toEqual({ batchId: update.batchId, deleted: 1, restored: 1, trashed: 0 })
    const after = grids(ws)
    expect(after.accounts).toEqual(before.accounts)
    // The restore is one more audited version of the deal; every other column is back as it was.
    const unversioned = (rows: Record<string, unknown>[]) => rows.map((row) => ({ ...row, version: null, updated_at: null }))
    expect(unversioned(after.opportunities!)).toEqual(unversioned(before.opportunities!))
  })
})
