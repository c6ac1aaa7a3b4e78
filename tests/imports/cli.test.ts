import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { workbench } from '../helpers/cli'
import { describe, expect, it } from 'vitest'
import type { ImportReport } from '../../shared/methods/imports'
import { readBack, rowsOfSheet } from '../exports/helpers'
import { tempDir } from '../helpers/workspace'
import { csvOf, fixturePath } from './helpers'


function count(db: string, table: string): number {
  const connection = new BetterSqlite3(db, { readonly: true })
  try {
    return connection.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
  } finally {
    connection.close()
  }
}


describe('the import and export commands', () => {
  it('imports the Maven pipeline as the analytics work expects, and undoes it', async () => {
    const db = path.join(tempDir(), 'maven.db')
    const file = fixturePath('maven-crm-sales-opportunities/original-zip/sales_pipeline.csv')
    const imported = await workbench(['import', file, '--db', db, '--entity', 'opportunities', '--mapping', 'auto', '--on-unknown', 'create', '--json'])
    expect(imported.code).toBe(0)
    const report = JSON.parse(imported.stdout) as ImportReport
    expect(report.counts).toMatchObject({ rows: 8800, create: 8800, reject: 0 })
    expect(report.batchId).toMatch(/^\d{8}-\d{6}-[0-9a-f]{4}$/)

    expect(count(db, 'opportunities')).toBe(8800)
    expect(count(db, 'users')).toBe(30)

    const undone = await workbench(['undo-import', report.batchId!, '--db', db, '--lang', 'en'])
    expect(undone.code).toBe(0)
    expect(undone.stdout).toContain('created records deleted 8885')
    expect(count(db, 'opportunities')).toBe(0)
    expect(count(db, 'users')).toBe(0)
  })

  it('prints counts and rejected rows for people, and a dry run writes nothing', async () => {
    const dir = tempDir()
    const db = path.join(dir, 'w.db')
    const file = path.join(dir, 'deals.csv')
    fs.writeFileSync(file, csvOf([['商机名称', '阶段'], ['A', '初步接洽'], ['B', '不存在的阶段']]))
    const dry = await workbench(['import', file, '--db', db, '--dry-run', '--lang', 'zh-CN'])
    expect(dry.stdout).toContain('预检（未写入）')
    expect(dry.stdout).toContain('新建 1')
    expect(dry.stdout).toContain('第 3 行 · 阶段 · "不存在的阶段": 找不到该阶段。')
    expect(count(db, 'opportunities')).toBe(0)
  })

  it('explains a refused file and exits non-zero', async () => {
    const db = path.join(tempDir(), 'w.db')
    const result = await workbench(['import', fixturePath('calamine-tests/pass_protected.xlsx'), '--db', db, '--lang', 'en'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('This file cannot be imported')
    expect(result.stderr).toContain('password-protected')
  })

  it('exports an entity or a saved view to .xlsx or .csv, and writes the import template', async () => {
    const dir = tempDir()
    const db = path.join(dir, 'w.db')
    await workbench(['demo', '--db', db, '--scale', '200'])
    const xlsx = path.join(dir, 'deals.xlsx')
    const exported = await workbench(['export', 'opportunities', '--db', db, '--out', xlsx, '--json'])
    expect(JSON.parse(exported.stdout)).toMatchObject({ path: xlsx, rows: 200 })
    expect(rowsOfSheet(readBack(xlsx))).toHaveLength(201)

    const csv = path.join(dir, 'stale.csv')
    const view = await workbench(['export', '停滞商机', '--db', db, '--out', csv, '--json'])
    expect(view.code).toBe(0)
    expect(fs.readFileSync(csv, 'utf8').startsWith('\ufeffworkbench_id,')).toBe(true)

    const template = path.join(dir, 'template.xlsx')
    expect((await workbench(['template', 'leads', '--db', db, '--out', template])).code).toBe(0)
    expect(rowsOfSheet(readBack(template))[0]![0]).toBe('公司')
    expect((await workbench(['export', 'nothing-like-this', '--db', db])).code).toBe(2)
  })
})
