import path from 'node:path'
import { workbench } from '../helpers/cli'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/workspace'



describe('CLI', () => {
  it('init, demo and stats --json print the demo’s counts', async () => {
    const db = path.join(tempDir(), 'demo.db')
    expect((await workbench(['init', '--db', db])).code).toBe(0)
    const demo = await workbench(['demo', '--db', db, '--scale', '300', '--json'])
    expect(demo.code).toBe(0)
    const stats = await workbench(['stats', '--db', db, '--json'])
    expect(stats.code).toBe(0)
    const parsed = JSON.parse(stats.stdout) as { counts: Record<string, number>; byStage: { count: number }[] }
    expect(parsed.counts.opportunities).toBe(300)
    expect(parsed.counts.accounts).toBeGreaterThan(0)
    expect(parsed.counts.activities).toBeGreaterThan(300)
    expect(parsed.byStage.reduce((sum, s) => sum + s.count, 0)).toBe(300)
    expect(JSON.parse(demo.stdout)).toEqual(parsed)
  })

  it('honours WORKBENCH_DB when --db is absent', async () => {
    const db = path.join(tempDir(), 'env.db')
    const result = await workbench(['init'], { WORKBENCH_DB: db })
    expect(result.stdout).toContain(db)
  })

  it('explains refusals in the user’s language and exits non-zero', async () => {
    const db = path.join(tempDir(), 'twice.db')
    await workbench(['demo', '--db', db, '--scale', '50'])
    const zh = await workbench(['demo', '--db', db, '--scale', '50', '--lang', 'zh-CN'])
    expect(zh.code).toBe(1)
    expect(zh.stderr).toContain('演示数据只能加载到空的工作区')
    const en = await workbench(['demo', '--db', db, '--scale', '0', '--lang', 'en'])
    expect(en.code).toBe(1)
    expect(en.stderr).toContain('Some input is not valid')
    const unknown = await workbench(['frobnicate'])
    expect(unknown.code).toBe(2)
  })
})
