import type { Database } from 'better-sqlite3'
import { LoopConfig, type AssignmentRule, type AssignmentRuleInput } from '../../../../shared/methods/loop'
import { defaultLoopConfig, loopSettingKeys } from '../../domain/loopDefaults'
import { readSetting, writeSetting } from '../reference'

type Part = keyof LoopConfig

/** The closed loop's settings; a part missing or damaged in the file reads as its default. */
export function readLoopConfig(db: Database): LoopConfig {
  const parts = (Object.keys(loopSettingKeys) as Part[]).map((part) => {
    const parsed = LoopConfig.shape[part].safeParse(readSetting(db, loopSettingKeys[part]))
    return [part, parsed.success ? parsed.data : defaultLoopConfig[part]]
  })
  return Object.fromEntries(parts) as LoopConfig
}

export function writeLoopConfig(db: Database, patch: Partial<LoopConfig>): void {
  for (const part of Object.keys(patch) as Part[]) {
    if (patch[part] !== undefined) writeSetting(db, loopSettingKeys[part], patch[part])
  }
}

/** Re-rates the given leads (or all) by touching an input of the rating trigger. */
export function rerateLeads(db: Database, ids?: readonly number[]): number {
  if (ids === undefined) return db.prepare('UPDATE leads SET bant = bant').run().changes
  const update = db.prepare('UPDATE leads SET bant = bant WHERE id = ?')
  return ids.reduce((n, id) => n + update.run(id).changes, 0)
}

interface RuleRow {
  id: number
  sort_order: number
  name: string
  match_field: AssignmentRule['matchField']
  match_values: string
  assign_type: 'user' | 'roundRobin'
  user_ids: string
  last_assigned_user_id: number | null
  active: number
}

function toRule(row: RuleRow): AssignmentRule {
  const userIds = JSON.parse(row.user_ids) as number[]
  return {
    id: row.id,
    name: row.name,
    matchField: row.match_field,
    matchValues: JSON.parse(row.match_values) as string[],
    assignTo: row.assign_type === 'user' ? { type: 'user', userId: userIds[0]! } : { type: 'roundRobin', userIds },
    active: row.active === 1,
    sortOrder: row.sort_order,
    lastAssignedUserId: row.last_assigned_user_id,
  }
}

export function listAssignmentRules(db: Database, onlyActive = false): AssignmentRule[] {
  const where = onlyActive ? 'WHERE active = 1' : ''
  return (db.prepare(`SELECT * FROM assignment_rules ${where} ORDER BY sort_order, id`).all() as RuleRow[]).map(toRule)
}

/**
 * Replaces the ordered list. A rule sent with its id keeps its row, and so
 * its round-robin position unless its members changed.
 */
export function replaceAssignmentRules(db: Database, rules: readonly AssignmentRuleInput[], now: string): void {
  const kept = rules.map((r) => r.id).filter((id): id is number => id !== undefined)
  const current = new Map(listAssignmentRules(db).map((rule) => [rule.id, rule]))
  db.prepare(`DELETE FROM assignment_rules WHERE id NOT IN (SELECT value FROM json_each(?))`).run(JSON.stringify(kept))
  const upsert = db.prepare(
    `INSERT INTO assignment_rules (id, sort_order, name, match_field, match_values, assign_type, user_ids,
       last_assigned_user_id, active, updated_at)
     VALUES (@id, @sortOrder, @name, @matchField, @matchValues, @assignType, @userIds, @cursor, @active, @now)
     ON CONFLICT(id) DO UPDATE SET sort_order = excluded.sort_order, name = excluded.name,
       match_field = excluded.match_field, match_values = excluded.match_values, assign_type = excluded.assign_type,
       user_ids = excluded.user_ids, last_assigned_user_id = excluded.last_assigned_user_id, active = excluded.active,
       updated_at = excluded.updated_at`,
  )
  rules.forEach((rule, index) => {
    const userIds = rule.assignTo.type === 'user' ? [rule.assignTo.userId] : rule.assignTo.userIds
    const before = rule.id === undefined ? undefined : current.get(rule.id)
    const sameMembers = before !== undefined && JSON.stringify(membersOf(before)) === JSON.stringify(userIds)
    upsert.run({
      id: before ? rule.id : null,
      sortOrder: index + 1,
      name: rule.name,
      matchField: rule.matchField,
      matchValues: JSON.stringify(rule.matchValues),
      assignType: rule.assignTo.type,
      userIds: JSON.stringify(userIds),
      cursor: sameMembers ? before.lastAssignedUserId : null,
      active: rule.active ? 1 : 0,
      now,
    })
  })
}

/** Rewrites one rule's values (a picklist merge renamed one), keeping its place and round-robin position. */
export function setAssignmentMatchValues(db: Database, id: number, values: readonly string[], now: string): void {
  db.prepare('UPDATE assignment_rules SET match_values = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(values), now, id)
}

function membersOf(rule: AssignmentRule): number[] {
  return rule.assignTo.type === 'user' ? [rule.assignTo.userId] : rule.assignTo.userIds
}

export function advanceRoundRobin(db: Database, ruleId: number, userId: number, now: string): void {
  db.prepare('UPDATE assignment_rules SET last_assigned_user_id = ?, updated_at = ? WHERE id = ?').run(userId, now, ruleId)
}

/** Active users among the given ids, in the given order. */
export function activeUsersAmong(db: Database, ids: readonly number[]): number[] {
  const active = new Set(
    db.prepare('SELECT id FROM users WHERE active = 1 AND id IN (SELECT value FROM json_each(?))').pluck().all(JSON.stringify(ids)) as number[],
  )
  return ids.filter((id) => active.has(id))
}
