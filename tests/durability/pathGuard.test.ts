import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace, tempDir } from '../helpers/workspace'
import { makeWorkspaceFile } from './helpers'

/**
 * A window may only hand the core paths the user picked in a dialog (or
 * inside the app's own folders). The backup handlers take paths, so each of
 * them is tried with paths nobody picked, through the same dispatch as IPC.
 */
describe('backup handlers refuse paths the user did not pick', () => {
  const methods = ['backups.create', 'backups.check', 'backups.restore'] as const

  it.each(methods)('%s', async (method) => {
    const ws = await openWorkspace()
    const elsewhere = tempDir()
    const victim = path.join(elsewhere, 'someone-elses.db')
    await makeWorkspaceFile(victim, 1)
    const before = fs.readFileSync(victim)
    const notPicked = [
      victim,
      path.join(elsewhere, 'new.db'),
      // Looks as if it were in the backups folder, but leaves it.
      path.join(ws.dir, 'backups', '..', '..', path.basename(elsewhere), 'someone-elses.db'),
      // A folder whose name only starts like the backups folder.
      path.join(ws.dir, 'backups-evil', 'x.db'),
      'relative/to/the/working/directory.db',
    ]

    for (const candidate of notPicked) {
      const result = await ws.raw(method, { path: candidate }, { locale: 'zh-CN', userId: null })
      expect(result, candidate).toMatchObject({
        ok: false,
        error: { code: 'PATH_NOT_ALLOWED', message: '只能使用在对话框中选择的文件。' },
      })
    }
    expect(fs.readFileSync(victim).equals(before)).toBe(true)
    expect(fs.readdirSync(elsewhere)).toEqual(['someone-elses.db'])
    expect(fs.existsSync(path.join(ws.dir, 'backups-evil'))).toBe(false)

    // The same path, once picked in a dialog (main calls paths.allow), is accepted.
    ws.core.paths.allow(victim)
    expect(await ws.raw(method, { path: victim })).toMatchObject({ ok: true })
  })

  it('accepts the workspace’s own backups folder without a dialog', async () => {
    const ws = await openWorkspace()
    const backup = await ws.call('backups.create', {})
    expect(await ws.raw('backups.check', { path: backup.path })).toMatchObject({ ok: true })
    expect(await ws.raw('backups.restore', { path: backup.path })).toMatchObject({ ok: true })
  })
})
