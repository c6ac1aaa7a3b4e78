import type { Database } from 'better-sqlite3'

/**
 * Open live tasks by assignee, then due date: the leaderboard counts each
 * rep's overdue tasks as one range of this index, where grouping every
 * overdue task by assignee (about 20,000 on the 100k demo) sorted them all.
 * It replaces the index by due date (migration 005), which only that count read.
 */
const schema = `
DROP INDEX tasks_an_open_due;
CREATE INDEX tasks_an_assignee_due ON tasks(assignee_id, due_date)
  WHERE deleted_at IS NULL AND status = 'open' AND version > 0;
`

export function addOverdueTasksByAssigneeIndex(db: Database): void {
  db.exec(schema)
}
