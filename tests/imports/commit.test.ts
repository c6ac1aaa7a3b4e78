import { describe, expect, it } from 'vitest'
import { csvOf, fixturePath, importWorkspace, rowsOf, snapshot, xlsxOf } from './helpers'

const header = ['商机名称', '客户名称', '联系人', '手机', '阶段', '预计金额', '预计成交日期', '负责人', '来源', '备注']

describe('committing an import', () => {
  it('creates deals with their accounts and contacts, in one batch recorded with its file and mapping', async () => {
    const ws = await importWorkspace()
    const file = ws.file(
      'deals.xlsx',
      await xlsxOf([
        header,
        ['ERP 升级', '上海华东制造有限公司', '张伟', '+86 138-0013-8000', '初步接洽', '12万', '2026/12/31', null, '官网', '预算已批'],
        ['MES 二期', '上海华东制造（集团）有限公司', '李娜', '13900001111', '方案演示', '¥1,200,000', '2027年1月15日', null, 'Referral', null],
      ]),
    )
    const preview = await ws.call('imports.preview', { path: file, entity: 'opportunity' })
    expect(preview.counts).toEqual({ rows: 2, create: 2, update: 0, unchanged: 0, skip: 0, reject: 0 })
    expect(preview.creates.accounts).toBe(1)
    expect(preview.batchId).toBeNull()
    expect(rowsOf(ws, 'SELECT * FROM opportunities')).toEqual([])

    const commit = await ws.call('imports.commit', { path: file, entity: 'opportunity' })
    expect(commit.counts).toEqual(preview.counts)
    const deals = rowsOf(
      ws,
      `SELECT o.name, o.amount, o.currency, o.expected_close_date AS close, o.source, a.name AS account, c.name AS contact, c.phone_norm AS phone, o.custom
       FROM opportunities o JOIN accounts a ON a.id = o.account_id JOIN contacts c ON c.id = o.contact_id ORDER BY o.id`,
    )
    expect(deals).toEqual([
      { name: 'ERP 升级', amount: 120000, currency: 'CNY', close: '2026-12-31', source: 'website', account: '上海华东制造有限公司', contact: '张伟', phone: '13800138000', custom: '{"notes":"预算已批"}' },
      { name: 'MES 二期', amount: 1200000, currency: 'CNY', close: '2027-01-15', source: 'referral', account: '上海华东制造有限公司', contact: '李娜', phone: '13900001111', custom: '{}' },
    ])
    const [batch] = await ws.call('imports.history', {})
    expect(batch).toMatchObject({ id: commit.batchId, entity: 'opportunity', fileName: 'deals.xlsx', sheet: 'Sheet1', counts: commit.counts })
    expect(batch!.fileHash).toMatch(/^[0-9a-f]{64}$/)
    expect(batch!.mapping.find((m) => m.header === '预计金额')?.target).toBe('amount')
    const audit = rowsOf(ws, "SELECT entity_type, action, batch_id FROM audit_log WHERE action = 'create' ORDER BY id")
    expect(audit.every((a) => a.batch_id === commit.batchId)).toBe(true)
    expect(audit.map((a) => a.entity_type)).toEqual(['account', 'contact', 'opportunity', 'contact', 'opportunity'])
  })

  it('rejects a deal whose stage lacks its required fields, saying which, in the caller’s language', async () => {
    const ws = await importWorkspace()
    const file = ws.file('deals.csv', csvOf([['商机名称', '阶段', '金额'], ['A', '报价', '1000'], ['B', '输单', ''], ['C', '初步接洽', '']]))
    const en = await ws.call('imports.preview', { path: file, entity: 'opportunity' })
    expect(en.counts).toMatchObject({ create: 1, reject: 2 })
    expect(en.issues).toEqual([
      { row: 2, column: '阶段', value: '报价', reason: 'STAGE_REQUIREMENTS', message: 'This stage needs these fields filled in first: Expected close.' },
      { row: 3, column: '阶段', value: '输单', reason: 'STAGE_REQUIREMENTS', message: 'This stage needs these fields filled in first: Loss reason.' },
    ])
    const zh = await ws.raw('imports.preview', { path: file, entity: 'opportunity' }, { locale: 'zh-CN' })
    expect(zh.ok && (zh.value as { issues: { message: string }[] }).issues[1]!.message).toBe('进入该阶段需要先填写：输单原因。')
  })

  it('matches stages by meaning and creates unknown ones as open stages only when asked', async () => {
    const ws = await importWorkspace()
    const rows = [
      ['Name', 'Stage', 'Amount', 'Close date', 'Loss reason'],
      ['w1', 'Closed Won', '10', '2026-01-01', ''],
      ['w2', '成交', '10', '2026-01-02', ''],
      ['w3', '赢单', '10', '2026-01-03', ''],
      ['l1', 'Closed Lost', '', '', 'Price too high'],
      ['l2', '丢单', '', '', '价格过高'],
      ['l3', 'Lost', '', '', 'price'],
      ['p1', 'Prospecting', '', '', ''],
    ]
    const file = ws.file('stages.csv', csvOf(rows))
    const refused = await ws.call('imports.preview', { path: file, entity: 'opportunity' })
    expect(refused.counts).toMatchObject({ create: 6, reject: 1 })
    expect(refused.issues[0]).toMatchObject({ row: 8, reason: 'STAGE_UNKNOWN', value: 'Prospecting' })

    const done = await ws.call('imports.commit', { path: file, entity: 'opportunity', onUnknown: 'create' })
    expect(done.counts.create).toBe(7)
    expect(done.creates.stages).toEqual(['Prospecting'])
    const kinds = rowsOf(ws, 'SELECT o.name, s.kind, o.signed_date AS signed, o.loss_reason AS reason FROM opportunities o JOIN stages s ON s.id = o.stage_id ORDER BY o.id')
    expect(kinds).toEqual([
      { name: 'w1', kind: 'won', signed: '2026-01-01', reason: null },
      { name: 'w2', kind: 'won', signed: '2026-01-02', reason: null },
      { name: 'w3', kind: 'won', signed: '2026-01-03', reason: null },
      { name: 'l1', kind: 'lost', signed: null, reason: 'price' },
      { name: 'l2', kind: 'lost', signed: null, reason: 'price' },
      { name: 'l3', kind: 'lost', signed: null, reason: 'price' },
      { name: 'p1', kind: 'open', signed: null, reason: null },
    ])
    const stages = rowsOf(ws, "SELECT name_en AS name, kind FROM stages WHERE pipeline_id = 1 ORDER BY sort_order").map((s) => s.name)
    expect(stages.slice(-3)).toEqual(['Prospecting', 'Won', 'Lost'])
    expect(done.fills.map((f) => [f.fill, f.rows])).toEqual([['SIGNED_DATE_FROM_CLOSE_DATE', 3]])
  })

  it('maps owners and picklist values, and creates the unknown ones only with onUnknown: create', async () => {
    const ws = await importWorkspace()
    const file = ws.file('leads.csv', csvOf([['公司', '联系人', '电话', '来源', '负责人'], ['甲公司', '王', '13800000001', '抖音', '赵六'], ['乙公司', '李', '13800000002', '官网', '赵六']]))
    const strict = await ws.call('imports.preview', { path: file, entity: 'lead' })
    expect(strict.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [2, '来源', 'OPTION_UNKNOWN'],
      [2, '负责人', 'USER_UNKNOWN'],
      [3, '负责人', 'USER_UNKNOWN'],
    ])
    const created = await ws.call('imports.commit', { path: file, entity: 'lead', onUnknown: 'create' })
    expect(created.creates).toMatchObject({ users: ['赵六'], picklistValues: [{ list: 'source', label: '抖音' }] })
    const leads = rowsOf(ws, 'SELECT l.company, l.source, u.name AS owner FROM leads l JOIN users u ON u.id = l.owner_id ORDER BY l.id')
    expect(leads).toEqual([
      { company: '甲公司', source: '抖音', owner: '赵六' },
      { company: '乙公司', source: 'website', owner: '赵六' },
    ])
  })

  it('leaves nothing behind when a write fails halfway through the batch', async () => {
    const ws = await importWorkspace()
    const rows = [['商机名称', '客户名称', '阶段'], ...Array.from({ length: 40 }, (_, i) => [`deal ${i}`, `客户 ${i}`, '初步接洽'])]
    const file = ws.file('deals.csv', csvOf(rows))
    // A fault the preview cannot foresee: the 21st deal's insert fails inside the transaction.
    ws.core.db.exec(
      "CREATE TRIGGER injected_fault BEFORE INSERT ON opportunities WHEN NEW.name = 'deal 20' BEGIN SELECT RAISE(ABORT, 'injected fault'); END",
    )
    const before = snapshot(ws)
    const failed = await ws.raw('imports.commit', { path: file, entity: 'opportunity' })
    expect(failed.ok).toBe(false)
    expect(snapshot(ws)).toBe(before)
    ws.core.db.exec('DROP TRIGGER injected_fault')
    const ok = await ws.call('imports.commit', { path: file, entity: 'opportunity' })
    expect(ok.counts.create).toBe(40)
    expect(rowsOf(ws, 'SELECT count(*) AS n FROM accounts')[0]!.n).toBe(40)
  })

  it('reports the rows written, then the work that finishes the batch, in that order', async () => {
    const ws = await importWorkspace()
    const file = ws.file('progress.csv', csvOf([['商机名称', '客户名称'], ...Array.from({ length: 4100 }, (_, i) => [`deal ${i}`, `客户 ${i}`])]))
    const events: { phase: string; done: number; total: number }[] = []
    const stop = ws.core.events.subscribe((event, payload) => {
      if (event === 'progress') events.push(payload as (typeof events)[number])
    })
    await ws.call('imports.commit', { path: file, entity: 'opportunity', jobId: 'progress-job' })
    stop()
    const after = events.slice(events.findIndex((e) => e.phase === 'writing'))
    expect(after.map(({ phase, done, total }) => [phase, done, total])).toEqual([
      ['writing', 2000, 4100],
      ['writing', 4000, 4100],
      ['writing', 4100, 4100],
      ['finishing', 1, 1],
    ])
  })

  it('stops a running import when cancelled, and writes nothing', async () => {
    const ws = await importWorkspace()
    const rows = [['商机名称', '客户名称'], ...Array.from({ length: 3000 }, (_, i) => [`deal ${i}`, `客户 ${i}`])]
    const file = ws.file('deals.xlsx', await xlsxOf(rows))
    const before = snapshot(ws)
    const phases: string[] = []
    const stop = ws.core.events.subscribe((event, payload) => {
      if (event !== 'progress') return
      phases.push((payload as { phase: string }).phase)
      void ws.call('imports.cancel', { jobId: 'cancel-me' })
    })
    const result = await ws.raw('imports.commit', { path: file, entity: 'opportunity', jobId: 'cancel-me' })
    stop()
    expect(result).toMatchObject({ ok: false, error: { code: 'JOB_CANCELLED', message: 'Cancelled; nothing was changed.' } })
    expect(phases.length).toBeGreaterThan(0)
    expect(snapshot(ws)).toBe(before)
  })

  it('imports all 8,800 Maven deals: owners, accounts by name, stages by meaning or created, dates', async () => {
    const ws = await importWorkspace()
    const file = ws.allow(fixturePath('maven-crm-sales-opportunities/original-zip/sales_pipeline.csv'))
    const report = await ws.call('imports.commit', { path: file, entity: 'opportunity', onUnknown: 'create' })
    expect(report.counts).toEqual({ rows: 8800, create: 8800, update: 0, unchanged: 0, skip: 0, reject: 0 })
    expect(report.creates.users).toHaveLength(30)
    expect(report.creates.accounts).toBe(85)
    expect(report.creates.stages).toEqual(['Prospecting', 'Engaging'])
    const byKind = rowsOf(ws, 'SELECT s.kind, count(*) AS n, sum(o.amount) AS amount FROM opportunities o JOIN stages s ON s.id = o.stage_id GROUP BY s.kind ORDER BY s.kind')
    expect(byKind).toEqual([
      { kind: 'lost', n: 2473, amount: 0 },
      { kind: 'open', n: 2089, amount: null },
      { kind: 'won', n: 4238, amount: 10_005_534 },
    ])
    const first = rowsOf(ws, `SELECT o.external_id, o.created_at, o.closed_at, o.signed_date, a.name AS account, u.name AS owner
      FROM opportunities o JOIN accounts a ON a.id = o.account_id JOIN users u ON u.id = o.owner_id WHERE o.external_id = '1C1I7A6R'`)[0]!
    expect(first).toMatchObject({ account: 'Cancity', owner: 'Moses Frase', signed_date: '2017-03-01' })
    expect(new Date(first.created_at as string).getDate()).toBe(20)
    expect(rowsOf(ws, 'SELECT count(*) AS n FROM opportunities WHERE account_id IS NULL')[0]!.n).toBe(1425)
  })
})
