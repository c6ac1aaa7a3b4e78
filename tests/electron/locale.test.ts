import { describe, expect, it, vi } from 'vitest'
import { dispatch, type Core } from '../../electron/core'
import { pickLocale, readSavedLocale } from '../../electron/main/locale'

vi.mock('../../electron/core', () => ({ dispatch: vi.fn() }))

const core = {} as Core

describe('pickLocale', () => {
  it('prefers the language saved in the workspace', () => {
    expect(pickLocale('en', 'zh-CN')).toBe('en')
    expect(pickLocale('zh-CN', 'en-US')).toBe('zh-CN')
  })

  it('otherwise follows the system: Chinese variants to zh-CN, the rest to en', () => {
    expect(pickLocale(null, 'zh-CN')).toBe('zh-CN')
    expect(pickLocale(null, 'zh-TW')).toBe('zh-CN')
    expect(pickLocale(null, 'en-GB')).toBe('en')
    expect(pickLocale(null, 'de')).toBe('en')
  })
})

describe('readSavedLocale', () => {
  it('asks the core for settings.get', async () => {
    vi.mocked(dispatch).mockResolvedValueOnce({
      ok: true,
      value: { locale: 'en', currentUserId: null, baseCurrency: 'CNY' },
    })
    expect(await readSavedLocale(core)).toBe('en')
    expect(dispatch).toHaveBeenLastCalledWith(core, 'settings.get', {}, {})
  })

  it('gives null when nothing is saved, the call fails or the answer is malformed', async () => {
    vi.mocked(dispatch).mockResolvedValueOnce({ ok: true, value: { locale: null, currentUserId: null, baseCurrency: 'CNY' } })
    expect(await readSavedLocale(core)).toBeNull()
    vi.mocked(dispatch).mockResolvedValueOnce({ ok: false, error: { code: 'INTERNAL', message: 'x' } })
    expect(await readSavedLocale(core)).toBeNull()
    vi.mocked(dispatch).mockResolvedValueOnce({ ok: true, value: { locale: 'fr' } })
    expect(await readSavedLocale(core)).toBeNull()
  })
})
