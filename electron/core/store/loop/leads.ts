import type { Database } from 'better-sqlite3'

/** Leads still being worked: the ones a rep "holds" and the pool rules watch. */
export const OPEN_LEAD_STATUSES = `('new', 'contacted', 'qualified')`

/** Open leads a rep holds now, counted against the claim limit. */
export function countHeldLeads(db: Database, userId: number): number {
  return db
    .prepare(`SELECT count(*) FROM leads WHERE owner_id = ? AND deleted_at IS NULL AND status IN ${OPEN_LEAD_STATUSES}`)
    .pluck()
    .get(userId) as number
}

/** A live account whose normalised name is this one, oldest first. */
export function findAccountByNameNorm(db: Database, nameNorm: string): number | null {
  if (nameNorm === '') return null
  return (db.prepare('SELECT id FROM accounts WHERE name_norm = ? AND deleted_at IS NULL ORDER BY id LIMIT 1').pluck().get(nameNorm) ??
    null) as number | null
}

/** A live contact with this phone or email, preferring one of the given account. */
export function findContactByPhoneOrEmail(
  db: Database,
  phoneNorm: string | null,
  emailNorm: string | null,
  accountId: number,
): number | null {
  if (phoneNorm === null && emailNorm === null) return null
  return (db
    .prepare(
      `SELECT id FROM contacts WHERE deleted_at IS NULL AND (phone_norm = ? OR email_norm = ?)
       ORDER BY account_id IS NOT ?, id LIMIT 1`,
    )
    .pluck()
    .get(phoneNorm, emailNorm, accountId) ?? null) as number | null
}

export function readBantText(db: Database, leadId: number): string {
  return (db.prepare('SELECT bant FROM leads WHERE id = ?').pluck().get(leadId) as string | undefined) ?? '{}'
}

export function isActivePicklistValue(db: Database, listKey: string, value: string): boolean {
  return db.prepare('SELECT 1 FROM picklists WHERE list_key = ? AND value = ? AND active = 1').get(listKey, value) !== undefined
}
