import { describe, expect, it } from 'vitest'
import type { ImportInspection, ImportTargetInfo, InspectedColumn, MappingTemplate } from '../../shared/methods/imports'
import {
  applyTemplate,
  customTargetOf,
  mappingOf,
  missingRequired,
  repeatedTargets,
  sampleRows,
  withColumn,
} from '../../renderer/src/modules/importExport/utils/mapping'

const column = (index: number, header: string, target: string | null, samples: string[] = []): InspectedColumn => ({
  index,
  header,
  target,
  unitMultiplier: null,
  currency: null,
  confidence: target ? 1 : 0,
  samples,
})

const columns = [
  column(0, '商机名称', 'name', ['ERP 升级', '数据中台']),
  column(1, '预计金额（万元）', 'amount', ['12']),
  column(2, '备注', null),
]

const target = (key: string, required = false): ImportTargetInfo => ({ key, labelZh: key, labelEn: key, type: 'text', required })

describe('the import wizard’s mapping', () => {
  it('starts from the core’s proposal without its confidence and samples', () => {
    expect(mappingOf(columns)).toEqual([
      { index: 0, header: '商机名称', target: 'name', unitMultiplier: null, currency: null },
      { index: 1, header: '预计金额（万元）', target: 'amount', unitMultiplier: null, currency: null },
      { index: 2, header: '备注', target: null, unitMultiplier: null, currency: null },
    ])
  })

  it('lays a saved template over the columns by header, whatever their order, keeping the core’s proposal for the others unless taken', () => {
    const template: MappingTemplate = {
      id: 1,
      entity: 'opportunity',
      name: '事业部模板',
      fingerprint: null,
      updatedAt: '2026-01-01T00:00:00.000Z',
      columns: [
        { header: ' 备注 ', target: 'notes', unitMultiplier: null, currency: null },
        { header: '预计金额（万元）', target: 'amount', unitMultiplier: 10000, currency: 'CNY' },
      ],
    }
    expect(applyTemplate(columns, template)).toEqual([
      { index: 0, header: '商机名称', target: 'name', unitMultiplier: null, currency: null },
      { index: 1, header: '预计金额（万元）', target: 'amount', unitMultiplier: 10000, currency: 'CNY' },
      { index: 2, header: '备注', target: 'notes', unitMultiplier: null, currency: null },
    ])
    const takesName = { ...template, columns: [{ header: '备注', target: 'name', unitMultiplier: null, currency: null }] }
    expect(applyTemplate(columns, takesName).map((m) => m.target)).toEqual([null, 'amount', 'name'])
  })

  it('finds fields filled by two columns, and required fields filled by none', () => {
    const mapping = withColumn(mappingOf(columns), 2, { target: 'name' })
    expect(repeatedTargets(mapping)).toEqual(['name'])
    expect(repeatedTargets(mappingOf(columns))).toEqual([])
    expect(missingRequired(mappingOf(columns), [target('name', true), target('stageId', true), target('notes')]).map((t) => t.key)).toEqual(['stageId'])
  })

  it('keeps unit and currency only while the column is an amount', () => {
    const amount = withColumn(mappingOf(columns), 1, { unitMultiplier: 10000, currency: 'USD' })
    expect(amount[1]).toMatchObject({ target: 'amount', unitMultiplier: 10000, currency: 'USD' })
    expect(withColumn(amount, 1, { target: 'notes' })[1]).toMatchObject({ target: 'notes', unitMultiplier: null, currency: null })
  })

  it('names a custom field after a header the contract accepts', () => {
    expect(customTargetOf(' 所属\n事业部 ')).toBe('custom:所属 事业部')
    expect(customTargetOf('x'.repeat(80))).toBe(`custom:${'x'.repeat(64)}`)
    expect(customTargetOf('  ')).toBeNull()
  })

  it('shows the first rows across the columns, padding short ones', () => {
    const inspection = { columns } as ImportInspection
    expect(sampleRows(inspection)).toEqual([
      ['ERP 升级', '12', ''],
      ['数据中台', '', ''],
    ])
    expect(sampleRows(inspection, 1)).toHaveLength(1)
  })
})
