import path from 'node:path'
import { workbench } from '../helpers/cli'
import { describe, expect, it } from 'vitest'
import { openCore } from '../../electron/core'
import { tempDir } from '../helpers/workspace'



describe('closed-loop CLI', () => {
  it('runs the automatic rules, searches and shows My Day, as JSON', async () => {
    const db = path.join(tempDir(), 'loop.db')
    const core = await openCore({ dbPath: db, surface: 'test' })
    const userId = Number(core.db.prepare("INSERT INTO users (name, role, created_at) VALUES ('李娜', 'rep', '2026-01-01T00:00:00Z')").run().lastInsertRowid)
    core.db
      .prepare("INSERT INTO contacts (name, phone, phone_norm, owner_id, created_at, updated_at) VALUES ('张伟', '13800138000', '13800138000', ?, '2026-01-01', '2026-01-01')")
      .run(userId)
    core.close()

    const automations = await workbench(['automations', '--db', db, '--json'])
    expect(automations.code).toBe(0)
    expect(JSON.parse(automations.stdout)).toMatchObject({ returnedToPool: 0, renewalOpportunities: 0 })

    const search = await workbench(['search', '张伟', '--db', db, '--json'])
    const groups = JSON.parse(search.stdout).groups as { entityType: string; items: { title: string }[] }[]
    expect(groups.find((g) => g.entityType === 'contact')!.items.map((i) => i.title)).toEqual(['张伟'])
    expect((await workbench(['search', '0013', '--db', db])).stdout).toContain('张伟')

    const day = await workbench(['myday', '--db', db, '--user', String(userId), '--json'])
    expect(JSON.parse(day.stdout)).toMatchObject({ userId, overdue: { total: 0 } })
    const noUser = await workbench(['myday', '--db', db, '--lang', 'en'])
    expect(noUser.code).toBe(1)
    expect(noUser.stderr).toContain('Some input is not valid')
  })
})
