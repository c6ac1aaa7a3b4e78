import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../electron/core'
import { latestRestorableBackup } from '../../electron/core/services/backups'
import { tempDir } from '../helpers/workspace'
import { countRows, damage, makeForeign, makeNewer, makeWorkspaceFile, sha256, workbench } from './helpers'

/** A workspace folder with a file and two backups beside it: an older good one and a newer damaged one. */
async function workspaceWithBackups(opportunities = 5) {
  const dir = tempDir()
  const db = path.join(dir, 'workspace.db')
  const good = path.join(dir, 'backups', 'workspace.db.2026-03-01T09-00-00-000Z.daily.db')
  const damaged = path.join(dir, 'backups', 'workspace.db.2026-03-02T09-00-00-000Z.daily.db')
  await makeWorkspaceFile(good, opportunities)
  await makeWorkspaceFile(damaged, opportunities)
  damage(damaged)
  await makeWorkspaceFile(db, 12)
  return { dir, db, good }
}

const spoilers = {
  damaged: { spoil: damage, code: 'DB_CORRUPT' },
  foreign: { spoil: (file: string) => (fs.rmSync(file), makeForeign(file)), code: 'DB_NOT_WORKBENCH' },
  newer: { spoil: makeNewer, code: 'DB_NEWER_VERSION' },
} as const

describe('a workspace that cannot be opened', () => {
  it.each(Object.entries(spoilers))('(%s) is refused by the core untouched, and the latest good backup is offered', async (_kind, { spoil, code }) => {
    const { db, good } = await workspaceWithBackups()
    spoil(db)
    const before = sha256(db)

    await expect(openCore({ dbPath: db, surface: 'test' })).rejects.toMatchObject({ code })

    expect(sha256(db)).toBe(before)
    expect(latestRestorableBackup(db)?.path).toBe(good)
  })

  it('the CLI explains the refusal, names the backup and the command that restores it, and changes nothing', async () => {
    const { db, good } = await workspaceWithBackups()
    damage(db)
    const before = sha256(db)

    const en = await workbench(['stats', '--db', db, '--lang', 'en'])
    expect(en.code).toBe(1)
    expect(en.stderr).toContain('The database file is damaged. It was not changed; you can restore a backup. [DB_CORRUPT]')
    expect(en.stderr).toContain(`Latest good backup: ${good}`)
    expect(en.stderr).toContain(`npm run workbench -- restore "${good}" --db "${db}"`)

    const zh = await workbench(['stats', '--db', db, '--lang', 'zh-CN'])
    expect(zh.stderr).toContain('数据库文件已损坏。文件未被修改，可从备份恢复。')
    expect(zh.stderr).toContain(`最新的可用备份：${good}`)
    expect(sha256(db)).toBe(before)
    expect(fs.readdirSync(path.dirname(db)).sort()).toEqual(['backups', 'workspace.db'])
  })

  it('the CLI says so when there is no usable backup', async () => {
    const db = path.join(tempDir(), 'alone.db')
    await makeWorkspaceFile(db)
    makeNewer(db)
    const result = await workbench(['stats', '--db', db, '--lang', 'en'])
    expect(result.code).toBe(1)
    expect(result.stderr).toContain('[DB_NEWER_VERSION]')
    expect(result.stderr).toContain('No usable backup was found.')
  })

  it('the CLI restores the backup in its place and keeps the damaged file aside, byte for byte', async () => {
    const { dir, db, good } = await workspaceWithBackups(5)
    damage(db)
    const damagedHash = sha256(db)

    const restored = await workbench(['restore', good, '--db', db, '--lang', 'en'])

    expect(restored.code).toBe(0)
    expect(restored.stdout).toContain(`Restored backup: ${good} (5 opportunities)`)
    const aside = fs.readdirSync(dir).find((name) => name.startsWith('workspace.set-aside-'))!
    expect(restored.stdout).toContain(`The file that did not open is kept as: ${path.join(dir, aside)}`)
    expect(sha256(path.join(dir, aside))).toBe(damagedHash)
    const stats = await workbench(['stats', '--db', db, '--json'])
    expect(JSON.parse(stats.stdout).counts.opportunities).toBe(5)
  })
})

describe('backups from the CLI', () => {
  it('backs up, lists, and restores an open workspace, keeping the current data', async () => {
    const dir = tempDir()
    const db = path.join(dir, 'workspace.db')
    await makeWorkspaceFile(db, 4)
    const out = path.join(dir, 'elsewhere', 'copy.db')

    const toFolder = await workbench(['backup', '--db', db, '--json'])
    expect(toFolder.code).toBe(0)
    const backup = JSON.parse(toFolder.stdout) as { path: string; kind: string }
    expect(backup).toMatchObject({ kind: 'manual' })
    expect(path.dirname(backup.path)).toBe(path.join(dir, 'backups'))

    const toFile = await workbench(['backup', '--db', db, '--out', out])
    expect(toFile.stdout).toMatch(new RegExp(`^OK ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KB\\)`))
    expect(countRows(out, 'opportunities')).toBe(4)

    const listed = await workbench(['backups', '--db', db, '--json'])
    expect((JSON.parse(listed.stdout) as { path: string }[]).map((b) => b.path)).toEqual([backup.path])

    // Restoring a backup with fewer rows keeps the current file as a pre-restore backup.
    const smaller = path.join(dir, 'smaller.db')
    await makeWorkspaceFile(smaller, 2)
    const restored = await workbench(['restore', smaller, '--db', db, '--json'])
    expect(restored.code).toBe(0)
    const result = JSON.parse(restored.stdout) as { keptAs: { path: string; kind: string } }
    expect(result.keptAs.kind).toBe('pre-restore')
    expect(countRows(result.keptAs.path, 'opportunities')).toBe(4)
    expect(countRows(db, 'opportunities')).toBe(2)
  })

  it('refuses to restore a damaged backup, exits non-zero and leaves the workspace as it was', async () => {
    const dir = tempDir()
    const db = path.join(dir, 'workspace.db')
    await makeWorkspaceFile(db, 3)
    const bad = path.join(dir, 'bad.db')
    await makeWorkspaceFile(bad, 30)
    damage(bad)

    const result = await workbench(['restore', bad, '--db', db, '--lang', 'en'])

    expect(result.code).toBe(1)
    expect(result.stderr).toContain('[DB_CORRUPT]')
    expect(countRows(db, 'opportunities')).toBe(3)
    expect(fs.existsSync(path.join(dir, 'backups'))).toBe(false)
  })
})
