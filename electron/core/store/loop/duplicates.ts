import type { Database } from 'better-sqlite3'
import type { DuplicateEntity, DuplicateMatch } from '../../../../shared/methods/loop'

/** Normalised values to look for (see domain/normalize.ts); null means "not typed". */
export interface DuplicateProbe {
  companyNorm: string | null
  phoneNorm: string | null
  emailNorm: string | null
  /** A company that only starts alike is shown too, from this many characters on. */
  similarFrom: number
  exclude?: { entityType: DuplicateEntity; id: number }
  limit: number
}

interface Candidate {
  id: number
  title: string
  subtitle: string | null
  company: string | null
  phone: string | null
  email: string | null
}

/** Upper bound of a prefix range on a BINARY index: the highest code point. */
const AFTER_PREFIX = '\u{10FFFF}'

const sources: Record<DuplicateEntity, string> = {
  lead: `SELECT id, company AS title, contact_name AS subtitle, company_norm AS company, phone_norm AS phone, email_norm AS email
    FROM leads WHERE deleted_at IS NULL AND (company_norm = @company OR phone_norm = @phone OR email_norm = @email
      OR (company_norm >= @prefix AND company_norm < @prefixEnd))`,
  contact: `SELECT c.id, c.name AS title, a.name AS subtitle, NULL AS company, c.phone_norm AS phone, c.email_norm AS email
    FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id
    WHERE c.deleted_at IS NULL AND (c.phone_norm = @phone OR c.email_norm = @email)`,
  account: `SELECT id, name AS title, region AS subtitle, name_norm AS company, NULL AS phone, NULL AS email
    FROM accounts WHERE deleted_at IS NULL AND (name_norm = @company OR (name_norm >= @prefix AND name_norm < @prefixEnd))`,
}

function matchOf(entityType: DuplicateEntity, row: Candidate, probe: DuplicateProbe, similar: boolean): DuplicateMatch {
  const matchedOn: DuplicateMatch['matchedOn'] = []
  const exactCompany = probe.companyNorm !== null && row.company === probe.companyNorm
  const similarCompany = similar && row.company !== null && row.company.startsWith(probe.companyNorm!)
  if (exactCompany || similarCompany) matchedOn.push('company')
  if (probe.phoneNorm !== null && row.phone === probe.phoneNorm) matchedOn.push('phone')
  if (probe.emailNorm !== null && row.email === probe.emailNorm) matchedOn.push('email')
  const exact = exactCompany || matchedOn.includes('phone') || matchedOn.includes('email')
  return { entityType, id: row.id, title: row.title, subtitle: row.subtitle, matchedOn, exact }
}

/** Leads, contacts and accounts that share a normalised phone, email or company; exact matches first. */
export function findDuplicateRows(db: Database, probe: DuplicateProbe): DuplicateMatch[] {
  const similar = probe.companyNorm !== null && [...probe.companyNorm].length >= probe.similarFrom
  const params = {
    company: probe.companyNorm,
    phone: probe.phoneNorm,
    email: probe.emailNorm,
    prefix: similar ? probe.companyNorm : null,
    prefixEnd: similar ? `${probe.companyNorm}${AFTER_PREFIX}` : null,
    limit: probe.limit + 1,
  }
  const matches = (Object.keys(sources) as DuplicateEntity[]).flatMap((entityType) =>
    (db.prepare(`${sources[entityType]} LIMIT @limit`).all(params) as Candidate[])
      .filter((row) => !(probe.exclude?.entityType === entityType && probe.exclude.id === row.id))
      .map((row) => matchOf(entityType, row, probe, similar)),
  )
  return matches.sort((a, b) => Number(b.exact) - Number(a.exact)).slice(0, probe.limit)
}
