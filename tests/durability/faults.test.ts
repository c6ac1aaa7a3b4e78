import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace'
import { commitWatcher, countRows, makeWorkspaceFile, sha256 } from './helpers'

const run = promisify(execFile)

async function createOpportunities(ws: TestWorkspace, prefix: string, count: number) {
  const [stage] = await ws.call('stages.list', {})
  const rows = Array.from({ length: count }, (_, i) => ({ name: `${prefix} ${i}`, stageId: stage!.id }))
  return ws.raw('grid.create', { entity: 'opportunity', rows })
}

async function opportunityCount(ws: TestWorkspace): Promise<number> {
  return (await ws.call('opportunities.list', { offset: 0, limit: 1 })).total ?? Number.NaN
}

/** Runs `work` and says whether any other connection committed meanwhile (SQLite's data_version). */
async function commitsDuring<T>(ws: TestWorkspace, work: () => Promise<T>): Promise<{ result: T; committed: boolean }> {
  const watcher = commitWatcher(ws.core.dbPath)
  try {
    const before = watcher.dataVersion()
    const result = await work()
    return { result, committed: watcher.dataVersion() !== before }
  } finally {
    watcher.close()
  }
}

describe('a full disk', () => {
  it('refuses a batch with DISK_FULL, keeps everything saved, and works again once there is room', async () => {
    const ws = await openWorkspace()
    expect((await createOpportunities(ws, 'saved', 5)).ok).toBe(true)
    // SQLite's own size limit stands in for a full disk (a small file system cannot be mounted without root).
    const pages = ws.core.db.pragma('page_count', { simple: true }) as number
    ws.core.db.pragma(`max_page_count = ${pages + 1}`)

    const { result, committed } = await commitsDuring(ws, () => createOpportunities(ws, 'too many', 3000))

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'DISK_FULL', message: 'The disk is full; nothing was saved. Saved data is safe.' },
    })
    expect(committed).toBe(false)
    expect(await opportunityCount(ws)).toBe(5)
    expect(ws.core.db.pragma('integrity_check', { simple: true })).toBe('ok')

    ws.core.db.pragma('max_page_count = 1073741823')
    expect((await createOpportunities(ws, 'after', 3000)).ok).toBe(true)
    expect(await opportunityCount(ws)).toBe(3005)
  })
})

describe('a read-only workspace', () => {
  it('refuses writes with DB_READONLY while reads go on and nothing saved is lost', async () => {
    const ws = await openWorkspace()
    await createOpportunities(ws, 'saved', 2)
    // Stands in for a file that became read-only under the app: SQLite refuses every write on this connection.
    ws.core.db.pragma('query_only = ON')

    const { result, committed } = await commitsDuring(ws, () => createOpportunities(ws, 'refused', 10))

    expect(result).toMatchObject({ ok: false, error: { code: 'DB_READONLY' } })
    expect(committed).toBe(false)
    expect(await opportunityCount(ws)).toBe(2)
    // A backup only reads the workspace, so it still works.
    expect(countRows((await ws.call('backups.create', {})).path, 'opportunities')).toBe(2)
    ws.core.db.pragma('query_only = OFF')
    expect((await createOpportunities(ws, 'later', 1)).ok).toBe(true)
  })

  it('a read-only file in a read-only folder is refused at open with DB_READONLY and left as it was', async () => {
    const dir = tempDir()
    const db = path.join(dir, 'workspace.db')
    await makeWorkspaceFile(db, 2)
    const before = sha256(db)
    fs.chmodSync(db, 0o444)
    fs.chmodSync(dir, 0o555)
    // Root ignores permissions, so the probe runs as the unprivileged `nobody` when the tests run as root.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {}
    try {
      const { stdout } = await run(process.execPath, ['--import', 'tsx', path.resolve('tests/durability/readonlyProbe.ts'), db], asUser)
      expect(JSON.parse(stdout)).toEqual({ opened: false, code: 'DB_READONLY' })
    } finally {
      fs.chmodSync(dir, 0o755)
    }
    expect(sha256(db)).toBe(before)
    expect(fs.readdirSync(dir)).toEqual(['workspace.db'])
  })
})

describe('a locked workspace', () => {
  it('makes a writer wait busy_timeout, then fail with DB_BUSY; reads and backups go on; the write works once free', async () => {
    const ws = await openWorkspace()
    await createOpportunities(ws, 'saved', 3)
    // Another program holds a write transaction on the file.
    const other = new BetterSqlite3(ws.core.dbPath)
    other.exec('BEGIN IMMEDIATE')
    other.prepare("UPDATE opportunities SET next_step = 'other program' WHERE id = 1").run()
    ws.core.db.pragma('busy_timeout = 300')

    const started = Date.now()
    const refused = await createOpportunities(ws, 'blocked', 10)
    expect(Date.now() - started).toBeGreaterThanOrEqual(250)
    expect(refused).toMatchObject({ ok: false, error: { code: 'DB_BUSY', message: 'The database is busy; try again in a moment.' } })
    expect(await opportunityCount(ws)).toBe(3)
    const backup = await ws.call('backups.create', {})
    expect(countRows(backup.path, 'opportunities')).toBe(3)
    // A restore is a write too: it waits, gives up with DB_BUSY, and changes nothing.
    expect(await ws.raw('backups.restore', { path: backup.path })).toMatchObject({ ok: false, error: { code: 'DB_BUSY' } })

    other.exec('COMMIT')
    other.close()
    expect((await createOpportunities(ws, 'free again', 10)).ok).toBe(true)
    expect(await opportunityCount(ws)).toBe(13)
    expect((await ws.call('opportunities.get', { id: 1 })).nextStep).toBe('other program')
  })
})
