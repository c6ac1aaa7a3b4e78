import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { APPLICATION_ID, openDatabase } from '../../electron/core/store/database'
import { LATEST_VERSION, migrations } from '../../electron/core/store/migrations'
import { tempDir } from '../helpers/workspace'

function fileBytes(file: string): Buffer {
  return fs.readFileSync(file)
}

async function expectRefusal(file: string, code: string): Promise<void> {
  const before = fileBytes(file)
  await expect(openDatabase(file)).rejects.toMatchObject({ code })
  expect(fileBytes(file).equals(before)).toBe(true)
  expect(fs.existsSync(`${file}-wal`)).toBe(false)
}

describe('opening a workspace file', () => {
  it('creates a new file at the latest schema with WAL, foreign keys and a busy timeout', async () => {
    const file = path.join(tempDir(), 'nested', 'new.db')
    const { db, preMigrationBackup, fromVersion } = await openDatabase(file)
    expect(fromVersion).toBe(0)
    expect(preMigrationBackup).toBeNull()
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
    for (const table of ['users', 'accounts', 'contacts', 'leads', 'opportunities', 'stages', 'stage_history',
      'activities', 'tasks', 'contracts', 'payment_plans', 'payments', 'picklists', 'tags', 'audit_log',
      'import_batches', 'settings', 'pipelines']) {
      expect(tables).toContain(table)
    }
    db.close()
  })

  it('ships the three default pipelines with the stage requirements of the closed loop', async () => {
    const { db } = await openDatabase(path.join(tempDir(), 'w.db'))
    const pipelines = db.prepare('SELECT name_zh FROM pipelines ORDER BY sort_order').pluck().all()
    expect(pipelines).toEqual(['新客户', '续约', '项目'])
    const quote = db.prepare("SELECT required_fields FROM stages WHERE key = 'quote'").pluck().get() as string
    expect(JSON.parse(quote)).toEqual(['amount', 'expectedCloseDate'])
    const won = db.prepare("SELECT required_fields FROM stages WHERE key = 'won' AND pipeline_id = 1").pluck().get() as string
    expect(JSON.parse(won)).toEqual(['amount', 'signedDate'])
    db.close()
  })

  it('reopening an up-to-date file changes nothing and takes no backup', async () => {
    const file = path.join(tempDir(), 'w.db')
    ;(await openDatabase(file)).db.close()
    const again = await openDatabase(file)
    expect(again.fromVersion).toBe(LATEST_VERSION)
    expect(again.preMigrationBackup).toBeNull()
    expect(again.db.prepare('SELECT count(*) FROM pipelines').pluck().get()).toBe(3)
    again.db.close()
  })

  it('migrates a file from the previous version after backing it up', async () => {
    const dir = tempDir()
    const file = path.join(dir, 'old.db')
    const old = new BetterSqlite3(file)
    migrations[0]!.up(old)
    old.pragma(`application_id = ${APPLICATION_ID}`)
    old.pragma('user_version = 1')
    old.prepare("INSERT INTO users (name, role, created_at) VALUES ('王芳', 'rep', '2026-01-01T00:00:00Z')").run()
    old.close()

    const { db, preMigrationBackup, fromVersion } = await openDatabase(file)
    expect(fromVersion).toBe(1)
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION)
    expect(db.prepare('SELECT name FROM users').pluck().get()).toBe('王芳')
    expect(db.prepare('SELECT count(*) FROM stages').pluck().get()).toBeGreaterThan(0)
    db.close()

    expect(preMigrationBackup).not.toBeNull()
    const backup = new BetterSqlite3(preMigrationBackup!, { readonly: true })
    expect(backup.pragma('user_version', { simple: true })).toBe(1)
    expect(backup.prepare('SELECT name FROM users').pluck().get()).toBe('王芳')
    backup.close()
  })

  it('refuses a file from a newer version without touching it', async () => {
    const file = path.join(tempDir(), 'newer.db')
    const { db } = await openDatabase(file)
    db.pragma('journal_mode = DELETE')
    db.pragma(`user_version = ${LATEST_VERSION + 1}`)
    db.close()
    await expectRefusal(file, 'DB_NEWER_VERSION')
  })

  it('refuses a SQLite database that is not a workbench file', async () => {
    const file = path.join(tempDir(), 'foreign.db')
    const foreign = new BetterSqlite3(file)
    foreign.exec('CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)')
    foreign.close()
    await expectRefusal(file, 'DB_NOT_WORKBENCH')
  })

  it('refuses a file that is not SQLite at all', async () => {
    const file = path.join(tempDir(), 'notes.db')
    fs.writeFileSync(file, '客户名称,联系人\n上海华东,王芳\n')
    await expectRefusal(file, 'DB_NOT_WORKBENCH')
  })

  it('refuses a damaged file without overwriting it', async () => {
    const file = path.join(tempDir(), 'damaged.db')
    const { db } = await openDatabase(file)
    db.pragma('journal_mode = DELETE')
    db.close()
    const bytes = fileBytes(file)
    // Keep the header, scribble over the schema pages.
    for (let i = 100; i < Math.min(bytes.length, 8192); i += 1) bytes[i] = (i * 7) & 0xff
    fs.writeFileSync(file, bytes)
    await expectRefusal(file, 'DB_CORRUPT')
  })
})
