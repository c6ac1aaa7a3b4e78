import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { resolveDbPath, userDataOverride } from '../../electron/main/dbLocation'

const userData = path.join('/home/ana/.config', '商机工作台')
const argv = (...flags: string[]) => ['/opt/workbench/workbench', 'out/main/index.js', ...flags]

describe('resolveDbPath', () => {
  it('takes --db PATH first', () => {
    expect(resolveDbPath(argv('--db', '/data/a.db'), { WORKBENCH_DB: '/data/env.db' }, userData)).toBe('/data/a.db')
  })

  it('accepts --db=PATH', () => {
    expect(resolveDbPath(argv('--db=/data/b.db'), { WORKBENCH_DB: '/data/env.db' }, userData)).toBe('/data/b.db')
  })

  it('falls back to WORKBENCH_DB without a flag', () => {
    expect(resolveDbPath(argv(), { WORKBENCH_DB: '/data/env.db' }, userData)).toBe('/data/env.db')
  })

  it('falls back to workspace.db in userData without either', () => {
    expect(resolveDbPath(argv(), {}, userData)).toBe(path.join(userData, 'workspace.db'))
  })

  it('ignores an empty variable and a flag without a value', () => {
    expect(resolveDbPath(argv('--db'), { WORKBENCH_DB: '  ' }, userData)).toBe(path.join(userData, 'workspace.db'))
    expect(resolveDbPath(argv('--db', '--inspect'), {}, userData)).toBe(path.join(userData, 'workspace.db'))
    expect(resolveDbPath(argv('--db='), { WORKBENCH_DB: '/data/env.db' }, userData)).toBe('/data/env.db')
  })

  it('does not mistake a longer flag for --db', () => {
    expect(resolveDbPath(argv('--dbx', '/data/x.db'), {}, userData)).toBe(path.join(userData, 'workspace.db'))
  })
})

describe('userDataOverride', () => {
  it('reads --user-data-dir in both spellings', () => {
    expect(userDataOverride(argv('--user-data-dir=/tmp/profile'))).toBe('/tmp/profile')
    expect(userDataOverride(argv('--user-data-dir', '/tmp/profile'))).toBe('/tmp/profile')
    expect(userDataOverride(argv('--db', '/data/a.db'))).toBeUndefined()
  })
})
