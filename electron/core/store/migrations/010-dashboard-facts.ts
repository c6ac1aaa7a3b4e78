import type { Database } from 'better-sqlite3'

/**
 * What lets the dashboard read little at 100,000 deals:
 * - follow-ups by rep and date, so that the leaderboard counts each rep's
 *   follow-ups of the period without sorting every follow-up in it;
 * - for each contract, the first due date from which what fell due exceeds
 *   what was received (contract_dues, kept by triggers): collections weigh
 *   only contracts overdue by then instead of every contract ever signed.
 */

/** One contract's first due date from which more fell due than was received (`id`: an SQL expression); NULL when it owes nothing. */
const firstUnpaidDue = (id: string) => `(
  SELECT min(d.due_date) FROM (SELECT DISTINCT due_date FROM payment_plans WHERE contract_id = ${id}) d
  WHERE (SELECT total(pp.amount) FROM payment_plans pp WHERE pp.contract_id = ${id} AND pp.due_date <= d.due_date)
    - (SELECT total(pm.amount) FROM payments pm WHERE pm.contract_id = ${id}) > 0.005)`

/** Rebuilds one contract's row. */
const refreshDue = (id: string) => `
  DELETE FROM contract_dues WHERE contract_id = ${id};
  INSERT INTO contract_dues (contract_id, first_unpaid_due) SELECT ${id}, ${firstUnpaidDue(id)} AS first WHERE first IS NOT NULL;`

const triggers = (table: string) => `
CREATE TRIGGER ${table}_dues_on_insert AFTER INSERT ON ${table} BEGIN ${refreshDue('NEW.contract_id')} END;
CREATE TRIGGER ${table}_dues_on_delete AFTER DELETE ON ${table} BEGIN ${refreshDue('OLD.contract_id')} END;
CREATE TRIGGER ${table}_dues_on_update AFTER UPDATE OF contract_id, amount${table === 'payment_plans' ? ', due_date' : ''} ON ${table} BEGIN
  ${refreshDue('OLD.contract_id')}
  ${refreshDue('NEW.contract_id')}
END;`

const schema = `
CREATE INDEX activities_an_owner ON activities(owner_id, occurred_at) WHERE deleted_at IS NULL AND version > 0;

-- A contract is overdue on a day exactly when its first unpaid due date is
-- before that day: contracts with no row here owe nothing on any day.
CREATE TABLE contract_dues (
  contract_id INTEGER PRIMARY KEY,
  first_unpaid_due TEXT NOT NULL
);
CREATE INDEX contract_dues_first ON contract_dues(first_unpaid_due);
${triggers('payment_plans')}
${triggers('payments')}

INSERT INTO contract_dues (contract_id, first_unpaid_due)
SELECT k.id, ${firstUnpaidDue('k.id')} AS first FROM (SELECT DISTINCT contract_id AS id FROM payment_plans) k
WHERE first IS NOT NULL;
`

export function addDashboardFacts(db: Database): void {
  db.exec(schema)
}
