import { describe, expect, it } from 'vitest'
import type { Stage } from '../../shared/entities'
import type { LayoutSection } from '../../shared/methods/config'
import { moveField, newSectionKey, removeSection } from '../../renderer/src/modules/layouts/utils/layoutFields'
import { mappedStage } from '../../renderer/src/modules/settings/utils/stageMapping'

const sections: LayoutSection[] = [
  { key: 'main', labelZh: '基本信息', labelEn: 'Details', fields: ['name', 'amount', 'stageId'] },
  { key: 'custom', labelZh: '自定义字段', labelEn: 'Custom fields', fields: ['custom.a', 'custom.b'] },
]

describe('form layout editing', () => {
  it('moves a field within a section and into another one', () => {
    expect(moveField(sections, 'stageId', 'main', 0)[0]!.fields).toEqual(['stageId', 'name', 'amount'])
    const moved = moveField(sections, 'custom.b', 'main', 1)
    expect(moved[0]!.fields).toEqual(['name', 'custom.b', 'amount', 'stageId'])
    expect(moved[1]!.fields).toEqual(['custom.a'])
    expect(moveField(sections, 'name', 'custom')[1]!.fields).toEqual(['custom.a', 'custom.b', 'name'])
  })

  it('keeps a removed section’s fields in the first section, and never removes the last one', () => {
    const rest = removeSection(sections, 'custom')
    expect(rest).toHaveLength(1)
    expect(rest[0]!.fields).toEqual(['name', 'amount', 'stageId', 'custom.a', 'custom.b'])
    expect(removeSection(rest, 'main')).toEqual(rest)
  })

  it('names a new section with a key no other section uses', () => {
    expect(newSectionKey(sections)).toBe('section_3')
    expect(newSectionKey([...sections, { ...sections[0]!, key: 'section_3' }])).toBe('section_4')
  })
})

let id = 0
const stage = (pipelineId: number, kind: Stage['kind'], sortOrder: number): Stage => ({
  id: ++id,
  pipelineId,
  key: `s${id}`,
  nameZh: `阶段${id}`,
  nameEn: `Stage ${id}`,
  sortOrder,
  probability: 10,
  kind,
  rottingDays: null,
  forecastCategory: 'pipeline',
  requiredFields: [],
  entryTasks: [],
  active: true,
})

describe('moving a deal to another pipeline', () => {
  const newBusiness = [stage(1, 'open', 1), stage(1, 'open', 2), stage(1, 'open', 3), stage(1, 'won', 4), stage(1, 'lost', 5)]
  const renewal = [stage(2, 'open', 1), stage(2, 'open', 2), stage(2, 'won', 3), stage(2, 'lost', 4)]
  const all = [...newBusiness, ...renewal]

  it('maps to the stage of the same kind at the same position', () => {
    expect(mappedStage(newBusiness[1]!, all, 2)?.id).toBe(renewal[1]!.id)
    expect(mappedStage(newBusiness[3]!, all, 2)?.id).toBe(renewal[2]!.id)
  })

  it('falls back to the first stage of the kind when the target has fewer', () => {
    expect(mappedStage(newBusiness[2]!, all, 2)?.id).toBe(renewal[0]!.id)
  })
})
