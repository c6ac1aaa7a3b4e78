import { describe, expect, it } from 'vitest'
import { findColumn, GridColumns, type ColumnDef } from '../../shared/columns'
import type { CoerceContext } from '../../shared/coerce'
import type { Stage } from '../../shared/entities'
import { cellText, coerceCellText, patchFor, type CellLabels, type RowValues } from '../../renderer/src/modules/grid/utils/cellModel'
import { accountKey, planPaste, type AccountMatch, type PlanInput } from '../../renderer/src/modules/grid/utils/pastePlan'
import { missingForStage } from '../../renderer/src/modules/grid/utils/stageRules'

const col = (key: string) => findColumn('opportunity', key) as ColumnDef
const columnsFrom = (key: string) => {
  const all = GridColumns.opportunity as readonly ColumnDef[]
  return all.slice(all.findIndex((c) => c.key === key))
}

const stages: Stage[] = [
  { id: 1, pipelineId: 1, key: 'discovery', nameZh: '初步接洽', nameEn: 'Discovery', sortOrder: 1, probability: 10, kind: 'open', rottingDays: 14, forecastCategory: 'pipeline', requiredFields: [], entryTasks: [], active: true },
  { id: 4, pipelineId: 1, key: 'quote', nameZh: '报价', nameEn: 'Quote', sortOrder: 4, probability: 60, kind: 'open', rottingDays: 14, forecastCategory: 'best_case', requiredFields: ['amount', 'expectedCloseDate'], entryTasks: [], active: true },
  { id: 6, pipelineId: 1, key: 'won', nameZh: '赢单', nameEn: 'Won', sortOrder: 6, probability: 100, kind: 'won', rottingDays: null, forecastCategory: 'closed', requiredFields: ['amount', 'signedDate'], entryTasks: [], active: true },
]
const users = [
  { id: 3, name: '赵伟', nameEn: 'Wei Zhao', email: 'zhao@example.cn' },
  { id: 7, name: '李娜', nameEn: 'Na Li', email: 'li@example.cn' },
]
const sources = [
  { value: 'website', labelZh: '官网', labelEn: 'Website' },
  { value: 'referral', labelZh: '转介绍', labelEn: 'Referral' },
]
const context = (column: ColumnDef): CoerceContext => {
  if (column.type === 'stage') return { stages }
  if (column.type === 'user') return { users }
  if (column.type === 'picklist') return { options: sources }
  if (column.type === 'enum') return { options: ['CNY', 'USD'].map((v) => ({ value: v, labelZh: v, labelEn: v })) }
  return {}
}
const labels: CellLabels = {
  userName: (id) => users.find((u) => u.id === id)?.name,
  stageName: (id) => stages.find((s) => s.id === id)?.nameZh,
  pipelineName: () => '新客户',
  picklistLabel: (_list, value) => sources.find((s) => s.value === value)?.labelZh ?? value ?? undefined,
  enumLabel: (_name, value) => value ?? undefined,
  yes: '是',
  no: '否',
}

const row = (id: number, extra: Record<string, unknown> = {}): RowValues => ({
  id,
  version: 3,
  name: `Deal ${id}`,
  accountId: null,
  accountName: null,
  stageId: 1,
  pipelineId: 1,
  amount: 100,
  currency: 'CNY',
  probability: 10,
  weightedAmount: 10,
  expectedCloseDate: null,
  ownerId: 3,
  source: null,
  signedDate: null,
  ...extra,
})

const base = (overrides: Partial<PlanInput>): PlanInput => ({
  entity: 'opportunity',
  matrix: [],
  columns: columnsFrom('amount'),
  rows: [],
  contextFor: (column) => context(column),
  accounts: new Map<string, AccountMatch>(),
  labels,
  creatable: true,
  newRowDefaults: { stageId: 1 },
  missingForStage: (stageId, facts) => missingForStage(stages.find((s) => s.id === stageId)!, facts),
  ...overrides,
})

describe('coercing typed and pasted cells by column type', () => {
  const date = (text: string) => coerceCellText(col('expectedCloseDate'), text, {})
  const amount = (text: string) => coerceCellText(col('amount'), text, {})

  it('reads every date format a sales team pastes', () => {
    for (const text of ['2025/3/1', '2025-03-01', '2025年3月1日', '2025.3.1', '20250301', '45717']) {
      expect(date(text), text).toEqual({ ok: true, value: '2025-03-01' })
    }
    expect(date('2025/2/30')).toEqual({ ok: false, reason: 'DATE_NONEXISTENT' })
    expect(date('soon')).toEqual({ ok: false, reason: 'DATE_UNRECOGNISED' })
    expect(date('')).toEqual({ ok: true, value: null })
  })

  it('reads every amount format, keeping the currency it names', () => {
    expect(amount('¥1,200,000')).toEqual({ ok: true, value: 1200000, currency: 'CNY' })
    expect(amount('12万')).toEqual({ ok: true, value: 120000 })
    expect(amount('1.2亿')).toEqual({ ok: true, value: 120000000 })
    expect(amount('$3,000.50')).toEqual({ ok: true, value: 3000.5, currency: 'USD' })
    expect(amount('1200000')).toEqual({ ok: true, value: 1200000 })
    expect(amount('about a million')).toEqual({ ok: false, reason: 'AMOUNT_UNRECOGNISED' })
  })

  it('reads picklist, owner and stage labels in either language', () => {
    expect(coerceCellText(col('source'), '转介绍', { options: sources })).toEqual({ ok: true, value: 'referral' })
    expect(coerceCellText(col('source'), 'Website', { options: sources })).toEqual({ ok: true, value: 'website' })
    expect(coerceCellText(col('ownerId'), 'Na Li', { users })).toEqual({ ok: true, value: 7 })
    expect(coerceCellText(col('ownerId'), '李娜', { users })).toEqual({ ok: true, value: 7 })
    expect(coerceCellText(col('stageId'), 'Quote', { stages })).toEqual({ ok: true, value: 4 })
    expect(coerceCellText(col('stageId'), '已成交', { stages })).toEqual({ ok: true, value: 6 })
    expect(coerceCellText(col('source'), '展会', { options: sources })).toEqual({ ok: false, reason: 'OPTION_UNKNOWN' })
  })

  it('sets the currency along with an amount written in one', () => {
    expect(patchFor('opportunity', col('amount'), { value: 3000.5, currency: 'USD' })).toEqual({ amount: 3000.5, currency: 'USD' })
    expect(patchFor('opportunity', col('accountName'), { value: 12 })).toEqual({ accountId: 12 })
  })

  it('copies cells as text that pastes back to the same values', () => {
    const r = row(1, { amount: 1200000, probability: 35, expectedCloseDate: '2025-03-01', source: 'website', stageId: 4 })
    expect(cellText(col('amount'), r, labels)).toBe('1200000')
    expect(cellText(col('probability'), r, labels)).toBe('35%')
    expect(cellText(col('source'), r, labels)).toBe('官网')
    expect(cellText(col('stageId'), r, labels)).toBe('报价')
    expect(cellText(col('ownerId'), r, labels)).toBe('赵伟')
    expect(cellText(col('isRotting'), r, labels)).toBe('否')
    expect(coerceCellText(col('probability'), '35%', {})).toEqual({ ok: true, value: 35 })
  })
})

describe('planning a paste', () => {
  it('plans a 3×4 block with 12万 and 2025年3月1日 as one batch of changes', () => {
    const plan = planPaste(
      base({
        columns: columnsFrom('amount'),
        matrix: [
          ['12万', 'CNY', '30%', '2025年3月1日'],
          ['$3,000.50', 'USD', '0.5', '2025/3/2'],
          ['¥1,200,000', 'CNY', '45', '45717'],
        ],
        rows: [row(1), row(2), row(3)],
        // Columns after amount: currency, probability, weightedAmount (read-only!) … so use a layout without it.
      }),
    )
    // weightedAmount sits in the 4th place in the contract order, and differs from the pasted date: refused.
    expect(plan.problems.map((p) => p.reason)).toEqual(['READ_ONLY', 'READ_ONLY', 'READ_ONLY'])
    const columns = ['amount', 'currency', 'probability', 'expectedCloseDate'].map(col)
    const ok = planPaste(
      base({
        columns,
        matrix: [
          ['12万', 'CNY', '30%', '2025年3月1日'],
          ['$3,000.50', 'USD', '0.5', '2025/3/2'],
          ['¥1,200,000', 'CNY', '45', '45717'],
        ],
        rows: [row(1), row(2), row(3)],
      }),
    )
    expect(ok.problems).toEqual([])
    expect(ok.creations).toEqual([])
    expect(ok.changes).toEqual([
      { r: 0, id: 1, version: 3, patch: { amount: 120000, probability: 30, expectedCloseDate: '2025-03-01' }, before: { amount: 100, probability: 10, expectedCloseDate: null } },
      { r: 1, id: 2, version: 3, patch: { amount: 3000.5, currency: 'USD', probability: 50, expectedCloseDate: '2025-03-02' }, before: { amount: 100, currency: 'CNY', probability: 10, expectedCloseDate: null } },
      { r: 2, id: 3, version: 3, patch: { amount: 1200000, probability: 45, expectedCloseDate: '2025-03-01' }, before: { amount: 100, probability: 10, expectedCloseDate: null } },
    ])
  })

  it('reports every bad cell with its place and reason, and plans nothing to write', () => {
    const plan = planPaste(
      base({
        columns: ['amount', 'expectedCloseDate', 'ownerId'].map(col),
        matrix: [
          ['12万', '2025年3月1日', '赵伟'],
          ['lots', '2025/2/30', 'Nobody'],
        ],
        rows: [row(1), row(2)],
      }),
    )
    expect(plan.problems.map((p) => [p.r, p.c, p.column, p.value, p.reason])).toEqual([
      [1, 0, 'amount', 'lots', 'AMOUNT_UNRECOGNISED'],
      [1, 1, 'expectedCloseDate', '2025/2/30', 'DATE_NONEXISTENT'],
      [1, 2, 'ownerId', 'Nobody', 'USER_UNKNOWN'],
    ])
  })

  it('validates against the contract: a blank name is refused', () => {
    const plan = planPaste(base({ columns: [col('name')], matrix: [['  ']], rows: [row(1)] }))
    expect(plan.problems).toHaveLength(1)
    expect(plan.problems[0]).toMatchObject({ r: 0, c: 0, column: 'name', reason: 'INVALID' })
  })

  it('plans new rows for a paste past the last row, with the defaults a new row needs', () => {
    const columns = ['name', 'accountName', 'stageId'].map(col)
    const accounts = new Map<string, AccountMatch>([[accountKey('华东电气'), { id: 42, name: '华东电气' }]])
    const plan = planPaste(
      base({
        columns,
        matrix: [
          ['Existing', '华东电气', '初步接洽'],
          ['Brand new', '', 'Quote'],
          ['Another', '', ''],
        ],
        rows: [row(1)],
        accounts,
      }),
    )
    // Entering 报价 needs an amount and an expected close date that the clip does not give.
    expect(plan.problems.map((p) => [p.r, p.reason, p.missing])).toEqual([[1, 'STAGE_REQUIREMENTS', ['amount', 'expectedCloseDate']]])

    const fixed = planPaste(base({ columns, matrix: [['Existing', '华东电气', '初步接洽'], ['Another', '', '']], rows: [row(1)], accounts }))
    expect(fixed.problems).toEqual([])
    expect(fixed.changes).toEqual([
      { r: 0, id: 1, version: 3, patch: { name: 'Existing', accountId: 42 }, before: { name: 'Deal 1', accountId: null } },
    ])
    // A blank stage in a new row keeps the default stage.
    expect(fixed.creations).toEqual([{ r: 1, input: { stageId: 1, name: 'Another' } }])
  })

  it('refuses blanking a stage, which every deal must have', () => {
    const plan = planPaste(base({ columns: [col('stageId')], matrix: [['']], rows: [row(1)] }))
    expect(plan.problems).toMatchObject([{ r: 0, c: 0, column: 'stageId', reason: 'INVALID' }])
  })

  it('refuses unknown and ambiguous account names, and rows past the end where rows cannot be added', () => {
    const plan = planPaste(
      base({
        columns: [col('accountName')],
        matrix: [['Nowhere Ltd'], ['Twins'], ['x']],
        rows: [row(1), row(2)],
        accounts: new Map<string, AccountMatch>([[accountKey('Twins'), 'ambiguous']]),
        creatable: false,
      }),
    )
    expect(plan.problems.map((p) => p.reason)).toEqual(['ACCOUNT_UNKNOWN', 'ACCOUNT_AMBIGUOUS', 'NOT_CREATABLE'])
  })

  it('asks for what a stage needs before a pasted stage move', () => {
    const plan = planPaste(base({ columns: [col('stageId')], matrix: [['赢单']], rows: [row(1)] }))
    expect(plan.problems).toEqual([
      { r: 0, c: 0, column: 'stageId', value: '赢单', reason: 'STAGE_REQUIREMENTS', missing: ['signedDate'] },
    ])
  })

  it('refuses a paste wider than the grid', () => {
    const plan = planPaste(base({ columns: [col('updatedAt')], matrix: [['a', 'b']], rows: [row(1)] }))
    expect(plan.problems.map((p) => p.reason)).toEqual(['NO_COLUMN'])
  })

  it('writes nothing for cells that already hold the pasted values', () => {
    const plan = planPaste(base({ columns: ['amount', 'ownerId'].map(col), matrix: [['100', '赵伟']], rows: [row(1)] }))
    expect(plan).toEqual({ changes: [], creations: [], problems: [] })
  })
})
