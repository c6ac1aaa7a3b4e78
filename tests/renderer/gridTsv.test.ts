import { describe, expect, it } from 'vitest'
import { parseTsv, tileClip, toTsv, tsvCell } from '../../renderer/src/modules/grid/utils/tsv'

describe('TSV as Excel and WPS put it on the clipboard', () => {
  it('splits cells by tabs and rows by CRLF, ignoring the trailing line break', () => {
    expect(parseTsv('a\tb\r\nc\td\r\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ])
  })

  it('accepts LF and lone CR line breaks', () => {
    expect(parseTsv('a\nb\rc')).toEqual([['a'], ['b'], ['c']])
  })

  it('reads quoted cells holding tabs, line breaks and doubled quotes', () => {
    const text = '"line one\nline two"\t"has\ttab"\t"say ""hi"""\r\nplain\t\t"x"\r\n'
    expect(parseTsv(text)).toEqual([
      ['line one\nline two', 'has\ttab', 'say "hi"'],
      ['plain', '', 'x'],
    ])
  })

  it('reads CRLF inside a quoted cell as part of the cell', () => {
    expect(parseTsv('"a\r\nb"\tc')).toEqual([['a\r\nb', 'c']])
  })

  it('keeps quotes that do not wrap a whole cell as text', () => {
    expect(parseTsv('"Best" deal\t12"')).toEqual([['"Best" deal', '12"']])
    expect(parseTsv('"unterminated\tx')).toEqual([['"unterminated', 'x']])
  })

  it('keeps empty cells, a trailing tab, and pads short rows', () => {
    expect(parseTsv('a\t\tc\n\tb')).toEqual([
      ['a', '', 'c'],
      ['', 'b', ''],
    ])
    expect(parseTsv('a\t')).toEqual([['a', '']])
  })

  it('reads an empty clipboard as one empty cell', () => {
    expect(parseTsv('')).toEqual([['']])
    expect(parseTsv('\r\n')).toEqual([['']])
  })

  it('keeps Chinese text, amounts and dates untouched for the column coercion', () => {
    expect(parseTsv('华东区 ERP\t12万\t2025年3月1日\r\n')).toEqual([['华东区 ERP', '12万', '2025年3月1日']])
  })

  it('quotes only cells that need it, and round-trips', () => {
    expect(tsvCell('plain')).toBe('plain')
    expect(tsvCell('a\tb')).toBe('"a\tb"')
    expect(tsvCell('say "hi"')).toBe('"say ""hi"""')
    const rows = [
      ['a', 'multi\nline', 'say "hi"'],
      ['', 'tab\there', '¥1,200,000'],
    ]
    const text = toTsv(rows)
    expect(text).toBe('a\t"multi\nline"\t"say ""hi"""\r\n\t"tab\there"\t¥1,200,000')
    expect(parseTsv(text)).toEqual(rows)
  })

  it('tiles a clip over a selection that is a whole multiple of it', () => {
    expect(tileClip([['x']], 3, 2)).toEqual([
      ['x', 'x'],
      ['x', 'x'],
      ['x', 'x'],
    ])
    expect(tileClip([['a', 'b']], 2, 4)).toEqual([
      ['a', 'b', 'a', 'b'],
      ['a', 'b', 'a', 'b'],
    ])
    // Not a multiple: the clip pastes as it is, from the first cell.
    expect(tileClip([['a', 'b']], 3, 3)).toEqual([['a', 'b']])
  })
})
