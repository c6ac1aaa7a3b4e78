import { describe, expect, it } from 'vitest'
import { GridColumns } from '../../shared/columns'
import { GridPatches } from '../../shared/entities'
import { GridEntity } from '../../shared/enums'
import { gridSources } from '../../electron/core/store/gridSources'
import { compileWindowQuery } from '../../electron/core/store/windowQuery'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

const base = { offset: 0, limit: 100, sort: [], filters: [] }
const ctx = { userId: null, today: new Date('2026-11-20T08:00:00Z') }

async function pipelineOf(ws: TestWorkspace) {
  const stages = await ws.call('stages.list', { pipelineId: 1 })
  const stage = (key: string) => stages.find((s) => s.key === key)!.id
  const acme = await ws.call('accounts.create', { name: 'Acme 100% Ltd' })
  const huadong = await ws.call('accounts.create', { name: '华东精密' })
  const rows = [
    { name: '甲 ERP', stageId: stage('discovery'), amount: 50000, expectedCloseDate: '2026-12-05', accountId: huadong.id, source: 'website' },
    { name: '乙 CRM', stageId: stage('quote'), amount: 300000, expectedCloseDate: '2026-11-30', accountId: acme.id, source: 'referral' },
    { name: '丙 硬件', stageId: stage('qualified'), amount: null, expectedCloseDate: null, accountId: null, source: null },
    { name: '丁 培训_特价', stageId: stage('negotiation'), amount: 80000, expectedCloseDate: '2027-01-10', accountId: acme.id, source: 'website' },
  ]
  for (const row of rows) await ws.call('opportunities.create', row)
  return { stage }
}

const names = (result: { rows: { name: string }[] }) => result.rows.map((r) => r.name)

describe('window queries', () => {
  it('keeps the store’s SQL sources and the contract’s whitelist in step', () => {
    for (const entity of GridEntity.options) {
      expect(Object.keys(gridSources[entity].columns).sort()).toEqual(GridColumns[entity].map((c) => c.key).sort())
    }
  })

  it('marks editable only the columns a grid patch accepts', () => {
    for (const entity of GridEntity.options) {
      const accepted = Object.keys(GridPatches[entity].shape)
      // The account column is edited by picking an account.
      const field = (key: string) => (key === 'accountName' ? 'accountId' : key)
      const unwritable = GridColumns[entity].filter((c) => c.editable && !accepted.includes(field(c.key))).map((c) => c.key)
      expect(unwritable, entity).toEqual([])
    }
  })

  it('refuses a column outside the whitelist when compiling', () => {
    expect(() => compileWindowQuery('opportunity', { ...base, sort: [{ column: 'version', desc: false }] }, ctx)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_COLUMN' }),
    )
    expect(() =>
      compileWindowQuery('lead', { ...base, filters: [{ column: 'constructor', op: 'equals', value: 1 }] }, ctx),
    ).toThrow(expect.objectContaining({ code: 'UNKNOWN_COLUMN' }))
  })

  it('binds every user value as a parameter', () => {
    const evil = "x' OR 1=1 --"
    const compiled = compileWindowQuery('opportunity', {
      ...base,
      filters: [{ column: 'name', op: 'equals', value: evil }],
      search: evil,
    }, ctx)
    expect(compiled.idsSql).not.toContain(evil)
    expect(compiled.countSql).not.toContain(evil)
    expect(compiled.params).toContain(evil)
  })

  it('sorts on several columns with empty values last, and pages', async () => {
    const ws = await openWorkspace()
    await pipelineOf(ws)
    const byAmount = await ws.call('opportunities.list', { ...base, sort: [{ column: 'amount', desc: true }] })
    expect(names(byAmount)).toEqual(['乙 CRM', '丁 培训_特价', '甲 ERP', '丙 硬件'])
    expect(byAmount.total).toBe(4)
    const byAccountThenAmount = await ws.call('opportunities.list', {
      ...base,
      sort: [{ column: 'accountName', desc: false }, { column: 'amount', desc: false }],
    })
    expect(names(byAccountThenAmount)).toEqual(['丁 培训_特价', '乙 CRM', '甲 ERP', '丙 硬件'])
    const byStage = await ws.call('opportunities.list', { ...base, sort: [{ column: 'stageId', desc: false }] })
    expect(names(byStage)).toEqual(['甲 ERP', '丙 硬件', '乙 CRM', '丁 培训_特价'])
    const page = await ws.call('opportunities.list', { ...base, offset: 1, limit: 2, sort: [{ column: 'amount', desc: true }] })
    expect(names(page)).toEqual(['丁 培训_特价', '甲 ERP'])
    expect(page).toMatchObject({ total: 4, offset: 1 })
  })

  it('filters by contains, equals, empty, ranges and lists, and counts in SQL', async () => {
    const ws = await openWorkspace()
    const { stage } = await pipelineOf(ws)
    const list = (filters: unknown[]) => ws.call('opportunities.list', { ...base, filters } as never)
    expect(names(await list([{ column: 'name', op: 'contains', value: 'CRM' }]))).toEqual(['乙 CRM'])
    expect(names(await list([{ column: 'source', op: 'equals', value: 'website' }]))).toEqual(['甲 ERP', '丁 培训_特价'])
    expect(names(await list([{ column: 'amount', op: 'empty' }]))).toEqual(['丙 硬件'])
    expect((await list([{ column: 'amount', op: 'between', value: { from: 60000, to: 400000 } }])).total).toBe(2)
    expect(names(await list([{ column: 'expectedCloseDate', op: 'between', value: { from: '2026-12-01', to: '2026-12-31' } }]))).toEqual(['甲 ERP'])
    expect(names(await list([{ column: 'stageId', op: 'in', value: [stage('quote'), stage('negotiation')] }]))).toEqual(['乙 CRM', '丁 培训_特价'])
    expect(names(await list([{ column: 'source', op: 'in', value: ['referral', null] }]))).toEqual(['乙 CRM', '丙 硬件'])
    const created = await list([{ column: 'createdAt', op: 'between', value: { from: '2026-11-20', to: '2026-11-20' } }])
    expect(created.total).toBe(4)
  })

  it('treats % and _ in search text literally', async () => {
    const ws = await openWorkspace()
    await pipelineOf(ws)
    const underscore = await ws.call('opportunities.list', { ...base, search: '_' })
    expect(names(underscore)).toEqual(['丁 培训_特价'])
    const percent = await ws.call('opportunities.list', { ...base, search: '100%' })
    expect(percent.rows.map((r) => r.accountName)).toEqual(['Acme 100% Ltd', 'Acme 100% Ltd'])
    expect((await ws.call('opportunities.list', { ...base, search: '华东' })).total).toBe(1)
  })

  it('serves every grid entity', async () => {
    const ws = await openWorkspace()
    await pipelineOf(ws)
    expect((await ws.call('accounts.list', { ...base, sort: [{ column: 'name', desc: false }] })).total).toBe(2)
    expect((await ws.call('contacts.list', base)).total).toBe(0)
    expect((await ws.call('leads.list', base)).total).toBe(0)
    expect((await ws.call('activities.list', base)).total).toBe(0)
    expect((await ws.call('tasks.list', base)).total).toBe(0)
  })
})

describe('indexed sorting', () => {
  it('sorts every opportunity column a rep sorts by through an index, without a temp sort', async () => {
    const ws = await openWorkspace()
    for (const column of ['amount', 'name', 'expectedCloseDate', 'updatedAt', 'stageId', 'ownerId', 'accountName', 'createdAt']) {
      for (const desc of [false, true]) {
        const { idsSql } = compileWindowQuery('opportunity', { ...base, sort: [{ column, desc }] }, ctx)
        const plan = ws.core.db.prepare(`EXPLAIN QUERY PLAN ${idsSql}`).all(1, 0) as { detail: string }[]
        const details = plan.map((p) => p.detail).join(' | ')
        expect(details, column).not.toContain('TEMP B-TREE')
        expect(details, column).toMatch(/USING (COVERING )?INDEX/)
      }
    }
  })

  it('keeps the stage, owner and account sort keys right when any of them changes', async () => {
    const ws = await openWorkspace()
    const { stage } = await pipelineOf(ws)
    const sortedNames = async (column: string) =>
      names(await ws.call('opportunities.list', { ...base, sort: [{ column, desc: false }] } as never))
    expect(await sortedNames('accountName')).toEqual(['乙 CRM', '丁 培训_特价', '甲 ERP', '丙 硬件'])
    ws.core.db.prepare("UPDATE accounts SET name = '香港 100% 贸易' WHERE name = 'Acme 100% Ltd'").run()
    expect(await sortedNames('accountName')).toEqual(['甲 ERP', '乙 CRM', '丁 培训_特价', '丙 硬件'])
    // Reordering stages (a Settings change) moves 商务谈判 ahead of 初步接洽.
    ws.core.db.prepare('UPDATE stages SET sort_order = 0 WHERE id = ?').run(stage('negotiation'))
    expect(await sortedNames('stageId')).toEqual(['丁 培训_特价', '甲 ERP', '丙 硬件', '乙 CRM'])
  })

  it('skips the count when a scrolling window asks for none', async () => {
    const ws = await openWorkspace()
    await pipelineOf(ws)
    const page = await ws.call('opportunities.list', { ...base, offset: 2, limit: 2, withTotal: false })
    expect(page).toMatchObject({ total: null, offset: 2 })
    expect(page.rows).toHaveLength(2)
  })
})
