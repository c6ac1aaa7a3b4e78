import type { Database } from 'better-sqlite3'

/**
 * contract_dues (migration 010) also keeps, per contract that owes something,
 * the total of its instalments, its last due date and the total received.
 * Collections then weigh a contract whose every instalment fell due before
 * today from its own row, without reading its instalments and payments: at
 * 100,000 deals that is four overdue contracts in five.
 */

/** Migration 010's first unpaid due date of one contract (`id`: an SQL expression), as it stands there. */
const firstUnpaidDue = (id: string) => `(
  SELECT min(d.due_date) FROM (SELECT DISTINCT due_date FROM payment_plans WHERE contract_id = ${id}) d
  WHERE (SELECT total(pp.amount) FROM payment_plans pp WHERE pp.contract_id = ${id} AND pp.due_date <= d.due_date)
    - (SELECT total(pm.amount) FROM payments pm WHERE pm.contract_id = ${id}) > 0.005)`

/** The new columns of one contract, in the order of the ALTERs below. */
const totals = (id: string) => `(SELECT total(amount) FROM payment_plans WHERE contract_id = ${id}),
    (SELECT max(due_date) FROM payment_plans WHERE contract_id = ${id}),
    (SELECT total(amount) FROM payments WHERE contract_id = ${id})`

/** Rebuilds one contract's row; none when it owes nothing. */
const refreshDue = (id: string) => `
  DELETE FROM contract_dues WHERE contract_id = ${id};
  INSERT INTO contract_dues (contract_id, first_unpaid_due, due_total, last_due, received)
  SELECT ${id}, first, ${totals(id)} FROM (SELECT ${firstUnpaidDue(id)} AS first) WHERE first IS NOT NULL;`

/** Migration 010's triggers, rebuilt to keep the new columns too. */
const triggers = (table: string) => `
DROP TRIGGER ${table}_dues_on_insert;
DROP TRIGGER ${table}_dues_on_delete;
DROP TRIGGER ${table}_dues_on_update;
CREATE TRIGGER ${table}_dues_on_insert AFTER INSERT ON ${table} BEGIN ${refreshDue('NEW.contract_id')} END;
CREATE TRIGGER ${table}_dues_on_delete AFTER DELETE ON ${table} BEGIN ${refreshDue('OLD.contract_id')} END;
CREATE TRIGGER ${table}_dues_on_update AFTER UPDATE OF contract_id, amount${table === 'payment_plans' ? ', due_date' : ''} ON ${table} BEGIN
  ${refreshDue('OLD.contract_id')}
  ${refreshDue('NEW.contract_id')}
END;`

// The existing rows (contracts that owe something) gain their totals in one pass each, read from the by-contract indexes.
const schema = `
ALTER TABLE contract_dues ADD COLUMN due_total REAL NOT NULL DEFAULT 0;
ALTER TABLE contract_dues ADD COLUMN last_due TEXT NOT NULL DEFAULT '';
ALTER TABLE contract_dues ADD COLUMN received REAL NOT NULL DEFAULT 0;
UPDATE contract_dues SET (due_total, last_due, received) = (SELECT ${totals('contract_dues.contract_id')});
${triggers('payment_plans')}
${triggers('payments')}
`

export function addContractDuesTotals(db: Database): void {
  db.exec(schema)
}
