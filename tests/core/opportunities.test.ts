import { describe, expect, it } from 'vitest'
import type { Stage } from '../../shared/entities'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

async function stagesByKey(ws: TestWorkspace): Promise<Record<string, Stage>> {
  const stages = await ws.call('stages.list', { pipelineId: 1 })
  return Object.fromEntries(stages.map((s) => [s.key, s]))
}

async function seedUser(ws: TestWorkspace): Promise<number> {
  return Number(
    ws.core.db
      .prepare("INSERT INTO users (name, role, created_at) VALUES ('李娜', 'rep', '2026-01-01T00:00:00.000Z')")
      .run().lastInsertRowid,
  )
}

describe('opportunities through the API', () => {
  it('creates a deal with its first stage-history row and an audit row', async () => {
    const ws = await openWorkspace()
    const userId = await seedUser(ws)
    const stages = await stagesByKey(ws)
    const account = await ws.call('accounts.create', { name: '上海华东精密机械有限公司' })
    const opp = await ws.call(
      'opportunities.create',
      { name: '华东精密 CRM 一期', accountId: account.id, stageId: stages.discovery!.id, amount: 120000 },
      { userId },
    )
    expect(opp).toMatchObject({
      name: '华东精密 CRM 一期',
      accountName: '上海华东精密机械有限公司',
      probability: stages.discovery!.probability,
      weightedAmount: 12000,
      ownerId: userId,
      version: 1,
      currency: 'CNY',
    })
    const detail = await ws.call('opportunities.detail', { id: opp.id })
    expect(detail.stageHistory).toHaveLength(1)
    expect(detail.stageHistory[0]).toMatchObject({ fromStageId: null, toStageId: stages.discovery!.id, changedBy: userId })
    expect(detail.audit.map((a) => a.action)).toEqual(['create'])
    expect(detail.account?.name).toBe('上海华东精密机械有限公司')
  })

  it('refuses a move to 报价 without amount and expected close date, naming what is missing', async () => {
    const ws = await openWorkspace()
    const stages = await stagesByKey(ws)
    const opp = await ws.call('opportunities.create', { name: '无金额商机', stageId: stages.discovery!.id })
    const result = await ws.raw(
      'opportunities.update',
      { id: opp.id, version: opp.version, patch: { stageId: stages.quote!.id } },
      { locale: 'zh-CN', userId: null },
    )
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'STAGE_REQUIREMENTS', details: { missing: ['amount', 'expectedCloseDate'] } },
    })
    if (!result.ok) expect(result.error.message).toContain('必填')
    const unchanged = await ws.call('opportunities.get', { id: opp.id })
    expect(unchanged.stageId).toBe(stages.discovery!.id)
    expect(unchanged.version).toBe(1)
  })

  it('moves a deal with the required fields, recording history, audit and the new probability', async () => {
    let tick = Date.parse('2026-11-01T08:00:00.000Z')
    const ws = await openWorkspace({ now: () => new Date((tick += 3_600_000)) })
    const stages = await stagesByKey(ws)
    const opp = await ws.call('opportunities.create', { name: '报价商机', stageId: stages.discovery!.id })
    const moved = await ws.call('opportunities.update', {
      id: opp.id,
      version: opp.version,
      patch: { stageId: stages.quote!.id, amount: 500000, expectedCloseDate: '2026-12-31' },
    })
    expect(moved).toMatchObject({ stageId: stages.quote!.id, probability: 60, version: 2, closedAt: null })
    expect(moved.stageEnteredAt > opp.stageEnteredAt).toBe(true)
    const detail = await ws.call('opportunities.detail', { id: opp.id })
    expect(detail.stageHistory.map((h) => h.toStageId)).toEqual([stages.discovery!.id, stages.quote!.id])
    const fields = detail.audit.filter((a) => a.action === 'update').map((a) => a.field).sort()
    expect(fields).toEqual(['amount', 'expected_close_date', 'probability', 'stage_entered_at', 'stage_id'])
    expect(detail.audit.some((a) => a.action === 'stage' && a.newValue === String(stages.quote!.id))).toBe(true)
  })

  it('won needs a signed date; lost to a competitor needs the competitor; both close the deal', async () => {
    const ws = await openWorkspace()
    const stages = await stagesByKey(ws)
    const a = await ws.call('opportunities.create', { name: 'A', stageId: stages.discovery!.id, amount: 10 })
    const noSignedDate = await ws.raw('opportunities.update', { id: a.id, version: 1, patch: { stageId: stages.won!.id } })
    expect(noSignedDate).toMatchObject({ ok: false, error: { details: { missing: ['signedDate'] } } })
    const won = await ws.call('opportunities.update', {
      id: a.id,
      version: 1,
      patch: { stageId: stages.won!.id, signedDate: '2026-11-20' },
    })
    expect(won.stageKind).toBe('won')
    expect(won.closedAt).toBe('2026-11-20T08:00:00.000Z')

    const b = await ws.call('opportunities.create', { name: 'B', stageId: stages.discovery!.id })
    const noCompetitor = await ws.raw('opportunities.update', {
      id: b.id,
      version: 1,
      patch: { stageId: stages.lost!.id, lossReason: 'competitor' },
    })
    expect(noCompetitor).toMatchObject({ ok: false, error: { details: { missing: ['competitor'] } } })
    const lost = await ws.call('opportunities.update', {
      id: b.id,
      version: 1,
      patch: { stageId: stages.lost!.id, lossReason: 'competitor', competitor: '纷享销客' },
    })
    expect(lost).toMatchObject({ stageKind: 'lost', probability: 0, competitor: '纷享销客' })
  })

  it('does not let an edit blank a field the current stage requires', async () => {
    const ws = await openWorkspace()
    const stages = await stagesByKey(ws)
    const opp = await ws.call('opportunities.create', {
      name: '报价中',
      stageId: stages.quote!.id,
      amount: 1000,
      expectedCloseDate: '2026-12-01',
    })
    const result = await ws.raw('opportunities.update', { id: opp.id, version: 1, patch: { amount: null } })
    expect(result).toMatchObject({ ok: false, error: { code: 'STAGE_REQUIREMENTS', details: { missing: ['amount'] } } })
    const renamed = await ws.call('opportunities.update', { id: opp.id, version: 1, patch: { name: '报价中（改名）' } })
    expect(renamed.name).toBe('报价中（改名）')
  })

  it('refuses a stale edit with CONFLICT and the fresh row, never overwriting', async () => {
    const ws = await openWorkspace()
    const stages = await stagesByKey(ws)
    const opp = await ws.call('opportunities.create', { name: '原名', stageId: stages.discovery!.id })
    await ws.call('opportunities.update', { id: opp.id, version: 1, patch: { name: '同事改的名字' } })
    const stale = await ws.raw('opportunities.update', { id: opp.id, version: 1, patch: { name: '我改的名字' } })
    expect(stale).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { current: { name: '同事改的名字', version: 2 } } },
    })
    expect((await ws.call('opportunities.get', { id: opp.id })).name).toBe('同事改的名字')
  })

  it('deletes to the trash and restores with audit rows', async () => {
    const ws = await openWorkspace()
    const stages = await stagesByKey(ws)
    const opp = await ws.call('opportunities.create', { name: '将被删除', stageId: stages.discovery!.id })
    await ws.call('opportunities.delete', { id: opp.id, version: 1 })
    expect(await ws.raw('opportunities.get', { id: opp.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await ws.call('trash.list', {})).toEqual([
      expect.objectContaining({ entityType: 'opportunity', entityId: opp.id, title: '将被删除' }),
    ])
    await ws.call('trash.restore', { entityType: 'opportunity', entityId: opp.id })
    expect((await ws.call('opportunities.get', { id: opp.id })).name).toBe('将被删除')
    const actions = (await ws.call('audit.list', { entityType: 'opportunity', entityId: opp.id })).map((a) => a.action)
    expect(actions).toEqual(['restore', 'delete', 'create'])
  })

  it('logging a follow-up moves the deal’s last activity and next follow-up dates', async () => {
    const ws = await openWorkspace()
    const stages = await stagesByKey(ws)
    const opp = await ws.call('opportunities.create', { name: '跟进', stageId: stages.discovery!.id })
    const activity = await ws.call('activities.create', {
      entityType: 'opportunity',
      entityId: opp.id,
      type: 'wechat',
      content: '微信沟通了报价区间',
      nextDate: '2026-11-27',
    })
    expect(activity.type).toBe('wechat')
    const after = await ws.call('opportunities.get', { id: opp.id })
    expect(after).toMatchObject({ nextFollowUpDate: '2026-11-27', lastActivityAt: '2026-11-20T08:00:00.000Z', version: 2 })
    const detail = await ws.call('opportunities.detail', { id: opp.id })
    expect(detail.activities.map((a) => a.content)).toEqual(['微信沟通了报价区间'])
  })

  it('rejects references to records that do not exist', async () => {
    const ws = await openWorkspace()
    const stages = await stagesByKey(ws)
    const result = await ws.raw('opportunities.create', { name: 'x', stageId: stages.discovery!.id, accountId: 999 })
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', details: { issues: [{ path: ['accountId'] }] } } })
    const badStage = await ws.raw('opportunities.create', { name: 'x', stageId: 9999 })
    expect(badStage).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(ws.core.db.prepare('SELECT count(*) FROM opportunities').pluck().get()).toBe(0)
  })
})
