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
})
