import { describe, expect, it } from 'vitest'
import { addUser, expectError, ruleTasks, stagesOf, workspaceWithClock } from './helpers'

describe('configurable stages', () => {
  it('adds, renames and reorders stages; deals keep sorting by the new order', async () => {
    const { ws } = await workspaceWithClock()
    const stages = await stagesOf(ws)
    const pipelineId = stages.discovery!.pipelineId
    const created = await ws.call('stages.create', {
      pipelineId,
      afterStageId: stages.qualified!.id,
      nameZh: '技术交流',
      nameEn: 'Tech review',
      probability: 30,
      rottingDays: 10,
    })
    const order = (await ws.call('stages.list', { pipelineId })).map((s) => s.key)
    expect(order.slice(0, 4)).toEqual(['discovery', 'qualified', created.key, 'solution'])

    const renamed = await ws.call('stages.update', { id: created.id, patch: { nameZh: '技术评审', nameEn: 'Technical review', probability: 35 } })
    expect(renamed).toMatchObject({ nameZh: '技术评审', nameEn: 'Technical review', probability: 35, kind: 'open' })

    const a = await ws.call('opportunities.create', { name: 'A 初步', stageId: stages.discovery!.id })
    const b = await ws.call('opportunities.create', { name: 'B 方案', stageId: stages.solution!.id })
    // 方案演示 moves to the front.
    const ids = (await ws.call('stages.list', { pipelineId })).map((s) => s.id)
    const solutionFirst = [stages.solution!.id, ...ids.filter((id) => id !== stages.solution!.id)]
    const reordered = await ws.call('stages.reorder', { pipelineId, stageIds: solutionFirst })
    expect(reordered.map((s) => s.id)).toEqual(solutionFirst)
    const sorted = await ws.call('opportunities.list', { sort: [{ column: 'stageId', desc: false }] })
    expect(sorted.rows.map((r) => r.id)).toEqual([b.id, a.id])

    const missingOne = await expectError(ws, 'stages.reorder', { pipelineId, stageIds: solutionFirst.slice(1) })
    expect(missingOne.code).toBe('VALIDATION')
  })

  it('enforces the fields required to enter a stage on every path that moves a deal', async () => {
    const { ws } = await workspaceWithClock()
    const stages = await stagesOf(ws)
    const deal = await ws.call('opportunities.create', { name: '无金额', stageId: stages.discovery!.id })
    const quote = stages.quote!.id

    const viaUpdate = await expectError(ws, 'opportunities.update', { id: deal.id, version: deal.version, patch: { stageId: quote } })
    expect(viaUpdate).toMatchObject({ code: 'STAGE_REQUIREMENTS', details: { missing: ['amount', 'expectedCloseDate'] } })
    const viaGrid = await expectError(ws, 'grid.update', {
      entity: 'opportunity',
      changes: [{ id: deal.id, version: deal.version, patch: { stageId: quote, amount: 1000 } }],
    })
    expect(viaGrid).toMatchObject({ code: 'STAGE_REQUIREMENTS', details: { missing: ['expectedCloseDate'] } })

    // A stage's requirements are configurable: 方案演示 now needs a next step.
    await ws.call('stages.update', { id: stages.solution!.id, patch: { requiredFields: ['nextStep'] } })
    const viaConfig = await expectError(ws, 'opportunities.update', { id: deal.id, version: deal.version, patch: { stageId: stages.solution!.id } })
    expect(viaConfig).toMatchObject({ code: 'STAGE_REQUIREMENTS', details: { missing: ['nextStep'] } })

    // Won requires the contract path's final amount and signed date; lost a listed reason, and the competitor.
    const won = await ws.call('opportunities.create', { name: '已赢', stageId: stages.won!.id, amount: 10, signedDate: '2026-11-01' })
    const viaRepurchase = await expectError(ws, 'opportunities.repurchase', { id: won.id, stageId: quote })
    expect(viaRepurchase).toMatchObject({ code: 'STAGE_REQUIREMENTS', details: { missing: ['amount', 'expectedCloseDate'] } })
    const winWithout = await expectError(ws, 'opportunities.update', { id: deal.id, version: deal.version, patch: { stageId: stages.won!.id } })
    expect(winWithout).toMatchObject({ code: 'STAGE_REQUIREMENTS', details: { missing: ['amount', 'signedDate'] } })
    const unlisted = await expectError(ws, 'opportunities.lose', { id: deal.id, version: deal.version, lossReason: '心情不好' })
    expect(unlisted.code).toBe('VALIDATION')
    const noCompetitor = await expectError(ws, 'opportunities.lose', { id: deal.id, version: deal.version, lossReason: 'competitor' })
    expect(noCompetitor).toMatchObject({ code: 'STAGE_REQUIREMENTS', details: { missing: ['competitor'] } })
    const lost = await ws.call('opportunities.lose', { id: deal.id, version: deal.version, lossReason: 'competitor', competitor: '某某软件' })
    expect(lost).toMatchObject({ stageKind: 'lost', lossReason: 'competitor', competitor: '某某软件' })
  })

  it('creates a stage’s entry checklist as tasks for the owner when a deal enters it', async () => {
    const { ws } = await workspaceWithClock()
    const rep = addUser(ws, '李娜')
    const stages = await stagesOf(ws)
    await ws.call('stages.update', { id: stages.solution!.id, patch: { entryTasks: ['准备演示环境', '发送方案书'] } })
    const deal = await ws.call('opportunities.create', { name: '清单商机', stageId: stages.discovery!.id, ownerId: rep })
    await ws.call('grid.update', { entity: 'opportunity', changes: [{ id: deal.id, version: deal.version, patch: { stageId: stages.solution!.id } }] })
    const tasks = ruleTasks(ws, 'stage:')
    expect(tasks.map((t) => [t.title, t.assigneeId, t.entityId, t.dueDate])).toEqual([
      ['准备演示环境', rep, deal.id, '2026-11-20'],
      ['发送方案书', rep, deal.id, '2026-11-20'],
    ])
    const taskAudit = await ws.call('audit.list', { entityType: 'task', entityId: tasks[0]!.id })
    expect(taskAudit.map((a) => a.action)).toEqual(['create'])
  })
})
