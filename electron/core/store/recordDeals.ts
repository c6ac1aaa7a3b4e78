import type { Database } from 'better-sqlite3'
import type { Opportunity } from '../../../shared/entities'
import { selectGridRows } from './rows'

/** The most deals a record drawer lists; an account with more is read in the deals grid. */
const MAX_DEALS = 500

/** An account's deals, newest first. */
export function dealsOfAccount(db: Database, accountId: number): Opportunity[] {
  return selectGridRows<Opportunity>(db, 'opportunity', (o) => `${o}.account_id = ?`, [accountId], (o) => `${o}.created_at DESC, ${o}.id DESC`, MAX_DEALS)
}

/** The deals a person is the contact of, newest first. */
export function dealsOfContact(db: Database, contactId: number): Opportunity[] {
  return selectGridRows<Opportunity>(db, 'opportunity', (o) => `${o}.contact_id = ?`, [contactId], (o) => `${o}.created_at DESC, ${o}.id DESC`, MAX_DEALS)
}
