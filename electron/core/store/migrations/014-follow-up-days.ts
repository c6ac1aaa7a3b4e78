import type { Database } from 'better-sqlite3'

/**
 * Follow-ups per rep per day, kept by triggers: the leaderboard sums a few
 * days per rep instead of counting every follow-up of the period (about
 * 95,000 a quarter on the 100k demo). A day is the first ten characters of
 * `occurred_at`; for a period bounded by calendar dates, comparing those
 * gives exactly what comparing the whole timestamp gives. Follow-ups
 * nobody owns are not kept: the leaderboard counts only reps.
 *
 * The two partial indexes the count used to walk (migrations 005 and 010)
 * serve no other query (the grid's activity filters do not qualify for
 * them), so they go rather than slow every follow-up written.
 */

/** Whether a follow-up counts (`row`: 'NEW.', 'OLD.' or '' for the table's own rows). */
const counted = (row: string) => `${row}owner_id IS NOT NULL AND ${row}deleted_at IS NULL AND ${row}version > 0`

const schema = `
CREATE TABLE follow_up_days (
  owner_id INTEGER NOT NULL,
  day TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (owner_id, day)
) WITHOUT ROWID;

INSERT INTO follow_up_days (owner_id, day, count)
SELECT owner_id, substr(occurred_at, 1, 10), count(*) FROM activities WHERE ${counted('')}
GROUP BY 1, 2;

DROP INDEX activities_an_occurred;
DROP INDEX activities_an_owner;

CREATE TRIGGER activities_follow_up_days_on_insert AFTER INSERT ON activities WHEN ${counted('NEW.')} BEGIN
  INSERT INTO follow_up_days (owner_id, day, count) VALUES (NEW.owner_id, substr(NEW.occurred_at, 1, 10), 1)
  ON CONFLICT (owner_id, day) DO UPDATE SET count = count + 1;
END;

CREATE TRIGGER activities_follow_up_days_on_delete AFTER DELETE ON activities WHEN ${counted('OLD.')} BEGIN
  UPDATE follow_up_days SET count = count - 1 WHERE owner_id = OLD.owner_id AND day = substr(OLD.occurred_at, 1, 10);
END;

CREATE TRIGGER activities_follow_up_days_on_update AFTER UPDATE OF owner_id, occurred_at, deleted_at, version ON activities BEGIN
  UPDATE follow_up_days SET count = count - 1
  WHERE ${counted('OLD.')} AND owner_id = OLD.owner_id AND day = substr(OLD.occurred_at, 1, 10);
  INSERT INTO follow_up_days (owner_id, day, count) SELECT NEW.owner_id, substr(NEW.occurred_at, 1, 10), 1 WHERE ${counted('NEW.')}
  ON CONFLICT (owner_id, day) DO UPDATE SET count = count + 1;
END;
`

export function addFollowUpDays(db: Database): void {
  db.exec(schema)
}
