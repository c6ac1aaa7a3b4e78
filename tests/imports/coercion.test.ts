import * as XLSX from 'xlsx'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { csvOf, importWorkspace, rowsOf } from './helpers'

type Workspace = Awaited<ReturnType<typeof importWorkspace>>

/** Imports one column of values into opportunities and returns what each row became (or why it was rejected). */
async function column(ws: Workspace, header: string, values: unknown[], field: string, extra: Record<string, unknown> = {}) {
  const rows = [['商机名称', header], ...values.map((v, i) => [`r${i}`, v])]
  const file = ws.file(`${header.replace(/\W/g, '_')}-${Date.now()}.csv`, csvOf(rows))
  const report = await ws.call('imports.commit', { path: file, entity: 'opportunity', ...extra })
  const stored = new Map(rowsOf(ws, `SELECT name, ${field} AS value FROM opportunities WHERE name LIKE 'r%'`).map((r) => [r.name, r.value]))
  ws.core.db.exec("DELETE FROM stage_history; DELETE FROM opportunities; DELETE FROM contacts; DELETE FROM accounts")
  return values.map((_, i) => (stored.has(`r${i}`) ? stored.get(`r${i}`) : report.issues.find((x) => x.row === i + 2)?.reason))
}

describe('every cell is read as people write it', () => {
  it('dates: ISO, slashes, Chinese, US month-first, month names, compact', async () => {
    const ws = await importWorkspace()
    const written = ['2025/3/1', '2025-03-01', '2025年3月1日', '3/1/2025', '1-Mar-25', '20250301', '2025-02-30', 'soon']
    expect(await column(ws, '预计成交日期', written, 'expected_close_date')).toEqual([
      '2025-03-01',
      '2025-03-01',
      '2025-03-01',
      '2025-03-01',
      '2025-03-01',
      '2025-03-01',
      'DATE_NONEXISTENT',
      'DATE_UNRECOGNISED',
    ])
    expect(await column(ws, '预计成交日期', ['01/03/2025'], 'expected_close_date', { dateOrder: 'dmy' })).toEqual(['2025-03-01'])
  })

  it('dates: Excel serials in the 1900 and the 1904 system', async () => {
    const ws = await importWorkspace()
    for (const date1904 of [false, true]) {
      const sheet = XLSX.utils.aoa_to_sheet([['商机名称', '预计成交日期', '下次跟进']])
      // 2025-03-01 is serial 45717 in the 1900 system and 44255 in the 1904 one.
      const serial = date1904 ? 44255 : 45717
      XLSX.utils.sheet_add_aoa(sheet, [[`deal ${date1904}`, { t: 'n', v: serial, z: 'yyyy-mm-dd' }, serial]], { origin: 'A2' })
      const book = XLSX.utils.book_new()
      book.Workbook = { WBProps: { date1904 } }
      XLSX.utils.book_append_sheet(book, sheet, 'S')
      const file = ws.file(`serial-${date1904}.xlsx`, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
      await ws.call('imports.commit', { path: file, entity: 'opportunity' })
    }
    expect(rowsOf(ws, 'SELECT expected_close_date AS close, next_follow_up_date AS next FROM opportunities')).toEqual([
      { close: '2025-03-01', next: '2025-03-01' },
      { close: '2025-03-01', next: '2025-03-01' },
    ])
  })

  it('amounts: symbols, thousands, 万 and 亿, parentheses; a header’s unit; a negative deal refused', async () => {
    const ws = await importWorkspace()
    const written = ['¥1,200,000', '12万', '1.2亿', '$3,000.50', '(1,000)', '1,5', '1200000']
    expect(await column(ws, '预计金额', written, 'amount')).toEqual([1_200_000, 120_000, 120_000_000, 3000.5, 'VALUE_OUT_OF_RANGE', 'AMOUNT_UNRECOGNISED', 1_200_000])
    expect(await column(ws, '预计金额', ['$3,000.50', '¥5', '7'], 'currency')).toEqual(['USD', 'CNY', 'CNY'])
    expect(await column(ws, '合同金额（万元）', ['12', '3万'], 'amount')).toEqual([120_000, 30_000])
    expect(await column(ws, '金额（美元）', ['100'], 'currency')).toEqual(['USD'])
  })

  it('percentages: 35%, 35 and 0.35 are the same probability', async () => {
    const ws = await importWorkspace()
    expect(await column(ws, '赢率', ['35%', '35', '0.35', '150%'], 'probability')).toEqual([35, 35, 35, 'PERCENT_OUT_OF_RANGE'])
  })

  it('stages and picklists by their value or label in either language', async () => {
    const ws = await importWorkspace()
    const stages = await column(ws, '阶段', ['方案演示', 'Solution', 'solution', ' 方案演示 '], 'stage_id')
    expect(new Set(stages).size).toBe(1)
    expect(await column(ws, '来源', ['官网', 'Website', 'website', 'WEBSITE', '客户推荐', 'Trade show'], 'source')).toEqual([
      'website',
      'website',
      'website',
      'website',
      'referral',
      'exhibition',
    ])
    expect(await column(ws, '币种', ['人民币', 'USD', '美元', 'Euro', 'bitcoin'], 'currency')).toEqual(['CNY', 'USD', 'USD', 'EUR', 'OPTION_UNKNOWN'])
  })

  it('owners by name, English name or e-mail; two people with one name are ambiguous', async () => {
    const ws = await importWorkspace()
    const add = ws.core.db.prepare("INSERT INTO users (name, name_en, email, role, created_at) VALUES (?, ?, ?, 'rep', '2026-01-01')")
    const fang = Number(add.run('王芳', 'Wang Fang', 'fang@example.com').lastInsertRowid)
    add.run('李明', null, 'ming1@example.com')
    add.run('李明', null, 'ming2@example.com')
    expect(await column(ws, '负责人', ['王芳', 'Wang Fang', 'FANG@example.com', '李明', '张三'], 'owner_id')).toEqual([
      fang,
      fang,
      fang,
      'USER_AMBIGUOUS',
      'USER_UNKNOWN',
    ])
  })

  it('text files in GBK (what Chinese Excel saves) and UTF-8 with a BOM read alike', async () => {
    const ws = await importWorkspace()
    const text = csvOf([['公司', '联系人', '来源'], ['深圳南方物流有限公司', '李娜', '展会']])
    for (const [name, bytes] of [
      ['gbk.csv', iconv.encode(text, 'gb18030')],
      ['bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ] as const) {
      const file = ws.file(name, bytes)
      expect((await ws.call('imports.inspect', { path: file, entity: 'lead' })).encoding).toBe(name === 'gbk.csv' ? 'gb18030' : 'utf-8')
      await ws.call('imports.commit', { path: file, entity: 'lead', onDuplicate: 'create' })
    }
    expect(rowsOf(ws, 'SELECT company, contact_name AS contact, source FROM leads')).toEqual([
      { company: '深圳南方物流有限公司', contact: '李娜', source: 'exhibition' },
      { company: '深圳南方物流有限公司', contact: '李娜', source: 'exhibition' },
    ])
  })

  it('a value the field cannot hold (a malformed e-mail, a phone with letters) rejects the row with the column named', async () => {
    const ws = await importWorkspace()
    const file = ws.file('leads.csv', csvOf([['公司', '邮箱', '电话'], ['甲', 'not-an-email', '138'], ['乙', 'ok@example.com', '电话找前台']]))
    const report = await ws.call('imports.preview', { path: file, entity: 'lead' })
    expect(report.issues.map((i) => [i.row, i.column, i.reason])).toEqual([
      [2, '邮箱', 'VALUE_INVALID'],
      [3, '电话', 'VALUE_INVALID'],
    ])
  })
})
