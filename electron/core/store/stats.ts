import type { Database } from 'better-sqlite3'
import type { WorkspaceStats } from '../../../shared/api'

export function workspaceStats(db: Database): WorkspaceStats {
  const count = (table: string, live = true) =>
    (db.prepare(`SELECT count(*) AS n FROM ${table}${live ? ' WHERE deleted_at IS NULL' : ''}`).get() as { n: number }).n
  return {
    counts: {
      users: count('users', false),
      accounts: count('accounts'),
      contacts: count('contacts'),
      leads: count('leads'),
      opportunities: count('opportunities'),
      activities: count('activities'),
      tasks: count('tasks'),
      stageHistory: count('stage_history', false),
    },
    byStage: db
      .prepare(
        `SELECT s.id AS stageId, s.key, s.name_zh AS nameZh, s.name_en AS nameEn, count(o.id) AS count
         FROM stages s LEFT JOIN opportunities o ON o.stage_id = s.id AND o.deleted_at IS NULL
         GROUP BY s.id ORDER BY s.pipeline_id, s.sort_order`,
      )
      .all() as WorkspaceStats['byStage'],
  }
}
