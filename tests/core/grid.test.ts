import { describe, expect, it } from 'vitest'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

const base = { offset: 0, limit: 500, sort: [], filters: [] }

function addUser(ws: TestWorkspace, name: string): number {
  return Number(
    ws.core.db.prepare("INSERT INTO users (name, role, created_at) VALUES (?, 'rep', '2026-01-01T00:00:00.000Z')").run(name)
      .lastInsertRowid,
  )
}

async function stageIds(ws: TestWorkspace) {
  const stages = await ws.call('stages.list', { pipelineId: 1 })
  return (key: string) => stages.find((s) => s.key === key)!.id
}

describe('grid writes', () => {
  it('bulk-edits the owner of 300 rows in one step, with one audit row each', async () => {
    const ws = await openWorkspace()
    const stage = await stageIds(ws)
    const owner = addUser(ws, '赵磊')
    const created = await ws.call('grid.create', {
      entity: 'opportunity',
      rows: Array.from({ length: 300 }, (_, i) => ({ name: `批量商机 ${i}`, stageId: stage('discovery'), currency: 'CNY' as const })),
    })
    expect(created.rows).toHaveLength(300)
    const result = await ws.call('grid.update', {
      entity: 'opportunity',
      changes: created.rows.map((r) => ({ id: r.id, version: r.version, patch: { ownerId: owner } })),
    })
    expect(result.rows.every((r) => r.version === 2)).toBe(true)
    const mine = await ws.call('opportunities.list', { ...base, filters: [{ column: 'ownerId', op: 'in', value: [owner] }] })
    expect(mine.total).toBe(300)
    const audits = ws.core.db.prepare("SELECT count(*) FROM audit_log WHERE field = 'owner_id' AND action = 'update'").pluck().get()
    expect(audits).toBe(300)
  })

  it('writes nothing when any row of a paste is invalid, and says which row', async () => {
    const ws = await openWorkspace()
    const stage = await stageIds(ws)
    const created = await ws.call('grid.create', {
      entity: 'opportunity',
      rows: ['甲', '乙', '丙'].map((name) => ({ name, stageId: stage('discovery'), currency: 'CNY' as const })),
    })
    const [a, b, c] = created.rows
    const result = await ws.raw('grid.update', {
      entity: 'opportunity',
      changes: [
        { id: a!.id, version: 1, patch: { amount: 120000 } },
        { id: b!.id, version: 1, patch: { stageId: stage('quote') } },
        { id: c!.id, version: 1, patch: { amount: 5 } },
      ],
    })
    expect(result).toMatchObject({ ok: false, error: { code: 'STAGE_REQUIREMENTS', details: { row: 1, id: b!.id } } })
    const rows = await ws.call('opportunities.list', base)
    expect(rows.rows.map((r) => [r.amount, r.version])).toEqual([
      [null, 1],
      [null, 1],
      [null, 1],
    ])
  })

  it('refuses a stale row in a batch with CONFLICT and leaves the others untouched', async () => {
    const ws = await openWorkspace()
    const account = await ws.call('accounts.create', { name: '北京远望科技有限公司' })
    const other = await ws.call('accounts.create', { name: '杭州西湖贸易' })
    await ws.call('grid.update', { entity: 'account', changes: [{ id: account.id, version: 1, patch: { region: 'north' } }] })
    const stale = await ws.raw('grid.update', {
      entity: 'account',
      changes: [
        { id: other.id, version: 1, patch: { region: 'east' } },
        { id: account.id, version: 1, patch: { region: 'south' } },
      ],
    })
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { row: 1, current: { region: 'north' } } } })
    expect((await ws.call('accounts.list', { ...base, filters: [{ column: 'region', op: 'equals', value: 'east' }] })).total).toBe(0)
  })

  it('keeps normalised copies in step when a name, phone or email is edited', async () => {
    const ws = await openWorkspace()
    const lead = await ws.call('leads.create', { company: '深圳前海（集团）有限公司', phone: '+86 138-0013-8000' })
    expect(ws.core.db.prepare('SELECT company_norm, phone_norm FROM leads').get()).toEqual({
      company_norm: '深圳前海',
      phone_norm: '13800138000',
    })
    await ws.call('grid.update', { entity: 'lead', changes: [{ id: lead.id, version: 1, patch: { phone: '0086 139 0000 0000', email: 'Li@Example.COM' } }] })
    expect(ws.core.db.prepare('SELECT phone_norm, email_norm FROM leads').get()).toEqual({
      phone_norm: '13900000000',
      email_norm: 'li@example.com',
    })
  })

  it('deletes selected rows to the trash together', async () => {
    const ws = await openWorkspace()
    const t1 = await ws.call('tasks.create', { title: '回访' })
    const t2 = await ws.call('tasks.create', { title: '寄样品' })
    await ws.call('grid.delete', { entity: 'task', rows: [{ id: t1.id, version: 1 }, { id: t2.id, version: 1 }] })
    expect((await ws.call('tasks.list', base)).total).toBe(0)
    expect((await ws.call('trash.list', {})).map((t) => t.title).sort()).toEqual(['回访', '寄样品'].sort())
  })
})

describe('grouping, presets and the rotting flag', () => {
  it('groups by stage with count, amount in the base currency and weighted amount', async () => {
    const ws = await openWorkspace()
    const stage = await stageIds(ws)
    await ws.call('grid.create', {
      entity: 'opportunity',
      rows: [
        { name: 'a', stageId: stage('discovery'), amount: 100000, currency: 'CNY' },
        { name: 'b', stageId: stage('discovery'), amount: 10000, currency: 'USD' },
        { name: 'c', stageId: stage('quote'), amount: 200000, expectedCloseDate: '2026-12-01', currency: 'CNY' },
        { name: 'd', stageId: stage('quote'), amount: null, expectedCloseDate: '2026-12-01', currency: 'CNY' },
      ],
    }).catch((err: Error) => err)
    const groups = await ws.call('grid.groups', { entity: 'opportunity', groupBy: 'stageId', filters: [] })
    // d cannot enter 报价 without an amount, so the whole create was refused: nothing is grouped.
    expect(groups).toEqual([])

    await ws.call('grid.create', {
      entity: 'opportunity',
      rows: [
        { name: 'a', stageId: stage('discovery'), amount: 100000, currency: 'CNY' },
        { name: 'b', stageId: stage('discovery'), amount: 10000, currency: 'USD' },
        { name: 'c', stageId: stage('quote'), amount: 200000, expectedCloseDate: '2026-12-01', currency: 'CNY' },
      ],
    })
    const grouped = await ws.call('grid.groups', { entity: 'opportunity', groupBy: 'stageId', filters: [] })
    expect(grouped).toEqual([
      { key: stage('discovery'), count: 2, amount: 171000, weightedAmount: 17100 },
      { key: stage('quote'), count: 1, amount: 200000, weightedAmount: 120000 },
    ])
    const byMonth = await ws.call('grid.groups', { entity: 'opportunity', groupBy: 'expectedCloseDate', filters: [] })
    expect(byMonth.map((g) => [g.key, g.count])).toEqual([
      ['2026-12', 1],
      [null, 2],
    ])
    const bad = await ws.raw('grid.groups', { entity: 'opportunity', groupBy: 'name', filters: [] })
    expect(bad).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COLUMN' } })
  })

  it('resolves date presets and "me" against the workspace clock and caller', async () => {
    const ws = await openWorkspace({ now: () => new Date('2026-11-20T08:00:00.000Z') })
    const stage = await stageIds(ws)
    const me = addUser(ws, '我')
    const other = addUser(ws, '同事')
    await ws.call('grid.create', {
      entity: 'opportunity',
      rows: [
        { name: '本月', stageId: stage('discovery'), expectedCloseDate: '2026-11-30', ownerId: me, currency: 'CNY' },
        { name: '下月', stageId: stage('discovery'), expectedCloseDate: '2026-12-01', ownerId: other, currency: 'CNY' },
        { name: '逾期', stageId: stage('discovery'), expectedCloseDate: '2026-11-19', ownerId: me, currency: 'CNY' },
      ],
    })
    const list = (filters: unknown[], userId: number | null = me) =>
      ws.call('opportunities.list', { ...base, filters } as never, { userId }).then((r) => r.rows.map((o) => o.name))
    expect(await list([{ column: 'expectedCloseDate', op: 'preset', value: 'thisMonth' }])).toEqual(['本月', '逾期'])
    expect(await list([{ column: 'expectedCloseDate', op: 'preset', value: 'nextMonth' }])).toEqual(['下月'])
    expect(await list([{ column: 'expectedCloseDate', op: 'preset', value: 'overdue' }])).toEqual(['逾期'])
    expect(await list([{ column: 'expectedCloseDate', op: 'preset', value: 'thisWeek' }])).toEqual(['逾期'])
    expect(await list([{ column: 'ownerId', op: 'me' }])).toEqual(['本月', '逾期'])
    expect(await list([{ column: 'ownerId', op: 'me' }], other)).toEqual(['下月'])
    expect(await list([{ column: 'ownerId', op: 'me' }], null)).toEqual([])
    const wrong = await ws.raw('opportunities.list', { ...base, filters: [{ column: 'name', op: 'preset', value: 'today' }] })
    expect(wrong).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('flags a deal as rotting once its stage’s rotting days pass without activity', async () => {
    let now = new Date('2026-11-01T08:00:00.000Z')
    const ws = await openWorkspace({ now: () => now })
    const stage = await stageIds(ws)
    const opp = await ws.call('opportunities.create', { name: '会停滞', stageId: stage('discovery') })
    expect(opp.isRotting).toBe(false)
    now = new Date('2026-11-20T08:00:00.000Z') // 19 days later; 初步接洽 rots after 14
    expect((await ws.call('opportunities.get', { id: opp.id })).isRotting).toBe(true)
    const stale = await ws.call('opportunities.list', { ...base, filters: [{ column: 'isRotting', op: 'equals', value: 1 }] })
    expect(stale.total).toBe(1)
    await ws.call('activities.create', { entityType: 'opportunity', entityId: opp.id, type: 'call', content: '电话回访' })
    expect((await ws.call('opportunities.get', { id: opp.id })).isRotting).toBe(false)
  })
})

describe('saved views', () => {
  it('ships the four default views and applies "My open deals" to the caller', async () => {
    const ws = await openWorkspace()
    const views = await ws.call('views.list', { entity: 'opportunity' })
    expect(views.map((v) => v.builtinKey)).toEqual(['my_open_deals', 'closing_this_month', 'stale_deals', 'won_this_quarter'])
    const stage = await stageIds(ws)
    const me = addUser(ws, '我')
    await ws.call('opportunities.create', { name: '我的', stageId: stage('discovery'), ownerId: me })
    await ws.call('opportunities.create', { name: '赢了', stageId: stage('won'), ownerId: me, amount: 1, signedDate: '2026-11-01' })
    const myOpen = views[0]!.state
    const result = await ws.call('opportunities.list', { ...base, filters: myOpen.filters, sort: myOpen.sort } as never, { userId: me })
    expect(result.rows.map((r) => r.name)).toEqual(['我的'])
    const won = views[3]!.state
    const wonRows = await ws.call('opportunities.list', { ...base, filters: won.filters } as never)
    expect(wonRows.rows.map((r) => r.name)).toEqual(['赢了'])
  })

  it('keeps personal views personal, shares shared ones, and lets only the owner change them', async () => {
    const ws = await openWorkspace()
    const alice = addUser(ws, '王芳')
    const bob = addUser(ws, '李强')
    const state = { filters: [{ column: 'source', op: 'in' as const, value: ['website'] }], sort: [], columns: [{ key: 'name', width: 240 }], pinned: 1, groupBy: 'stageId' }
    const mine = await ws.call('views.save', { entity: 'opportunity', name: '官网来源', shared: false, state }, { userId: alice })
    const team = await ws.call('views.save', { entity: 'opportunity', name: '团队视图', shared: true, state }, { userId: alice })
    expect(mine.state).toEqual({ ...state })
    const bobs = await ws.call('views.list', { entity: 'opportunity' }, { userId: bob })
    expect(bobs.map((v) => v.name)).toContain('团队视图')
    expect(bobs.map((v) => v.name)).not.toContain('官网来源')
    const hijack = await ws.raw('views.save', { id: team.id, entity: 'opportunity', name: 'mine now', shared: true, state }, { locale: 'en', userId: bob })
    expect(hijack).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const builtin = (await ws.call('views.list', { entity: 'opportunity' }))[0]!
    expect(await ws.raw('views.delete', { id: builtin.id }, { locale: 'en', userId: alice })).toMatchObject({ ok: false })
    const renamed = await ws.call('views.save', { id: mine.id, entity: 'opportunity', name: '官网线索', shared: false, state }, { userId: alice })
    expect(renamed.name).toBe('官网线索')
    await ws.call('views.delete', { id: mine.id }, { userId: alice })
    expect((await ws.call('views.list', { entity: 'opportunity' }, { userId: alice })).map((v) => v.name)).not.toContain('官网线索')
    const forged = await ws.raw('views.save', { entity: 'opportunity', name: 'x', state: { ...state, sort: [{ column: 'deleted_at', desc: false }] } })
    expect(forged).toMatchObject({ ok: false, error: { code: 'UNKNOWN_COLUMN' } })
  })
})
