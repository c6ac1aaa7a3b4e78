import { describe, expect, it } from 'vitest'
import { en } from '../../renderer/src/i18n/en'
import { zhCN } from '../../renderer/src/i18n/zh-CN'

/** Flattens a resource tree into "a.b.c" → value pairs. */
function leaves(tree: object, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>()
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (value !== null && typeof value === 'object') for (const entry of leaves(value, path)) out.set(...entry)
    else out.set(path, value)
  }
  return out
}

describe('renderer translations', () => {
  const zh = leaves(zhCN)
  const english = leaves(en)

  it('have the same keys in zh-CN and en', () => {
    expect([...english.keys()].sort()).toEqual([...zh.keys()].sort())
  })

  it('have no empty strings', () => {
    for (const [locale, map] of [['zh-CN', zh], ['en', english]] as const) {
      const empty = [...map].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key)
      expect(empty, `${locale} empty keys`).toEqual([])
    }
  })

  it('use the same interpolation variables in both languages', () => {
    const variables = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort()
    for (const [key, value] of zh) expect(variables(english.get(key)), key).toEqual(variables(value))
  })
})
