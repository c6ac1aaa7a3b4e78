import { describe, expect, it } from 'vitest'
import { addUser, expectError, leadFields, workspaceWithClock } from './helpers'

describe('the lead pool (公海)', () => {
  it('an unassigned lead waits in the pool; reps claim within their limit', async () => {
    const { ws } = await workspaceWithClock()
    const rep = addUser(ws, '李娜')
    const other = addUser(ws, '王强')
    await ws.call('loopConfig.update', { pool: { claimLimit: 2, returnDays: 14 } })
    const leads = []
    for (let i = 0; i < 4; i += 1) leads.push(await ws.call('leads.capture', leadFields(`公海客户${i}`, { phone: `1370000000${i}` })))
    expect(leads.every((l) => l.ownerId === null)).toBe(true)

    const claimed = await ws.call('pool.claim', { rows: leads.slice(0, 2).map(({ id, version }) => ({ id, version })) }, { userId: rep })
    expect(claimed.rows).toHaveLength(2)
    expect(await ws.call('pool.status', {}, { userId: rep })).toMatchObject({ claimLimit: 2, held: 2 })

    const overLimit = await expectError(ws, 'pool.claim', { rows: [{ id: leads[2]!.id, version: leads[2]!.version }] }, rep)
    expect(overLimit).toMatchObject({ code: 'CLAIM_LIMIT', details: { limit: 2, held: 2, requested: 1 } })

    // Someone else cannot take a lead that is already claimed.
    const taken = await expectError(ws, 'pool.claim', { rows: [claimed.rows[0]!] }, other)
    expect(taken.code).toBe('CONFLICT')

    // Releasing one makes room again.
    await ws.call('pool.release', claimed.rows[1]!, { userId: rep })
    await ws.call('pool.claim', { rows: [{ id: leads[2]!.id, version: leads[2]!.version }] }, { userId: rep })
    const audit = await ws.call('audit.list', { entityType: 'lead', entityId: leads[1]!.id })
    expect(audit.filter((a) => a.action === 'assign' && a.field === 'owner_id').map((a) => a.newValue)).toEqual([null, String(rep)])
  })

  it('returns a claimed lead after N days without a follow-up, and keeps one that was followed up', async () => {
    const { ws, clock } = await workspaceWithClock('2026-11-01T08:00:00.000Z')
    const rep = addUser(ws, '李娜')
    await ws.call('loopConfig.update', { pool: { claimLimit: 10, returnDays: 7 } })
    const idle = await ws.call('leads.capture', leadFields('无人跟进'))
    const worked = await ws.call('leads.capture', leadFields('持续跟进', { phone: '13900000000' }))
    await ws.call('pool.claim', { rows: [idle, worked].map(({ id, version }) => ({ id, version })) }, { userId: rep })

    clock.advanceDays(5)
    await ws.call('activities.create', { entityType: 'lead', entityId: worked.id, type: 'call', content: '首次电话' }, { userId: rep })
    clock.advanceDays(3)
    const report = await ws.call('automations.run', {})
    expect(report.returnedToPool).toBe(1)
    const rows = (await ws.call('leads.list', { sort: [{ column: 'company', desc: false }] })).rows
    expect(Object.fromEntries(rows.map((l) => [l.company, l.ownerId]))).toEqual({ 无人跟进: null, 持续跟进: rep })
    const audit = await ws.call('audit.list', { entityType: 'lead', entityId: idle.id })
    expect(audit.find((a) => a.field === 'owner_id')).toMatchObject({ action: 'assign', oldValue: String(rep), newValue: null, userId: null })

    // Running again returns nothing more.
    expect((await ws.call('automations.run', {})).returnedToPool).toBe(0)
  })
})
