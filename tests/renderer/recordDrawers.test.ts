import { describe, expect, it } from 'vitest'
import { changedFields } from '../../renderer/src/modules/records/utils/changedFields'

describe('changedFields (what a record drawer’s save sends)', () => {
  const account = { name: '明远机械', website: null, phone: '0512-6666', ownerId: 3, notes: 'VIP' }

  it('sends only the fields that differ, trimmed', () => {
    expect(changedFields(account, { name: ' 明远机械 ', website: 'https://my.example.cn ', phone: '0512-6666', ownerId: 4 })).toEqual({
      website: 'https://my.example.cn',
      ownerId: 4,
    })
  })

  it('turns blanks and cleared pickers into null, and leaves absent values alone', () => {
    expect(changedFields(account, { phone: '  ', ownerId: undefined, notes: 'VIP' })).toEqual({ phone: null, ownerId: null })
    expect(changedFields({ website: null }, { website: '' })).toEqual({})
  })
})
