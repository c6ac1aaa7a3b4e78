import { describe, expect, it } from 'vitest'
import { normalizeCompanyName, normalizeEmail, normalizePhone } from '../../electron/core/domain/normalize'
import { RECORD_ID_HEADER } from '../../shared/methods/imports'
import { csvOf, importWorkspace, rowsOf } from './helpers'

describe('duplicates: the normalisation rules an import matches by', () => {
  it.each([
    ['上海华东科技有限公司', '上海华东科技'],
    ['上海华东科技（集团）有限公司', '上海华东科技'],
    ['上海华东科技股份有限公司', '上海华东科技'],
    ['上海华东科技有限责任公司', '上海华东科技'],
    ['ＡＢＣ　Trading Ltd.', 'abctrading'],
    ['ABC Trading Inc.', 'abctrading'],
    ['abc trading', 'abctrading'],
    ['（北京）创新科技有限公司', '创新科技'],
  ])('company %s → %s', (name, norm) => expect(normalizeCompanyName(name)).toBe(norm))

  it.each([
    ['+86 138-0013-8000', '13800138000'],
    ['0086 13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['１３８００１３８０００', '13800138000'],
  ])('phone %s → %s', (phone, norm) => expect(normalizePhone(phone)).toBe(norm))

  it('emails compare lower-cased and trimmed', () => expect(normalizeEmail(' Zhang.Wei@Example.COM ')).toBe('zhang.wei@example.com'))
})

const leadRows = [
  ['公司', '联系人', '电话', '邮箱', '来源'],
  ['上海华东科技有限公司', '张伟', '+86 138-0013-8000', 'zhang@example.com', '官网'],
  ['上海华东科技（集团）股份有限公司', '张伟', '', '', '官网'],
  ['另一家公司', '张伟', '0086 13800138000', '', '官网'],
  ['第三家公司', '张伟', '', 'ZHANG@EXAMPLE.COM', '官网'],
  ['全新公司', '李娜', '13900000000', 'li@example.com', '展会'],
]

describe('duplicates within the file and against the workspace', () => {
  it('finds repeats within the file by normalised company, phone and email, and skips them', async () => {
    const ws = await importWorkspace()
    const file = ws.file('leads.csv', csvOf(leadRows))
    const report = await ws.call('imports.commit', { path: file, entity: 'lead' })
    expect(report.counts).toEqual({ rows: 5, create: 2, update: 0, unchanged: 0, skip: 3, reject: 0 })
    expect(report.skipped).toEqual([
      { row: 3, ofRow: 2, recordId: null },
      { row: 4, ofRow: 2, recordId: null },
      { row: 5, ofRow: 2, recordId: null },
    ])
  })

  it('skip, update or create: the policy decides what a match against the workspace does', async () => {
    const ws = await importWorkspace()
    const existing = await ws.call('leads.create', { company: '上海华东科技有限公司', phone: '13800138000', source: 'website' })
    const file = ws.file('leads.csv', csvOf([['公司', '电话', '来源', '意向产品'], ['上海华东科技（集团）有限公司', '', '展会', 'ERP']]))

    const skip = await ws.call('imports.preview', { path: file, entity: 'lead' })
    expect(skip.counts).toMatchObject({ skip: 1, create: 0 })
    expect(skip.skipped).toEqual([{ row: 2, ofRow: null, recordId: existing.id }])

    const update = await ws.call('imports.commit', { path: file, entity: 'lead', onDuplicate: 'update' })
    expect(update.counts).toMatchObject({ update: 1, create: 0 })
    // A blank cell leaves the field alone unless the file is an export that speaks for every field.
    expect(rowsOf(ws, 'SELECT company, phone, source, product_interest FROM leads')).toEqual([
      { company: '上海华东科技（集团）有限公司', phone: '13800138000', source: 'exhibition', product_interest: 'ERP' },
    ])

    const again = await ws.call('imports.preview', { path: file, entity: 'lead', onDuplicate: 'update' })
    expect(again.counts).toMatchObject({ update: 0, unchanged: 1 })

    const create = await ws.call('imports.commit', { path: file, entity: 'lead', onDuplicate: 'create' })
    expect(create.counts).toMatchObject({ create: 1 })
    expect(rowsOf(ws, 'SELECT count(*) AS n FROM leads')[0]!.n).toBe(2)
  })

  it('links deals to accounts by normalised name (or creates one account for all rows that name it)', async () => {
    const ws = await importWorkspace()
    const account = await ws.call('accounts.create', { name: '北京中科信息技术有限公司' })
    const file = ws.file(
      'deals.csv',
      csvOf([
        ['商机名称', '客户名称'],
        ['一期', '北京中科信息技术股份有限公司'],
        ['二期', '北京中科信息技术（北京）有限公司'],
        ['三期', '新客户有限公司'],
        ['四期', '新客户 Inc.'],
      ]),
    )
    const report = await ws.call('imports.commit', { path: file, entity: 'opportunity' })
    expect(report.creates.accounts).toBe(1)
    const links = rowsOf(ws, 'SELECT o.name, o.account_id AS accountId FROM opportunities o ORDER BY o.id')
    expect(links[0]!.accountId).toBe(account.id)
    expect(links[1]!.accountId).toBe(account.id)
    expect(links[2]!.accountId).toBe(links[3]!.accountId)
    expect(links[2]!.accountId).not.toBe(account.id)
  })

  it('finds contacts again by phone or email and accounts by the other system’s key', async () => {
    const ws = await importWorkspace()
    const first = ws.file('contacts.csv', csvOf([['姓名', '客户', '手机', 'Contact ID'], ['陈静', '甲公司', '137 1234 5678', 'C-1']]))
    await ws.call('imports.commit', { path: first, entity: 'contact' })
    const second = ws.file(
      'contacts2.csv',
      csvOf([['姓名', '客户', '手机', 'Contact ID'], ['陈静（新）', '甲公司', '+8613712345678', ''], ['别人', '甲公司', '', 'C-1']]),
    )
    const report = await ws.call('imports.preview', { path: second, entity: 'contact' })
    expect(report.counts).toMatchObject({ skip: 2, create: 0 })
    expect(report.skipped.map((s) => s.recordId)).toEqual([1, 1])
  })
})

describe('duplicates against deals the same import renames', () => {
  it('matches a later row to a deal by its new name, and no longer by its old one', async () => {
    const ws = await importWorkspace()
    const first = ws.file('v1.csv', csvOf([['商机名称', '客户名称', '阶段'], ['旧名', '甲公司', '初步接洽'], ['留着', '甲公司', '初步接洽']]))
    await ws.call('imports.commit', { path: first, entity: 'opportunity' })
    const old = rowsOf(ws, "SELECT id FROM opportunities WHERE name = '旧名'")[0]!.id
    const rows = [
      [RECORD_ID_HEADER, '商机名称', '客户名称', '阶段', '金额'],
      [old, '新名', '甲公司', '初步接洽', ''],
      ['', '新名', '甲公司', '初步接洽', '300'],
      ['', '旧名', '甲公司', '初步接洽', '100'],
      ['', '留着', '甲公司', '初步接洽', '200'],
    ]
    const report = await ws.call('imports.commit', { path: ws.file('v2.csv', csvOf(rows)), entity: 'opportunity', onDuplicate: 'update' })
    expect(report.counts).toMatchObject({ update: 3, create: 1, skip: 0 })
    expect(rowsOf(ws, 'SELECT name, amount FROM opportunities ORDER BY id')).toEqual([
      { name: '新名', amount: 300 },
      { name: '留着', amount: 200 },
      { name: '旧名', amount: 100 },
    ])
  })
})

