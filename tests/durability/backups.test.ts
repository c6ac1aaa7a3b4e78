import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import type { BackupInfo } from '../../shared/methods/backups'
import { openCore } from '../../electron/core'
import { restoreUnopenableWorkspace } from '../../electron/core/services/backups'
import { APPLICATION_ID } from '../../electron/core/store/database'
import { LATEST_VERSION, migrations } from '../../electron/core/store/migrations'
import { openWorkspace, tempDir, type TestWorkspace } from '../helpers/workspace'
import {
  commitWatcher,
  countRows,
  damage,
  makeForeign,
  makeNewer,
  makeWorkspaceFile,
  sha256,
  truncate,
} from './helpers'

async function addOpportunities(ws: TestWorkspace, names: string[]): Promise<void> {
  const [stage] = await ws.call('stages.list', {})
  for (const name of names) await ws.call('opportunities.create', { name, stageId: stage!.id })
}

async function opportunityNames(ws: TestWorkspace): Promise<string[]> {
  const page = await ws.call('opportunities.list', { offset: 0, limit: 100 })
  return page.rows.map((row) => row.name).sort()
}

function backupsFolderOf(ws: TestWorkspace): string {
  return path.join(path.dirname(ws.core.dbPath), 'backups')
}

describe('taking a backup', () => {
  it('writes a complete, self-contained copy into the backups folder while the workspace stays open', async () => {
    const ws = await openWorkspace()
    await addOpportunities(ws, ['华东项目', 'Acme renewal'])

    const backup = (await ws.call('backups.create', {})) as BackupInfo

    expect(path.dirname(backup.path)).toBe(backupsFolderOf(ws))
    expect(backup).toMatchObject({ kind: 'manual', createdAt: '2026-11-20T08:00:00.000Z' })
    expect(backup.fileName).toBe('workspace.db.2026-11-20T08-00-00-000Z.manual.db')
    expect(backup.sizeBytes).toBe(fs.statSync(backup.path).size)
    // Rows still in the WAL are in the copy, and the copy needs no -wal of its own.
    expect(countRows(backup.path, 'opportunities')).toBe(2)
    expect(fs.readdirSync(backupsFolderOf(ws))).toEqual([backup.fileName])
    expect(await ws.call('backups.list', {})).toEqual([backup])
    // The workspace goes on working.
    await addOpportunities(ws, ['After the backup'])
    expect(await opportunityNames(ws)).toHaveLength(3)
  })

  it('names a second backup in the same millisecond apart from the first', async () => {
    const ws = await openWorkspace()
    const first = await ws.call('backups.create', {})
    const second = await ws.call('backups.create', {})
    expect(second.fileName).toBe('workspace.db.2026-11-20T08-00-00-000Z-2.manual.db')
    expect((await ws.call('backups.list', {})).map((b) => b.path).sort()).toEqual([first.path, second.path].sort())
  })

  it('writes to a file the user picked, and refuses one they did not pick', async () => {
    const ws = await openWorkspace()
    await addOpportunities(ws, ['一'])
    const target = path.join(tempDir(), 'chosen.db')

    const refused = await ws.raw('backups.create', { path: target })
    expect(refused).toMatchObject({ ok: false, error: { code: 'PATH_NOT_ALLOWED' } })
    expect(fs.existsSync(target)).toBe(false)

    ws.core.paths.allow(target)
    const backup = await ws.call('backups.create', { path: target })
    expect(backup).toMatchObject({ path: target, kind: 'manual' })
    expect(countRows(target, 'opportunities')).toBe(1)
    // A picked file outside the backups folder is the user's; the folder's list does not claim it.
    expect(await ws.call('backups.list', {})).toEqual([])
  })

  it('replaces an existing picked file only with a complete backup', async () => {
    const ws = await openWorkspace()
    const target = path.join(tempDir(), 'overwrite.db')
    fs.writeFileSync(target, 'an older file the user chose to overwrite')
    ws.core.paths.allow(target)
    await ws.call('backups.create', { path: target })
    expect(countRows(target, 'stages')).toBeGreaterThan(0)
    expect(fs.readdirSync(path.dirname(target))).toEqual(['overwrite.db'])
  })

  it('never writes a backup over the workspace file itself', async () => {
    const ws = await openWorkspace()
    const before = ws.core.db.prepare('SELECT count(*) FROM stages').pluck().get()
    for (const target of [ws.core.dbPath, `${ws.core.dbPath}-wal`]) {
      ws.core.paths.allow(target)
      expect(await ws.raw('backups.create', { path: target })).toMatchObject({ ok: false, error: { code: 'BACKUP_SAME_FILE' } })
    }
    expect(ws.core.db.prepare('SELECT count(*) FROM stages').pluck().get()).toBe(before)
  })
})

describe('checking a backup', () => {
  it('reports the schema and what the backup holds', async () => {
    const ws = await openWorkspace()
    await addOpportunities(ws, ['一', '二'])
    const backup = await ws.call('backups.create', {})
    const check = await ws.call('backups.check', { path: backup.path })
    expect(check).toMatchObject({ path: backup.path, schemaVersion: LATEST_VERSION, sizeBytes: backup.sizeBytes })
    expect(check.counts?.opportunities).toBe(2)
  })

  it.each([
    ['damaged', damage, 'DB_CORRUPT'],
    ['truncated', truncate, 'DB_CORRUPT'],
    ['from a newer version', makeNewer, 'DB_NEWER_VERSION'],
    ['another program’s database', (file: string) => (fs.rmSync(file), makeForeign(file)), 'DB_NOT_WORKBENCH'],
    ['not SQLite at all', (file: string) => fs.writeFileSync(file, '客户名称,联系人\n'), 'DB_NOT_WORKBENCH'],
    ['missing', (file: string) => fs.rmSync(file), 'BACKUP_NOT_FOUND'],
  ] as const)('refuses a backup that is %s, reading it only', async (_label, spoil, code) => {
    const ws = await openWorkspace()
    const file = path.join(backupsFolderOf(ws), 'workspace.db.2026-01-01T00-00-00-000Z.manual.db')
    await makeWorkspaceFile(file, 40)
    spoil(file)
    const before = fs.existsSync(file) ? sha256(file) : null

    expect(await ws.raw('backups.check', { path: file })).toMatchObject({ ok: false, error: { code } })
    expect(fs.existsSync(file) ? sha256(file) : null).toBe(before)
  })
})

describe('restoring a backup into the open workspace', () => {
  it('keeps the current data as a pre-restore backup, then brings the backup’s data back', async () => {
    const ws = await openWorkspace()
    await addOpportunities(ws, ['一', '二', '三'])
    const backup = await ws.call('backups.create', {})
    await addOpportunities(ws, ['四', '五'])
    const events: string[] = []
    ws.core.events.subscribe((event, payload) => events.push(`${event}:${(payload as { reason?: string }).reason}`))

    const result = await ws.call('backups.restore', { path: backup.path })

    expect(await opportunityNames(ws)).toEqual(['一', '三', '二'].sort())
    expect(result.restored).toMatchObject({ path: backup.path, counts: { opportunities: 3 } })
    expect(result.keptAs.kind).toBe('pre-restore')
    expect(countRows(result.keptAs.path, 'opportunities')).toBe(5)
    expect(events).toContain('data-changed:restore')
    // The backup itself is untouched and the staging folder is gone.
    expect(countRows(backup.path, 'opportunities')).toBe(3)
    expect(fs.readdirSync(backupsFolderOf(ws)).sort()).toEqual([backup.fileName, result.keptAs.fileName].sort())
    // The workspace keeps working, and the restore can itself be undone from the pre-restore copy.
    await addOpportunities(ws, ['六'])
    expect(await opportunityNames(ws)).toHaveLength(4)
    await ws.call('backups.restore', { path: result.keptAs.path })
    expect(await opportunityNames(ws)).toHaveLength(5)
    expect(ws.core.db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('is seen at once by a second connection to the same file (another window or the CLI)', async () => {
    const ws = await openWorkspace()
    await addOpportunities(ws, ['一'])
    const backup = await ws.call('backups.create', {})
    await addOpportunities(ws, ['二'])
    const other = await openCore({ dbPath: ws.core.dbPath, surface: 'cli' })
    try {
      const count = () => other.db.prepare('SELECT count(*) FROM opportunities').pluck().get()
      expect(count()).toBe(2)
      await ws.call('backups.restore', { path: backup.path })
      expect(count()).toBe(1)
    } finally {
      other.close()
    }
  })

  it('brings a backup from an older version up to the current schema', async () => {
    const ws = await openWorkspace()
    const old = path.join(backupsFolderOf(ws), 'workspace.db.2025-01-01T00-00-00-000Z.manual.db')
    fs.mkdirSync(path.dirname(old), { recursive: true })
    const db = new BetterSqlite3(old)
    migrations[0]!.up(db)
    db.pragma(`application_id = ${APPLICATION_ID}`)
    db.pragma('user_version = 1')
    db.prepare("INSERT INTO users (name, role, created_at) VALUES ('王芳', 'rep', '2025-01-01T00:00:00Z')").run()
    db.close()

    const result = await ws.call('backups.restore', { path: old })

    expect(result.restored).toMatchObject({ schemaVersion: 1, counts: null })
    expect(ws.core.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect((await ws.call('users.list', {})).map((user) => user.name)).toEqual(['王芳'])
    expect((await ws.call('stages.list', {})).length).toBeGreaterThan(0)
    // The old backup was read, not migrated in place.
    expect(new BetterSqlite3(old, { readonly: true }).pragma('user_version', { simple: true })).toBe(1)
  })

  it.each([
    ['damaged', damage, 'DB_CORRUPT'],
    ['truncated', truncate, 'DB_CORRUPT'],
    ['from a newer version', makeNewer, 'DB_NEWER_VERSION'],
    ['another program’s database', (file: string) => (fs.rmSync(file), makeForeign(file)), 'DB_NOT_WORKBENCH'],
    ['missing', (file: string) => fs.rmSync(file), 'BACKUP_NOT_FOUND'],
  ] as const)('refuses a backup that is %s and changes nothing', async (_label, spoil, code) => {
    const ws = await openWorkspace()
    await addOpportunities(ws, ['留下'])
    const file = path.join(backupsFolderOf(ws), 'workspace.db.2026-01-01T00-00-00-000Z.manual.db')
    await makeWorkspaceFile(file, 40)
    spoil(file)
    const watcher = commitWatcher(ws.core.dbPath)
    const before = watcher.dataVersion()

    const result = await ws.raw('backups.restore', { path: file })

    expect(result).toMatchObject({ ok: false, error: { code } })
    expect(watcher.dataVersion()).toBe(before)
    watcher.close()
    expect(await opportunityNames(ws)).toEqual(['留下'])
    expect(fs.readdirSync(backupsFolderOf(ws)).filter((name) => name.includes('pre-restore'))).toEqual([])
  })

  it('refuses to restore the workspace file onto itself', async () => {
    const ws = await openWorkspace()
    ws.core.paths.allow(ws.core.dbPath)
    expect(await ws.raw('backups.restore', { path: ws.core.dbPath })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_SAME_FILE' },
    })
  })
})

describe('restoring over a workspace that cannot be opened', () => {
  it('keeps the damaged file aside, untouched, and puts the backup in its place', async () => {
    const dir = tempDir()
    const dbPath = path.join(dir, 'workspace.db')
    const backup = path.join(dir, 'backups', 'workspace.db.2026-01-01T00-00-00-000Z.daily.db')
    await makeWorkspaceFile(backup, 4)
    await makeWorkspaceFile(dbPath, 9)
    damage(dbPath)
    fs.writeFileSync(`${dbPath}-wal`, 'the damaged file’s own log')
    const damagedHash = sha256(dbPath)

    const result = await restoreUnopenableWorkspace(dbPath, backup, new Date('2026-02-03T04:05:06.007Z'))

    expect(result.keptAs).toBe(path.join(dir, 'workspace.set-aside-2026-02-03T04-05-06-007Z.db'))
    expect(sha256(result.keptAs!)).toBe(damagedHash)
    expect(fs.readFileSync(`${result.keptAs}-wal`, 'utf8')).toBe('the damaged file’s own log')
    expect(fs.existsSync(`${dbPath}-wal`)).toBe(false)
    const core = await openCore({ dbPath, surface: 'test' })
    expect(core.db.prepare('SELECT count(*) FROM opportunities').pluck().get()).toBe(4)
    core.close()
  })

  it('changes nothing when the backup itself is bad', async () => {
    const dir = tempDir()
    const dbPath = path.join(dir, 'workspace.db')
    const backup = path.join(dir, 'backups', 'workspace.db.2026-01-01T00-00-00-000Z.daily.db')
    await makeWorkspaceFile(backup, 4)
    makeNewer(backup)
    await makeWorkspaceFile(dbPath, 9)
    damage(dbPath)
    const before = sha256(dbPath)

    await expect(restoreUnopenableWorkspace(dbPath, backup, new Date())).rejects.toMatchObject({ code: 'DB_NEWER_VERSION' })
    expect(sha256(dbPath)).toBe(before)
    expect(fs.readdirSync(dir).sort()).toEqual(['backups', 'workspace.db'])
  })
})

describe('automatic backups', () => {
  it('take one daily backup a day and one on every quit, keeping 7 daily and 4 weekly', async () => {
    let now = new Date(2026, 2, 2, 9, 0)
    const ws = await openWorkspace({ now: () => now })
    const manual = await ws.call('backups.create', {})
    const at = (day: number, hours: number, minutes = 0) => new Date(2026, 2, 2 + day, hours, minutes)

    for (let day = 0; day < 60; day += 1) {
      now = at(day, 9)
      expect((await ws.call('backups.auto', { reason: 'daily' })).created?.kind).toBe('daily')
      now = at(day, 10, 30)
      expect((await ws.call('backups.auto', { reason: 'daily' })).created).toBeNull()
      now = at(day, 18)
      expect((await ws.call('backups.auto', { reason: 'quit' })).created?.kind).toBe('quit')
    }

    // Day 59 is Thursday 30 April. Kept: the newest of each of the last 7 days (24–30 April), and the
    // newest of each of the last 4 weeks, which adds Sunday 19 and Sunday 12 April.
    const left = await ws.call('backups.list', {})
    const automatic = left.filter((backup) => backup.kind !== 'manual')
    const localDay = (iso: string) => new Date(iso).getDate()
    expect(automatic.map((backup) => [backup.kind, localDay(backup.createdAt)])).toEqual([
      ['quit', 30],
      ['quit', 29],
      ['quit', 28],
      ['quit', 27],
      ['quit', 26],
      ['quit', 25],
      ['quit', 24],
      ['quit', 19],
      ['quit', 12],
    ])
    expect(left).toContainEqual(manual)
    expect(fs.readdirSync(backupsFolderOf(ws))).toHaveLength(10)
  })

  it('is due again on the next local day, whatever the hour', async () => {
    let now = new Date(2026, 5, 1, 23, 59)
    const ws = await openWorkspace({ now: () => now })
    expect((await ws.call('backups.auto', { reason: 'daily' })).created).not.toBeNull()
    now = new Date(2026, 5, 2, 0, 1)
    expect((await ws.call('backups.auto', { reason: 'daily' })).created).not.toBeNull()
    now = new Date(2026, 5, 2, 23, 0)
    expect((await ws.call('backups.auto', { reason: 'daily' })).created).toBeNull()
  })
})
