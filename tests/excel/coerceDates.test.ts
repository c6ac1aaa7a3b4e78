import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { coerceDate, coerceDateTime, daysInMonth, detectDateOrder } from '../../shared/coerce'

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const pad = (n: number, width = 2) => String(n).padStart(width, '0')

describe('dates to YYYY-MM-DD', () => {
  it.each([
    ['2025/3/1', '2025-03-01'],
    ['2025-03-01', '2025-03-01'],
    ['2025.3.1', '2025-03-01'],
    ['2025年3月1日', '2025-03-01'],
    ['2025 年 3 月 1 号', '2025-03-01'],
    ['２０２５年３月１日', '2025-03-01'],
    ['3/1/2025', '2025-03-01'],
    ['3/1/25', '2025-03-01'],
    ['1-Mar-25', '2025-03-01'],
    ['01-Mar-2025', '2025-03-01'],
    ['1 March 2025', '2025-03-01'],
    ['Mar 1, 2025', '2025-03-01'],
    ['March 1st 2025', '2025-03-01'],
    ['Sat, Mar 1, 2025', '2025-03-01'],
    ['2025年3月1日 星期六', '2025-03-01'],
    ['20250301', '2025-03-01'],
    ['  2025-03-01\t', '2025-03-01'],
    ['2025-03-01T10:20:30Z', '2025-03-01'],
    ['2025-03-01T23:30:00-05:00', '2025-03-01'],
    ['2025-03-01 14:30', '2025-03-01'],
    ['9/15/2000 00:00:00', '2000-09-15'],
    ['02/23/26 08:55 PM', '2026-02-23'],
    ['2023年03月04日', '2023-03-04'],
    ['2024-02-29', '2024-02-29'],
  ])('%s', (text, iso) => {
    expect(coerceDate(text)).toEqual({ ok: true, value: iso })
  })

  it.each([
    ['2025-02-30', 'DATE_NONEXISTENT'],
    ['2023-02-29', 'DATE_NONEXISTENT'],
    ['2025-13-01', 'DATE_NONEXISTENT'],
    ['13/25/2025', 'DATE_NONEXISTENT'],
    ['2025-03-01 25:00', 'TIME_INVALID'],
    ['2025-03-01 13:00 PM', 'TIME_INVALID'],
    ['next Tuesday', 'DATE_UNRECOGNISED'],
    ['2023-03-01-2023-03-31', 'DATE_UNRECOGNISED'],
    ['#N/A', 'CELL_ERROR'],
  ])('refuses %s as %s', (text, reason) => {
    expect(coerceDate(text)).toEqual({ ok: false, reason })
  })

  it('treats blanks as no value and other kinds as the wrong kind', () => {
    expect(coerceDate('')).toEqual({ ok: true, value: null })
    expect(coerceDate('   ')).toEqual({ ok: true, value: null })
    expect(coerceDate(null)).toEqual({ ok: true, value: null })
    expect(coerceDate(true)).toEqual({ ok: false, reason: 'WRONG_KIND' })
    expect(coerceDate({ error: '#VALUE!' })).toEqual({ ok: false, reason: 'CELL_ERROR' })
  })

  it('reads Excel serials in the 1900 system, with its phantom 1900-02-29', () => {
    expect(coerceDate(1)).toEqual({ ok: true, value: '1900-01-01' })
    expect(coerceDate(59)).toEqual({ ok: true, value: '1900-02-28' })
    expect(coerceDate(60)).toEqual({ ok: false, reason: 'DATE_NONEXISTENT' })
    expect(coerceDate(61)).toEqual({ ok: true, value: '1900-03-01' })
    expect(coerceDate(45717)).toEqual({ ok: true, value: '2025-03-01' })
    expect(coerceDate(45717.999)).toEqual({ ok: true, value: '2025-03-01' })
    expect(coerceDate(2958465)).toEqual({ ok: true, value: '9999-12-31' })
    expect(coerceDate(0)).toEqual({ ok: false, reason: 'DATE_OUT_OF_RANGE' })
    expect(coerceDate(2958466)).toEqual({ ok: false, reason: 'DATE_OUT_OF_RANGE' })
  })

  it('reads Excel serials in the 1904 system when the workbook says so', () => {
    expect(coerceDate(0, { date1904: true })).toEqual({ ok: true, value: '1904-01-01' })
    expect(coerceDate(45717 - 1462, { date1904: true })).toEqual({ ok: true, value: '2025-03-01' })
    expect(coerceDate(-1, { date1904: true })).toEqual({ ok: false, reason: 'DATE_OUT_OF_RANGE' })
  })

  it('reads a number like 20250301 as a date, not as serial day twenty million', () => {
    expect(coerceDate(20250301)).toEqual({ ok: true, value: '2025-03-01' })
  })

  it('reads Date objects by their UTC fields, the wall clock SheetJS stores there', () => {
    expect(coerceDate(new Date(Date.UTC(2025, 2, 1, 23, 59)))).toEqual({ ok: true, value: '2025-03-01' })
    expect(coerceDate(new Date(Number.NaN))).toEqual({ ok: false, reason: 'DATE_UNRECOGNISED' })
  })

  it('reads slashes day-first when asked, and dots day-first always', () => {
    expect(coerceDate('01/03/2025', { dateOrder: 'dmy' })).toEqual({ ok: true, value: '2025-03-01' })
    expect(coerceDate('01/03/2025')).toEqual({ ok: true, value: '2025-01-03' })
    expect(coerceDate('01.03.2025')).toEqual({ ok: true, value: '2025-03-01' })
  })

  it('settles a column’s order from values that read only one way', () => {
    expect(detectDateOrder(['01/02/2025', '25/03/2025'])).toBe('dmy')
    expect(detectDateOrder(['01/02/2025', '03/25/2025'])).toBe('mdy')
    expect(detectDateOrder(['01/02/2025', '2025-03-01'])).toBeNull()
  })

  it('puts two-digit years in Excel’s 1930–2029 window unless told otherwise', () => {
    expect(coerceDate('1/1/29')).toEqual({ ok: true, value: '2029-01-01' })
    expect(coerceDate('1/1/30')).toEqual({ ok: true, value: '1930-01-01' })
    expect(coerceDate('1/1/45', { twoDigitYearPivot: 50 })).toEqual({ ok: true, value: '2045-01-01' })
  })
})

describe('date-times to ISO UTC', () => {
  const china = { utcOffsetMinutes: 480 }

  it('reads a wall-clock time in the given zone', () => {
    expect(coerceDateTime('9/15/2000 00:00:00', china)).toEqual({ ok: true, value: '2000-09-14T16:00:00.000Z' })
    expect(coerceDateTime('02/23/26 08:55 PM', { utcOffsetMinutes: -300 })).toEqual({ ok: true, value: '2026-02-24T01:55:00.000Z' })
    expect(coerceDateTime('2025-03-01 下午 3:00', china)).toEqual({ ok: true, value: '2025-03-01T07:00:00.000Z' })
    expect(coerceDateTime('2025年3月1日 10时30分', china)).toEqual({ ok: true, value: '2025-03-01T02:30:00.000Z' })
    expect(coerceDateTime('3/1/2025 12:05 AM', { utcOffsetMinutes: 0 })).toEqual({ ok: true, value: '2025-03-01T00:05:00.000Z' })
    expect(coerceDateTime('2025-03-01 10:20:30.250', { utcOffsetMinutes: 0 })).toEqual({ ok: true, value: '2025-03-01T10:20:30.250Z' })
  })

  it('lets a zone written in the text win', () => {
    expect(coerceDateTime('2025-03-01T10:00:00Z', china)).toEqual({ ok: true, value: '2025-03-01T10:00:00.000Z' })
    expect(coerceDateTime('2025-03-01T10:00:00+08:00', { utcOffsetMinutes: 0 })).toEqual({ ok: true, value: '2025-03-01T02:00:00.000Z' })
  })

  it('gives a date without a time its midnight, and a serial its fraction of a day', () => {
    expect(coerceDateTime('2025-03-01', china)).toEqual({ ok: true, value: '2025-02-28T16:00:00.000Z' })
    expect(coerceDateTime(45717.75, { utcOffsetMinutes: 0 })).toEqual({ ok: true, value: '2025-03-01T18:00:00.000Z' })
  })

  it('uses this machine’s zone when none is given', () => {
    const local = new Date(2025, 2, 1, 9, 30).toISOString()
    expect(coerceDateTime('2025-03-01 09:30')).toEqual({ ok: true, value: local })
  })
})

describe('date properties', () => {
  /** Any real calendar day Excel's two-digit window can also name. */
  const day = fc
    .record({ year: fc.integer({ min: 1930, max: 2029 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
    .map((d) => ({ ...d, day: Math.min(d.day, daysInMonth(d.year, d.month)) }))

  const patterns: Record<string, (d: { year: number; month: number; day: number }) => string> = {
    iso: (d) => `${d.year}-${pad(d.month)}-${pad(d.day)}`,
    slashes: (d) => `${d.year}/${d.month}/${d.day}`,
    dots: (d) => `${d.year}.${d.month}.${d.day}`,
    chinese: (d) => `${d.year}年${d.month}月${d.day}日`,
    fullWidthChinese: (d) => `${d.year}年${d.month}月${d.day}日`.replace(/\d/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)),
    us: (d) => `${d.month}/${d.day}/${d.year}`,
    usShortYear: (d) => `${d.month}/${d.day}/${pad(d.year % 100)}`,
    dayMonthNameShortYear: (d) => `${d.day}-${months[d.month - 1]}-${pad(d.year % 100)}`,
    dayMonthName: (d) => `${pad(d.day)}-${months[d.month - 1]}-${d.year}`,
    monthNameDay: (d) => `${months[d.month - 1]} ${d.day}, ${d.year}`,
    compact: (d) => `${d.year}${pad(d.month)}${pad(d.day)}`,
    isoDateTime: (d) => `${d.year}-${pad(d.month)}-${pad(d.day)}T13:45:00+08:00`,
    usDateTime: (d) => `${pad(d.month)}/${pad(d.day)}/${pad(d.year % 100)} 08:55 PM`,
  }

  it.each(Object.entries(patterns))('any date written as %s reads back as itself', (_, format) => {
    fc.assert(
      fc.property(day, (d) => {
        expect(coerceDate(format(d))).toEqual({ ok: true, value: `${d.year}-${pad(d.month)}-${pad(d.day)}` })
      }),
    )
  })

  it('any Excel serial reads as the day Excel shows, in either date system', () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2_958_465 }), fc.boolean(), (serial1900, mac) => {
        const shown = new Date(Date.UTC(1899, 11, 30) + serial1900 * 86_400_000).toISOString().slice(0, 10)
        const serial = mac ? serial1900 - 1462 : serial1900
        fc.pre(serial >= 0)
        expect(coerceDate(serial, { date1904: mac })).toEqual({ ok: true, value: shown })
      }),
    )
  })

  it('any wall-clock time in any zone lands on the instant it names', () => {
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: -720, max: 840 }), (d, h, m, offset) => {
        const text = `${d.year}-${pad(d.month)}-${pad(d.day)} ${pad(h)}:${pad(m)}`
        const expected = new Date(Date.UTC(d.year, d.month - 1, d.day, h, m) - offset * 60_000).toISOString()
        expect(coerceDateTime(text, { utcOffsetMinutes: offset })).toEqual({ ok: true, value: expected })
      }),
    )
  })
})
