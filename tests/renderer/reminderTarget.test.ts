import { describe, expect, it } from 'vitest'
import { reminderTarget } from '../../renderer/src/modules/notifications/utils/reminderTarget'

describe('reminderTarget', () => {
  it('opens the record a reminder is about', () => {
    expect(reminderTarget({ taskId: 7, entityType: 'opportunity', entityId: 42 })).toEqual({
      kind: 'record',
      record: { entityType: 'opportunity', entityId: 42 },
    })
    expect(reminderTarget({ taskId: 8, entityType: 'contact', entityId: 3 })).toEqual({ kind: 'record', record: { entityType: 'contact', entityId: 3 } })
  })

  it('sends a task about no record to the follow-ups screen', () => {
    expect(reminderTarget({ taskId: 9, entityType: null, entityId: null })).toEqual({ kind: 'route', route: 'follow-ups' })
    expect(reminderTarget({ taskId: 10, entityType: 'lead', entityId: null })).toEqual({ kind: 'route', route: 'follow-ups' })
  })
})
