import { describe, expect, it } from 'vitest'
import { RepeatedTexts } from '../../electron/core/services/imports/repeats'

describe('texts repeated down a column', () => {
  it('hands out the first copy of a text for its column, and copies a new text once with keep', () => {
    const repeats = new RepeatedTexts()
    const kept: string[] = []
    const keep = (text: string) => {
      kept.push(text)
      return `${text}`
    }
    const first = repeats.shared(0, '初步接洽', keep)
    expect(repeats.shared(0, ['初步', '接洽'].join(''), keep)).toBe(first)
    expect(kept).toEqual(['初步接洽'])
    expect(repeats.shared(1, '初步接洽')).toBe('初步接洽')
  })

  it('lets a column of mostly distinct texts go, still keeping (copying) and returning every text', () => {
    const repeats = new RepeatedTexts()
    let copies = 0
    const keep = (text: string) => {
      copies++
      return text
    }
    const texts = Array.from({ length: 5000 }, (_, i) => `1380000${String(i).padStart(4, '0')}`)
    expect(texts.map((t) => repeats.shared('phone', t, keep))).toEqual(texts)
    expect(repeats.shared('phone', texts[0]!, keep)).toBe(texts[0])
    expect(copies).toBe(5001)
  })

  it('shares the texts of a record in place and leaves other values alone', () => {
    const repeats = new RepeatedTexts()
    const a: Record<string, unknown> = { stage: '报价', amount: 12, date: null }
    const b: Record<string, unknown> = { stage: ['报', '价'].join(''), amount: 12, date: null }
    repeats.share(a)
    repeats.share(b)
    expect(b).toEqual(a)
    expect(b.stage).toBe(a.stage)
  })
})
