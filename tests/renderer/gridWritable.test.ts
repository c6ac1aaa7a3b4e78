import { describe, expect, it } from 'vitest'
import { GridColumns, type ColumnDef } from '../../shared/columns'
import type { GridEntity } from '../../shared/enums'
import { isWritable } from '../../renderer/src/modules/grid/utils/entityFacts'

const writable = (entity: GridEntity) => (GridColumns[entity] as readonly ColumnDef[]).filter((c) => isWritable(entity, c)).map((c) => c.key)

describe('which grid columns the grid may write', () => {
  it('writes the editable deal columns, the account by its id, and never computed ones', () => {
    const keys = writable('opportunity')
    expect(keys).toEqual(expect.arrayContaining(['name', 'accountName', 'stageId', 'amount', 'currency', 'probability', 'expectedCloseDate', 'ownerId']))
    expect(keys).not.toContain('weightedAmount')
    expect(keys).not.toContain('isRotting')
  })

  it('shows a column read-only when the grid patch would drop its field', () => {
    // Lead status and next follow-up are marked editable in columns.ts but are not part of GridPatches.lead.
    expect(writable('lead')).not.toContain('status')
    expect(writable('lead')).toContain('company')
    expect(writable('task')).toContain('status')
  })

  it('writes nothing in the follow-up grid, whose rows carry no version', () => {
    expect(writable('activity')).toEqual([])
  })
})
