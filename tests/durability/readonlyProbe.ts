/**
 * Opens a workspace as whichever user runs it and prints, as JSON, the code
 * opening failed with, or what a write and a read answered. The read-only
 * test runs it as an unprivileged user, since root ignores file permissions.
 */
import { dispatch, openCore } from '../../electron/core'

const meta = { locale: 'en', userId: null }

try {
  const core = await openCore({ dbPath: process.argv[2]!, surface: 'cli' })
  const write = await dispatch(core, 'accounts.create', { name: 'Should not be saved' }, meta)
  const read = await dispatch(core, 'accounts.list', { offset: 0, limit: 10 }, meta)
  core.close()
  console.log(JSON.stringify({ opened: true, write, read }))
} catch (err) {
  console.log(JSON.stringify({ opened: false, code: (err as { code?: string }).code }))
}
