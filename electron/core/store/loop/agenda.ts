import type { Database } from 'better-sqlite3'
import type { Opportunity } from '../../../../shared/entities'
import type { AgendaItem, Notification } from '../../../../shared/methods/loop'
import { gridSources } from '../gridSources'
import { selectGridRows } from '../rows'
import { OPEN_LEAD_STATUSES } from './leads'

/** Planned follow-ups (next follow-up dates) of records still being worked, up to `until`, soonest first. */
export function followUpsOf(db: Database, userId: number, until: string): AgendaItem[] {
  const planned = (alias: string) =>
    `${alias}.owner_id = @user AND ${alias}.deleted_at IS NULL AND ${alias}.next_follow_up_date IS NOT NULL
     AND ${alias}.next_follow_up_date <= @until`
  const rows = db
    .prepare(
      `SELECT 'lead' AS entityType, l.id AS entityId, l.company AS title, l.contact_name AS subtitle, l.next_follow_up_date AS date
         FROM leads l WHERE ${planned('l')} AND l.status IN ${OPEN_LEAD_STATUSES}
       UNION ALL
       SELECT 'opportunity', o.id, o.name, a.name, o.next_follow_up_date
         FROM opportunities o JOIN stages s ON s.id = o.stage_id LEFT JOIN accounts a ON a.id = o.account_id
         WHERE ${planned('o')} AND s.kind = 'open'
       UNION ALL
       SELECT 'account', a.id, a.name, NULL, a.next_follow_up_date FROM accounts a WHERE ${planned('a')}
       UNION ALL
       SELECT 'contact', c.id, c.name, a.name, c.next_follow_up_date
         FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id WHERE ${planned('c')}
       ORDER BY date, entityType, entityId`,
    )
    .all({ user: userId, until }) as Pick<AgendaItem, 'entityType' | 'entityId' | 'title' | 'subtitle' | 'date'>[]
  return rows.map((row) => ({ ...row, kind: 'followUp', taskId: null, priority: null }))
}

/** The title of the record a task is attached to. */
const recordTitle = `CASE t.entity_type
  WHEN 'lead' THEN (SELECT company FROM leads WHERE id = t.entity_id)
  WHEN 'opportunity' THEN (SELECT name FROM opportunities WHERE id = t.entity_id)
  WHEN 'account' THEN (SELECT name FROM accounts WHERE id = t.entity_id)
  WHEN 'contact' THEN (SELECT name FROM contacts WHERE id = t.entity_id) END`

/**
 * Open tasks due up to `until`. Reminders of a planned follow-up are left
 * out: My Day shows the follow-up itself.
 */
export function openTasksOf(db: Database, userId: number, until: string): AgendaItem[] {
  const rows = db
    .prepare(
      `SELECT t.id AS taskId, t.title, ${recordTitle} AS subtitle, t.due_date AS date, t.priority,
         t.entity_type AS entityType, t.entity_id AS entityId
       FROM tasks t
       WHERE t.assignee_id = ? AND t.status = 'open' AND t.deleted_at IS NULL AND t.due_date <= ?
         AND (t.rule_key IS NULL OR t.rule_key NOT LIKE 'followup:%')
       ORDER BY t.due_date, t.id`,
    )
    .all(userId, until) as Omit<AgendaItem, 'kind'>[]
  return rows.map((row) => ({ ...row, kind: 'task' }))
}

const rotting = gridSources.opportunity.columns.isRotting!.expr

/** The owner's open deals past their stage's rotting days, longest without activity first. */
export function staleDealsOf(db: Database, userId: number, limit: number): { items: Opportunity[]; total: number } {
  const items = selectGridRows<Opportunity>(
    db,
    'opportunity',
    (a) => `${a}.owner_id = ? AND ${rotting}`,
    [userId],
    (a) => `max(coalesce(${a}.last_activity_at, ''), ${a}.stage_entered_at)`,
    limit,
  )
  const total = db
    .prepare(`SELECT count(*) FROM opportunities o JOIN stages s ON s.id = o.stage_id WHERE o.deleted_at IS NULL AND o.owner_id = ? AND ${rotting}`)
    .pluck()
    .get(userId) as number
  return { items, total }
}

const dueUnseen = `FROM tasks t WHERE t.assignee_id = ? AND t.status = 'open' AND t.deleted_at IS NULL
  AND t.due_date <= ? AND t.seen_at IS NULL`

/** Due tasks the assignee has not seen in the bell list yet, newest due first. */
export function unseenDueTasks(db: Database, userId: number, today: string, limit: number): { unseen: number; items: Notification[] } {
  const items = db
    .prepare(
      `SELECT t.id AS taskId, t.title, t.due_date AS dueDate, t.entity_type AS entityType, t.entity_id AS entityId, t.priority
       ${dueUnseen} ORDER BY t.due_date DESC, t.id DESC LIMIT ?`,
    )
    .all(userId, today, limit) as Notification[]
  const unseen = db.prepare(`SELECT count(*) ${dueUnseen}`).pluck().get(userId, today) as number
  return { unseen, items }
}

/** Marks tasks seen; not a change to the task itself, so neither audited nor versioned. */
export function markTasksSeen(db: Database, userId: number, today: string, now: string, taskIds?: readonly number[]): number {
  if (taskIds === undefined) {
    return db.prepare(`UPDATE tasks SET seen_at = ? WHERE id IN (SELECT t.id ${dueUnseen})`).run(now, userId, today).changes
  }
  return db
    .prepare('UPDATE tasks SET seen_at = ? WHERE assignee_id = ? AND seen_at IS NULL AND id IN (SELECT value FROM json_each(?))')
    .run(now, userId, JSON.stringify(taskIds)).changes
}
