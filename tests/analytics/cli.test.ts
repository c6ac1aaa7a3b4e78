import fs from 'node:fs'
import path from 'node:path'
import { workbench } from '../helpers/cli'
import { describe, expect, it } from 'vitest'
import * as XLSX from 'xlsx'
import { buildFixture } from './fixture'



describe('analytics on the command line', () => {
  it('prints the same figures as the API, takes snapshots and writes the weekly review', async () => {
    const fx = await buildFixture()
    const db = fx.ws.core.dbPath

    const funnel = await workbench(['report', 'funnel', '--db', db, '--from', '2026-10-01', '--to', '2026-12-31', '--pipeline', 'new_business', '--lang', 'en', '--json'])
    expect(funnel.code).toBe(0)
    expect(JSON.parse(funnel.stdout)).toEqual(await fx.ws.call('analytics.funnel', { period: { from: '2026-10-01', to: '2026-12-31' }, pipelineId: fx.pipelineId }))

    const winRate = await workbench(['report', 'winrate', '--db', db, '--from', '2026-10-01', '--to', '2026-12-31', '--owner', 'Alice', '--lang', 'en'])
    expect(winRate.stdout).toContain('Amounts in CNY (converted at the Settings rates:')
    expect(winRate.stdout).toMatch(/Alice\s+1\s+1\s+50\.0%\s+62\.5%/)

    const changes = await workbench(['report', 'changes', '--db', db, '--from-snapshot', String(fx.snapshotId), '--json'])
    expect(changes.code).toBe(0)
    const fromApi = await fx.ws.call('analytics.changes', { fromSnapshotId: fx.snapshotId }, {})
    expect(JSON.parse(changes.stdout).buckets.map((b: { amount: number }) => b.amount)).toEqual(fromApi.buckets.map((b) => b.amount))

    const snapshot = await workbench(['snapshot', '--db', db, '--note', 'from the CLI', '--json'])
    expect(snapshot.code).toBe(0)
    expect(JSON.parse(snapshot.stdout)).toMatchObject({ kind: 'manual', note: 'from the CLI', dealCount: 6, amount: 545_000 })

    const out = path.join(fx.ws.dir, 'review.xlsx')
    const review = await workbench(['weekly-review', '--db', db, '--week', '2026-W46', '--owner', 'Bob', '--out', out, '--lang', 'zh-CN'])
    expect(review.code).toBe(0)
    const book = XLSX.read(fs.readFileSync(out))
    expect(book.SheetNames).toEqual(['摘要', '按阶段', '本周变化', '新商机', '赢单', '输单', '停滞与逾期', '预测与目标', '回款', '赵强'])

    const unknown = await workbench(['report', 'funnel', '--db', db, '--owner', 'Nobody', '--lang', 'zh-CN'])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toContain('找不到负责人：Nobody')
  })
})
