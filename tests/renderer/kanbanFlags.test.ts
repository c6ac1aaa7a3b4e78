import { describe, expect, it } from 'vitest'
import { cardFlags, daysInStage, localDate } from '../../renderer/src/modules/kanban/utils/cardFlags'

describe('kanban card marks', () => {
  const today = '2025-03-10'

  it('marks a rotting deal, an overdue follow-up, and a deal with none scheduled', () => {
    expect(cardFlags({ stageKind: 'open', isRotting: true, nextFollowUpDate: '2025-03-12' }, today)).toEqual(['rotting'])
    expect(cardFlags({ stageKind: 'open', isRotting: false, nextFollowUpDate: '2025-03-09' }, today)).toEqual(['followUpOverdue'])
    expect(cardFlags({ stageKind: 'open', isRotting: true, nextFollowUpDate: null }, today)).toEqual(['rotting', 'noFollowUp'])
    expect(cardFlags({ stageKind: 'open', isRotting: false, nextFollowUpDate: today }, today)).toEqual([])
  })

  it('leaves won and lost deals unmarked', () => {
    expect(cardFlags({ stageKind: 'won', isRotting: false, nextFollowUpDate: null }, today)).toEqual([])
    expect(cardFlags({ stageKind: 'lost', isRotting: true, nextFollowUpDate: '2020-01-01' }, today)).toEqual([])
  })

  it('counts whole days in the stage', () => {
    const now = new Date('2025-03-10T12:00:00Z')
    expect(daysInStage('2025-03-01T12:00:00Z', now)).toBe(9)
    expect(daysInStage('2025-03-10T11:00:00Z', now)).toBe(0)
    expect(daysInStage('not a date', now)).toBe(0)
    expect(localDate(new Date(2025, 2, 5, 23, 59))).toBe('2025-03-05')
  })
})
