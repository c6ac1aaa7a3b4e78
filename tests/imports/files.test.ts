import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readBack, rowsOfSheet, xlsxPart } from '../exports/helpers'
import { csvOf, importWorkspace, rowsOf } from './helpers'

describe('the error rows workbook', () => {
  it('holds the rejected rows as they were, with each reason, and imports once fixed', async () => {
    const ws = await importWorkspace()
    const file = ws.file(
      'leads.csv',
      csvOf([
        ['公司', '电话', '邮箱', '来源'],
        ['甲公司', '13800000001', 'a@example.com', '官网'],
        ['乙公司', '13800000002', 'not-mail', '抖音'],
        ['', '13800000003', '', '官网'],
      ]),
    )
    const written = await ws.call('imports.errorRows', { path: file, entity: 'lead' })
    expect(written).toMatchObject({ rows: 2, fileName: expect.stringMatching(/^leads-error-rows-\d{8}-\d{6}\.xlsx$/) })
    const [headers, ...rows] = rowsOfSheet(readBack(written.path))
    expect(headers).toEqual(['公司', '电话', '邮箱', '来源', 'Reason', 'Row'])
    expect(rows.map((r) => [r[0], r[5]])).toEqual([
      ['乙公司', 3],
      [null, 4],
    ])
    expect(rows[0]![4]).toBe("邮箱: This value is malformed or too long.\n来源: This is not one of the list’s options; pick one from the list or add it first.")
    expect(rows[1]![4]).toBe('公司: The name is missing; it is required.')

    const book = readBack(written.path)
    const sheet = book.Sheets[book.SheetNames[0]!]!
    sheet.A3 = { t: 's', v: '丙公司' }
    sheet.C2 = { t: 's', v: 'b@example.com' }
    sheet.D2 = { t: 's', v: '展会' }
    const { default: XLSX } = await import('xlsx')
    const fixed = ws.file('fixed.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer)
    const report = await ws.call('imports.commit', { path: fixed, entity: 'lead' })
    expect(report.counts).toMatchObject({ create: 2, reject: 0 })
    expect(rowsOf(ws, 'SELECT company FROM leads ORDER BY id').map((r) => r.company)).toEqual(['乙公司', '丙公司'])
  })
})

describe('the downloadable import template', () => {
  it('has the headers the import maps by itself, an example row, and dropdowns for stage, source and the lists', async () => {
    const ws = await importWorkspace()
    const zh = await ws.raw('imports.blankTemplate', { entity: 'opportunity' }, { locale: 'zh-CN', userId: null })
    const template = (zh as { value: { path: string; fileName: string } }).value
    expect(template.fileName).toMatch(/^商机导入模板-\d{8}-\d{6}\.xlsx$/)
    const [headers, example] = rowsOfSheet(readBack(template.path))
    expect(headers).toEqual(['商机名称', '客户', '联系人', '电话', '邮箱', '阶段', '金额', '币种', '预计成交日期', '负责人', '来源', '产品线', '行业', '地区', '下一步', '下次跟进', '备注'])
    expect(example![5]).toBe('初步接洽')
    const sheetXml = xlsxPart(template.path, 'xl/worksheets/sheet1.xml')
    const validated = [...sheetXml.matchAll(/<dataValidation [^>]*sqref="([A-Z]+)2:/g)].map((m) => m[1])
    expect(validated).toEqual(['F', 'H', 'K', 'L', 'M', 'N'])
    const lists = rowsOfSheet(readBack(template.path), '_lists')
    expect(lists.map((r) => r[0]).filter(Boolean)).toEqual(['初步接洽', '需求确认', '方案演示', '报价', '商务谈判', '赢单', '输单'])
    expect(lists.map((r) => r[2]).filter(Boolean)).toEqual(['官网', '客户推荐', '展会', '电话开发', '渠道伙伴', '微信', '广告投放'])

    ws.allow(template.path)
    const inspection = await ws.call('imports.inspect', { path: template.path, entity: 'opportunity' })
    expect(inspection.columns.filter((c) => c.target === null)).toEqual([])
    const report = await ws.call('imports.commit', { path: template.path, entity: 'opportunity' })
    expect(report.counts).toMatchObject({ create: 1, reject: 0 })
  })

  it('every entity’s template, in English too, imports its own example row', async () => {
    const ws = await importWorkspace()
    for (const entity of ['lead', 'account', 'contact'] as const) {
      const template = await ws.call('imports.blankTemplate', { entity })
      ws.allow(template.path)
      const report = await ws.call('imports.commit', { path: template.path, entity })
      expect(report.counts, entity).toMatchObject({ create: 1, reject: 0 })
    }
  })

  it('ships in resources/templates as a fresh workspace writes it', async () => {
    const ws = await importWorkspace()
    for (const [entity, name] of [
      ['opportunity', '商机导入模板.xlsx'],
      ['lead', '线索导入模板.xlsx'],
      ['account', '客户导入模板.xlsx'],
      ['contact', '联系人导入模板.xlsx'],
    ] as const) {
      const shipped = path.resolve('resources/templates', name)
      expect(fs.existsSync(shipped), shipped).toBe(true)
      const fresh = await ws.raw('imports.blankTemplate', { entity }, { locale: 'zh-CN', userId: null })
      const written = (fresh as { value: { path: string } }).value.path
      const parts = entity === 'contact' ? ['xl/worksheets/sheet1.xml'] : ['xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml']
      for (const part of parts) expect(xlsxPart(shipped, part)).toBe(xlsxPart(written, part))
    }
  })
})
