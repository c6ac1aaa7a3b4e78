import { createHash } from 'node:crypto'
import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { TestWorkspace } from '../helpers/workspace'
import { fixturePath, importWorkspace, rowsOf } from './helpers'

/**
 * The import writes its batch with what the batch shares read once (custom
 * fields, stages, checked references) and each record's history dates in
 * its insert. What it leaves must be exactly what the per-record path left:
 * the digests below were taken from the workspace that path wrote (the
 * commit before this one), table by table, after the import and after its undo.
 */
const tables = {
  opportunities: 'SELECT * FROM opportunities ORDER BY id',
  accounts: 'SELECT * FROM accounts ORDER BY id',
  contacts: 'SELECT * FROM contacts ORDER BY id',
  users: 'SELECT * FROM users ORDER BY id',
  stages: 'SELECT * FROM stages ORDER BY id',
  picklists: 'SELECT * FROM picklists ORDER BY id',
  stage_history: 'SELECT * FROM stage_history ORDER BY id',
  audit_log: 'SELECT * FROM audit_log ORDER BY id',
  import_batch_rows: `SELECT r.batch_id, r.seq, r.kind, r.entity_id, r.action, r.before, r.version_after FROM import_batch_rows r
    JOIN import_batches b ON b.id = r.batch_id ORDER BY b.created_at, b.rowid, r.seq`,
  import_batches: 'SELECT id, entity, file_name, sheet, mapping, policy, counts, user_id, created_at, undone_at, undo_counts FROM import_batches ORDER BY created_at, rowid',
  search: `SELECT 'o', rowid, title, extra FROM search_opportunities UNION ALL SELECT 'a', rowid, title, extra FROM search_accounts
    UNION ALL SELECT 'c', rowid, title, extra FROM search_contacts ORDER BY 1, 2`,
} as const

/** Each table's rows as a short digest; batch ids (random) read as their order of creation. */
function digests(ws: TestWorkspace): Record<string, string> {
  const batches = rowsOf(ws, 'SELECT id FROM import_batches ORDER BY created_at, rowid').map((b) => String(b.id))
  const plain = (text: string) => batches.reduce((t, id, i) => t.replaceAll(id, `batch-${i + 1}`), text)
  return Object.fromEntries(
    Object.entries(tables).map(([table, sql]) => [table, createHash('sha256').update(plain(JSON.stringify(rowsOf(ws, sql)))).digest('hex').slice(0, 16)]),
  )
}

/** Imports, records the digests, undoes, records them again: for each real workbook below. */
async function importAndUndo(): Promise<Record<string, Record<string, string>>> {
  const ws = await importWorkspace()
  const maven = fs.readFileSync(fixturePath('maven-crm-sales-opportunities/original-zip/sales_pipeline.csv'), 'utf8').split('\n').slice(0, 151).join('\n')
  const cases = [
    { name: 'maven', path: ws.file('maven-150.csv', maven), entity: 'opportunity', onUnknown: 'create' },
    { name: 'deals', path: ws.allow(fixturePath('chinese-crm-templates/zgh01640-crypto-Insight/商机导入模板.xlsx')), entity: 'opportunity', onUnknown: 'create' },
    { name: 'accounts', path: ws.allow(fixturePath('chinese-crm-templates/Kevin-Hu88-lead-system/客户导入模板.xlsx')), entity: 'account', onUnknown: 'create' },
  ] as const
  const seen: Record<string, Record<string, string>> = {}
  for (const { name, ...request } of cases) {
    const report = await ws.call('imports.commit', request)
    expect(report.counts.create).toBeGreaterThan(0)
    seen[`${name} imported`] = digests(ws)
    await ws.call('imports.undo', { batchId: report.batchId! })
    seen[`${name} undone`] = digests(ws)
  }
  // The same Maven rows again, now over deals the first import left in place, with updates.
  const again = await ws.call('imports.commit', { path: cases[0].path, entity: 'opportunity', onUnknown: 'create' })
  await ws.call('imports.commit', { path: cases[0].path, entity: 'opportunity', onUnknown: 'create', onDuplicate: 'update', sheet: undefined })
  seen['maven twice'] = digests(ws)
  expect(again.counts.create).toBe(150)
  return seen
}

const written = {
  'maven imported': {
    opportunities: 'eff0d5a6c1ea4c15', accounts: '874533e8b94a9e5d', contacts: '4f53cda18c2baa0c', users: 'a44197f0d431991b', stages: '9276acf3b08e4ee3', picklists: 'dd467c6bf9361ef7', stage_history: 'bbd2bdd1f478d7a6', audit_log: '24e1ed5757acc73c', import_batch_rows: '8a4a8dbd8d8a31bc', import_batches: 'effaac070574f7f7', search: '6ea9a035f050a3e5',
  },
  'maven undone': {
    opportunities: '4f53cda18c2baa0c', accounts: '4f53cda18c2baa0c', contacts: '4f53cda18c2baa0c', users: '4f53cda18c2baa0c', stages: 'dd8f5724beacf4aa', picklists: '6ed1cbd4acf3ecb2', stage_history: '4f53cda18c2baa0c', audit_log: 'aacd745b29745656', import_batch_rows: '8a4a8dbd8d8a31bc', import_batches: '91db79ce5fbbc0eb', search: '4f53cda18c2baa0c',
  },
  'deals imported': {
    opportunities: 'f6d3b82244510ab1', accounts: '4f53cda18c2baa0c', contacts: '4f53cda18c2baa0c', users: '4f53cda18c2baa0c', stages: '5fbba460d1dde39f', picklists: '6ed1cbd4acf3ecb2', stage_history: 'cb547f25c7a7ade7', audit_log: 'ee5c6b09f38e3547', import_batch_rows: 'e80cb6485e8aa1bc', import_batches: '57a5bf2bd20f09bf', search: 'ab27c2a84b82dda7',
  },
  'deals undone': {
    opportunities: '4f53cda18c2baa0c', accounts: '4f53cda18c2baa0c', contacts: '4f53cda18c2baa0c', users: '4f53cda18c2baa0c', stages: 'dd8f5724beacf4aa', picklists: '6ed1cbd4acf3ecb2', stage_history: '4f53cda18c2baa0c', audit_log: '9aaf6779093a64c5', import_batch_rows: 'e80cb6485e8aa1bc', import_batches: 'f787cdf6c9ecf4eb', search: '4f53cda18c2baa0c',
  },
  'accounts imported': {
    opportunities: '4f53cda18c2baa0c', accounts: 'f07b539ada0259b7', contacts: '3fb5d0ff3cbac9bc', users: '4f53cda18c2baa0c', stages: 'dd8f5724beacf4aa', picklists: '5bafbed73bdc4e6c', stage_history: '4f53cda18c2baa0c', audit_log: 'af8c9c5e7aec0da2', import_batch_rows: '9978383223e349bf', import_batches: 'b450f52921204ea0', search: '9588831b2fa31364',
  },
  'accounts undone': {
    opportunities: '4f53cda18c2baa0c', accounts: '4f53cda18c2baa0c', contacts: '4f53cda18c2baa0c', users: '4f53cda18c2baa0c', stages: 'dd8f5724beacf4aa', picklists: '6ed1cbd4acf3ecb2', stage_history: '4f53cda18c2baa0c', audit_log: '4d88d0775a843951', import_batch_rows: '9978383223e349bf', import_batches: '0d78fafd80c33238', search: '4f53cda18c2baa0c',
  },
  'maven twice': {
    opportunities: 'eff0d5a6c1ea4c15', accounts: '874533e8b94a9e5d', contacts: '4f53cda18c2baa0c', users: 'a44197f0d431991b', stages: '9276acf3b08e4ee3', picklists: 'dd467c6bf9361ef7', stage_history: '7c6d3c56b2b67964', audit_log: '8a4516697ce83828', import_batch_rows: '98ee621d628d33cd', import_batches: '4e6417e8f5a86dc1', search: '6ea9a035f050a3e5',
  },
}

describe('the batch write of an import', () => {
  it('leaves the same records, history, audit, search index and batch rows as the per-record path, and undoes to the same', async () => {
    const seen = await importAndUndo()
    if (process.env.PRINT_IMPORT_DIGESTS) console.log(JSON.stringify(seen, null, 2))
    expect(seen).toEqual(written)
  })
})
