import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { coerceAmount, coerceBoolean, coerceInteger, coerceNumber, coercePercent } from '../../shared/coerce'

const amount = (value: number, currency: string | null = null) => ({ ok: true, value: { amount: value, currency } })

describe('amounts', () => {
  it.each([
    ['¥1,200,000', 1_200_000, 'CNY'],
    ['￥1,200,000', 1_200_000, 'CNY'],
    ['12万', 120_000, null],
    ['12万元', 120_000, 'CNY'],
    ['1.2亿', 120_000_000, null],
    ['3.5千', 3_500, null],
    ['1.1万', 11_000, null],
    ['10w', 100_000, null],
    ['$3,000.50', 3_000.5, 'USD'],
    ['US$ 3,000', 3_000, 'USD'],
    ['€12.5', 12.5, 'EUR'],
    ['HK$100', 100, 'HKD'],
    ['£5', 5, 'GBP'],
    ['100美元', 100, 'USD'],
    ['RMB 1,200.00', 1_200, 'CNY'],
    ['USD1,200', 1_200, 'USD'],
    ['(1,000)', -1_000, null],
    ['-1,000', -1_000, null],
    ['¥-1,000', -1_000, 'CNY'],
    ['-¥1,000', -1_000, 'CNY'],
    [' 16,623 ', 16_623, null],
    ['\u00a016,623\u00a0', 16_623, null],
    ['１２３，４５６', 123_456, null],
    ['1.2k', 1_200, null],
    ['1.5M', 1_500_000, null],
    ['2bn', 2_000_000_000, null],
    ['1.5E+06', 1_500_000, null],
  ])('%s', (text, value, currency) => {
    expect(coerceAmount(text)).toEqual(amount(value, currency))
  })

  it.each(['1,5', '12,34,567', 'abc', '¥', '12万美金元', '35%', '1.2.3', '--5'])('refuses %s', (text) => {
    expect(coerceAmount(text)).toEqual({ ok: false, reason: 'AMOUNT_UNRECOGNISED' })
  })

  it('applies a column’s unit unless the cell names its own', () => {
    expect(coerceAmount(680, 10_000)).toEqual(amount(6_800_000))
    expect(coerceAmount('680', 10_000)).toEqual(amount(6_800_000))
    expect(coerceAmount('12万', 10_000)).toEqual(amount(120_000))
    expect(coerceAmount(0.7, 10_000)).toEqual(amount(7_000))
  })

  it('keeps within the contract’s Money bound', () => {
    expect(coerceAmount('2e15')).toEqual({ ok: false, reason: 'AMOUNT_OUT_OF_RANGE' })
    expect(coerceAmount('1001万亿')).toEqual({ ok: false, reason: 'AMOUNT_OUT_OF_RANGE' })
  })

  it('passes numbers and blanks through, and refuses errors and other kinds', () => {
    expect(coerceAmount(1054)).toEqual(amount(1054))
    expect(coerceAmount('')).toEqual({ ok: true, value: null })
    expect(coerceAmount({ error: '#DIV/0!' })).toEqual({ ok: false, reason: 'CELL_ERROR' })
    expect(coerceAmount('#DIV/0!')).toEqual({ ok: false, reason: 'CELL_ERROR' })
    expect(coerceAmount(true)).toEqual({ ok: false, reason: 'WRONG_KIND' })
    expect(coerceAmount(Number.POSITIVE_INFINITY)).toEqual({ ok: false, reason: 'AMOUNT_UNRECOGNISED' })
  })

  const thousands = (n: number) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const cents = fc.integer({ min: 0, max: 10 ** 13 }).map((c) => c / 100)

  it('round-trips any amount written with separators, a sign and a currency', () => {
    fc.assert(
      fc.property(cents, fc.constantFrom('¥', '￥', '$', 'USD ', ''), fc.boolean(), (value, symbol, negative) => {
        const [whole, fraction] = value.toFixed(2).split('.')
        const written = `${symbol}${thousands(Number(whole))}.${fraction}`
        const parsed = coerceAmount(negative ? `(${written})` : written)
        expect(parsed.ok && parsed.value?.amount).toBe(negative ? -value : value)
      }),
    )
  })

  it('round-trips any amount written in 万, 亿 or k', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 14 }), fc.constantFrom(['万', 1e4], ['亿', 1e8], ['k', 1e3], ['千', 1e3]), (value, [unit, factor]) => {
        const parsed = coerceAmount(`${value / factor}${unit}`)
        expect(parsed.ok && parsed.value?.amount).toBe(value)
      }),
    )
  })
})

describe('percentages', () => {
  it.each([
    ['35%', 35],
    ['35 %', 35],
    ['３５％', 35],
    ['12.5%', 12.5],
    ['0.35', 35],
    [0.35, 35],
    ['35', 35],
    [35, 35],
    [1, 100],
    [0, 0],
    ['100%', 100],
  ])('%s is %s', (raw, value) => {
    expect(coercePercent(raw)).toEqual({ ok: true, value })
  })

  it('refuses what is not a percentage or not within 0–100', () => {
    expect(coercePercent('150%')).toEqual({ ok: false, reason: 'PERCENT_OUT_OF_RANGE' })
    expect(coercePercent(-5)).toEqual({ ok: false, reason: 'PERCENT_OUT_OF_RANGE' })
    expect(coercePercent('high')).toEqual({ ok: false, reason: 'PERCENT_UNRECOGNISED' })
    expect(coercePercent('$35')).toEqual({ ok: false, reason: 'PERCENT_UNRECOGNISED' })
  })
})

describe('numbers, integers and booleans', () => {
  it('reads numbers as Excel does', () => {
    expect(coerceNumber(' 16,623 ')).toEqual({ ok: true, value: 16_623 })
    expect(coerceNumber('35%')).toEqual({ ok: true, value: 0.35 })
    expect(coerceNumber('1.2万')).toEqual({ ok: true, value: 12_000 })
    expect(coerceNumber('n/a')).toEqual({ ok: false, reason: 'NUMBER_UNRECOGNISED' })
  })

  it('wants whole numbers for integers', () => {
    expect(coerceInteger('2,822')).toEqual({ ok: true, value: 2_822 })
    expect(coerceInteger('1.5万')).toEqual({ ok: true, value: 15_000 })
    expect(coerceInteger('2.5')).toEqual({ ok: false, reason: 'NUMBER_NOT_INTEGER' })
  })

  it.each([
    ['是', true],
    ['否', false],
    ['TRUE', true],
    ['false', false],
    ['Y', true],
    ['n', false],
    ['Yes', true],
    ['1', true],
    ['0', false],
    [1, true],
    [0, false],
    ['√', true],
    ['×', false],
    [true, true],
    ['', null],
  ])('%s is %s', (raw, value) => {
    expect(coerceBoolean(raw)).toEqual({ ok: true, value })
  })

  it('refuses what is no yes or no', () => {
    expect(coerceBoolean('maybe')).toEqual({ ok: false, reason: 'BOOLEAN_UNRECOGNISED' })
    expect(coerceBoolean(2)).toEqual({ ok: false, reason: 'BOOLEAN_UNRECOGNISED' })
    expect(coerceBoolean(new Date())).toEqual({ ok: false, reason: 'WRONG_KIND' })
  })
})
