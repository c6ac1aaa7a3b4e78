import type { Database } from 'better-sqlite3'

/**
 * Indexes that let the dashboard read less:
 * - the conversion chart counts, stage by stage, the deals that first reached
 *   it in the period: with the stage first, each stage reads only its own
 *   arrivals instead of every arrival in the period once per stage;
 * - collections weigh, contract by contract, what fell due before today
 *   against what was received: covering indexes in contract order spare
 *   gathering and sorting every instalment and payment.
 */
const schema = `
CREATE INDEX stage_reach_stage ON stage_reach(stage_id, reached_at);
CREATE INDEX payment_plans_an_contract ON payment_plans(contract_id, due_date, amount);
CREATE INDEX payments_an_contract ON payments(contract_id, amount);
`

export function addDashboardIndexes(db: Database): void {
  db.exec(schema)
}
