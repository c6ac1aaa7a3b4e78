import type { Stage } from '../../shared/entities'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

/** A workspace whose clock the test moves: `clock.set('2026-11-20T08:00:00Z')`, `clock.advanceDays(3)`. */
export async function workspaceWithClock(start = '2026-11-20T08:00:00.000Z') {
  let now = new Date(start)
  const ws = await openWorkspace({ now: () => now })
  const clock = {
    set: (iso: string) => (now = new Date(iso)),
    advanceHours: (hours: number) => (now = new Date(now.getTime() + hours * 3_600_000)),
    advanceDays: (days: number) => (now = new Date(now.getTime() + days * 86_400_000)),
    now: () => now,
  }
  return { ws, clock }
}

export function addUser(ws: TestWorkspace, name: string, options: { active?: boolean; team?: string } = {}): number {
  return Number(
    ws.core.db
      .prepare("INSERT INTO users (name, role, team, active, created_at) VALUES (?, 'rep', ?, ?, '2026-01-01T00:00:00.000Z')")
      .run(name, options.team ?? null, options.active === false ? 0 : 1).lastInsertRowid,
  )
}

/** Stages of a pipeline by key ('new_business' unless named). */
export async function stagesOf(ws: TestWorkspace, pipelineKey = 'new_business'): Promise<Record<string, Stage>> {
  const pipelines = await ws.call('pipelines.list', {})
  const pipeline = pipelines.find((p) => p.key === pipelineKey)!
  const stages = await ws.call('stages.list', { pipelineId: pipeline.id })
  return Object.fromEntries(stages.map((s) => [s.key, s]))
}

/** Only the lead fields the default entry form requires, plus what the test adds. */
export function leadFields(company: string, extra: Record<string, unknown> = {}) {
  return { company, phone: '13800000000', source: 'website', ...extra }
}

/** Tasks made by a rule, by the start of their rule key. */
export function ruleTasks(ws: TestWorkspace, prefix: string) {
  return ws.core.db
    .prepare("SELECT id, title, due_date AS dueDate, assignee_id AS assigneeId, entity_type AS entityType, entity_id AS entityId, status, rule_key AS ruleKey FROM tasks WHERE rule_key LIKE ? || '%' ORDER BY id")
    .all(prefix) as {
    id: number
    title: string
    dueDate: string
    assigneeId: number | null
    entityType: string
    entityId: number
    status: string
    ruleKey: string
  }[]
}

export async function expectError(ws: TestWorkspace, method: string, input: unknown, userId: number | null = null) {
  const result = await ws.raw(method, input, { locale: 'en', userId })
  if (result.ok) throw new Error(`${method} should have failed`)
  return result.error
}
