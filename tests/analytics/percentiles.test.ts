import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { spreadOf } from '../../electron/core/store/analytics/percentiles'

describe('percentiles', () => {
  it('gives the median (middle pair averaged), the nearest-rank 80th percentile and the mean', () => {
    expect(spreadOf([])).toEqual({ n: 0, median: null, p80: null, mean: null })
    expect(spreadOf([5, 1, 3])).toEqual({ n: 3, median: 3, p80: 5, mean: 3 })
    expect(spreadOf([4, 1, 3, 2])).toEqual({ n: 4, median: 2.5, p80: 4, mean: 2.5 })
    const ten = spreadOf([10, 9, 8, 7, 6, 5, 4, 3, 2, 1])
    expect([ten.median, ten.p80]).toEqual([5.5, 8])
  })

  it('finds the same ranks as sorting would, whatever the values and repeats', () => {
    // Few distinct values force ties around the pivots; fractional days are the usual input.
    const value = fc.oneof(fc.integer({ min: 0, max: 5 }), fc.double({ min: 0, max: 400, noNaN: true }))
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), (values) => {
        const before = [...values]
        const sorted = [...values].sort((a, b) => a - b)
        const n = values.length
        const at = (rank: number) => sorted[rank]!
        const spread = spreadOf(values)
        expect(values).toEqual(before)
        expect(spread.median).toBe((at(Math.floor((n - 1) / 2)) + at(Math.floor(n / 2))) / 2)
        expect(spread.p80).toBe(at(Math.ceil((8 * n) / 10) - 1))
        expect(spread.mean).toBeCloseTo(values.reduce((s, v) => s + v, 0) / n, 9)
      }),
      { numRuns: 500 },
    )
  })
})
