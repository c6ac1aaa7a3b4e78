import { afterEach, describe, expect, it } from 'vitest'
import { customColumnsOf, customColumnsSignature, flattenCustom, nestCustom } from '../../renderer/src/modules/customFields/utils/customColumns'
import { setCustomFieldsForTest } from '../../renderer/src/modules/customFields/utils/customFieldStore'
import { customDefaults, customInput, isRequired } from '../../renderer/src/modules/customFields/utils/customFormValues'
import { cellText, changedFields, columnOfField, coerceCellText, patchFor, type CellLabels } from '../../renderer/src/modules/grid/utils/cellModel'
import { isWritable } from '../../renderer/src/modules/grid/utils/entityFacts'
import { groupableColumns } from '../../renderer/src/modules/grid/utils/groups'
import { contractColumns, fromViewState } from '../../renderer/src/modules/grid/utils/viewState'
import { field } from './customFieldFactory'


const labels: CellLabels = {
  userName: () => undefined,
  stageName: () => undefined,
  pipelineName: () => undefined,
  picklistLabel: (list, value) => (list === 'region' ? ({ east: '华东', north: '华北' } as Record<string, string>)[value ?? ''] : undefined),
  enumLabel: () => undefined,
  yes: '是',
  no: '否',
}

const region = field({ key: 'region_code', type: 'picklist', picklistKey: 'region', labelZh: '客户区域', position: 1 })
const budget = field({ key: 'budget', type: 'currency', position: 0 })
const tags = field({ key: 'tags', type: 'multiPicklist', picklistKey: 'region', position: 2 })
const gone = field({ key: 'gone', type: 'text', deletedAt: '2026-01-01T00:00:00.000Z' })
const onLeads = field({ key: 'lead_only', type: 'text', entity: 'lead' })

afterEach(() => setCustomFieldsForTest([]))

describe('custom fields as grid columns', () => {
  it('appends the entity’s live fields, in position order, after the built-in columns', () => {
    setCustomFieldsForTest([region, budget, tags, gone, onLeads])
    const keys = contractColumns('opportunity').map((c) => c.key)
    expect(keys.slice(-3)).toEqual(['custom.budget', 'custom.region_code', 'custom.tags'])
    expect(keys).not.toContain('custom.gone')
    expect(contractColumns('lead').map((c) => c.key)).toContain('custom.lead_only')
    expect(customColumnsOf('task')).toEqual([])
  })

  it('maps field types to column types the filters, editors and coercion know', () => {
    setCustomFieldsForTest([region, budget, tags, field({ key: 'ok', type: 'checkbox' }), field({ key: 'site', type: 'url' })])
    const byKey = new Map(customColumnsOf('opportunity').map((c) => [c.key, c]))
    expect(byKey.get('custom.region_code')).toMatchObject({ type: 'picklist', options: 'region', multiple: false })
    expect(byKey.get('custom.budget')?.type).toBe('currency')
    expect(byKey.get('custom.tags')).toMatchObject({ type: 'picklist', multiple: true })
    expect(byKey.get('custom.ok')?.type).toBe('boolean')
    expect(byKey.get('custom.site')?.type).toBe('text')
  })

  it('changes its signature when a field is added or relabelled, so grids rebuild their columns', () => {
    setCustomFieldsForTest([region])
    const before = customColumnsSignature('opportunity')
    setCustomFieldsForTest([{ ...region, labelZh: '区域' }])
    expect(customColumnsSignature('opportunity')).not.toBe(before)
  })

  it('keeps a saved view’s custom columns, filters and grouping once the fields are known', () => {
    setCustomFieldsForTest([region])
    const state = fromViewState('opportunity', {
      filters: [{ column: 'custom.region_code', op: 'in', value: ['east'] }],
      sort: [{ column: 'custom.region_code', desc: true }],
      columns: [{ key: 'custom.region_code', width: 140 }, { key: 'custom.unknown' }],
      groupBy: 'custom.region_code',
    })
    expect(state.filters).toHaveLength(1)
    expect(state.sort).toHaveLength(1)
    expect(state.columns.map((c) => c.key)).toEqual(['custom.region_code'])
    expect(state.groupBy).toBe('custom.region_code')
  })

  it('groups by single picklists only', () => {
    setCustomFieldsForTest([region, budget, tags, field({ key: 'due', type: 'date' })])
    const custom = groupableColumns(contractColumns('opportunity')).filter((c) => c.key.startsWith('custom.'))
    expect(custom.map((c) => c.key)).toEqual(['custom.region_code'])
  })

  it('lets the grid write custom columns, multi-selects included, and never on read-only follow-ups', () => {
    setCustomFieldsForTest([region, tags, field({ key: 'note', type: 'text', entity: 'activity' })])
    const [regionColumn, tagsColumn] = customColumnsOf('opportunity')
    expect(isWritable('opportunity', regionColumn!)).toBe(true)
    expect(isWritable('opportunity', tagsColumn!)).toBe(true)
    expect(isWritable('activity', customColumnsOf('activity')[0]!)).toBe(false)
  })
})

describe('custom values in rows and patches', () => {
  it('flattens row.custom into custom.<key> fields and nests patches back', () => {
    const row = flattenCustom({ id: 7, name: 'ERP', custom: { region_code: 'east', budget: 5 } })
    expect(row).toMatchObject({ id: 7, 'custom.region_code': 'east', 'custom.budget': 5 })
    expect(nestCustom({ amount: 3, 'custom.region_code': 'north', 'custom.budget': null })).toEqual({
      amount: 3,
      custom: { region_code: 'north', budget: null },
    })
    expect(nestCustom({ amount: 3 })).toEqual({ amount: 3 })
  })

  it('pastes a label into a picklist column as its stored value, and copies it back as the label', () => {
    setCustomFieldsForTest([region])
    const column = customColumnsOf('opportunity')[0]!
    const options = [
      { value: 'east', labelZh: '华东', labelEn: 'East' },
      { value: 'north', labelZh: '华北', labelEn: 'North' },
    ]
    const coerced = coerceCellText(column, 'North', { options })
    expect(coerced).toEqual({ ok: true, value: 'north' })
    const row = flattenCustom({ id: 1, custom: { region_code: 'east' } })
    const patch = patchFor('opportunity', column, { value: 'north' })
    expect(changedFields(row, patch)).toEqual({ 'custom.region_code': 'north' })
    expect(cellText(column, row, labels)).toBe('华东')
    expect(columnOfField('opportunity', 'custom.region_code')?.key).toBe('custom.region_code')
  })

  it('copies a multi-select as its labels', () => {
    setCustomFieldsForTest([tags])
    const column = customColumnsOf('opportunity')[0]!
    expect(cellText(column, flattenCustom({ id: 1, custom: { tags: ['east', 'north'] } }), labels)).toBe('华东, 华北')
  })
})

describe('custom values in forms', () => {
  it('sends blanks as null and leaves untouched fields out', () => {
    expect(customInput({ a: '', b: [], c: 'x', d: undefined, e: 0, f: false })).toEqual({ a: null, b: null, c: 'x', e: 0, f: false })
  })

  it('requires a field always, or only for the stages it names', () => {
    const perStage = field({ key: 'po', type: 'text', requiredStageIds: [4] })
    expect(isRequired(perStage, 4)).toBe(true)
    expect(isRequired(perStage, 3)).toBe(false)
    expect(isRequired(perStage, null)).toBe(false)
    expect(isRequired(field({ key: 'x', type: 'text', required: true }), null)).toBe(true)
  })

  it('fills defaults of the fields that have one', () => {
    expect(customDefaults([field({ key: 'a', type: 'checkbox', defaultValue: true }), field({ key: 'b', type: 'text' })])).toEqual({ a: true })
  })
})
