import type { Database } from 'better-sqlite3'
import type { RecordType } from '../../../../shared/methods/loop'
import { OPEN_LEAD_STATUSES } from './leads'

/**
 * What the automatic rules look for; each query returns only rows whose rule
 * has not fired yet. Keys name their columns with an alias: inside the
 * subquery a bare `id` would be the task's.
 */

const notFired = (key: string) => `NOT EXISTS (SELECT 1 FROM tasks f WHERE f.rule_key = ${key})`

export interface LeadToReturn {
  id: number
  version: number
}

/** Held leads with no follow-up (nor claim) since `cutoff`. */
export function neglectedLeads(db: Database, cutoff: string): LeadToReturn[] {
  return db
    .prepare(
      `SELECT id, version FROM leads
       WHERE owner_id IS NOT NULL AND deleted_at IS NULL AND status IN ${OPEN_LEAD_STATUSES}
         AND max(coalesce(last_activity_at, ''), coalesce(claimed_at, ''), created_at) < ?`,
    )
    .all(cutoff) as LeadToReturn[]
}

export interface RottingDeal {
  id: number
  name: string
  ownerId: number | null
  since: string
}

/** Open deals with no activity for longer than their stage's rotting days, as of `now`. */
export function rottingDeals(db: Database, now: string): RottingDeal[] {
  const since = `max(coalesce(o.last_activity_at, ''), o.stage_entered_at)`
  return db
    .prepare(
      `SELECT o.id, o.name, o.owner_id AS ownerId, ${since} AS since
       FROM opportunities o JOIN stages s ON s.id = o.stage_id
       WHERE o.deleted_at IS NULL AND s.kind = 'open' AND s.rotting_days IS NOT NULL
         AND julianday(?) - julianday(${since}) > s.rotting_days
         AND ${notFired(`'rotting:' || o.id || ':' || ${since}`)}`,
    )
    .all(now) as RottingDeal[]
}

export interface DueFollowUp {
  entityType: RecordType
  id: number
  title: string
  ownerId: number
  date: string
}

/** Records still being worked whose next follow-up date falls in [from, to]. */
export function dueFollowUps(db: Database, from: string, to: string): DueFollowUp[] {
  const due = (alias: string, type: RecordType) =>
    `${alias}.owner_id IS NOT NULL AND ${alias}.deleted_at IS NULL AND ${alias}.next_follow_up_date BETWEEN @from AND @to
     AND ${notFired(`'followup:${type}:' || ${alias}.id || ':' || ${alias}.next_follow_up_date`)}`
  return db
    .prepare(
      `SELECT 'lead' AS entityType, l.id, l.company AS title, l.owner_id AS ownerId, l.next_follow_up_date AS date
         FROM leads l WHERE ${due('l', 'lead')} AND l.status IN ${OPEN_LEAD_STATUSES}
       UNION ALL
       SELECT 'opportunity', o.id, o.name, o.owner_id, o.next_follow_up_date
         FROM opportunities o JOIN stages s ON s.id = o.stage_id WHERE ${due('o', 'opportunity')} AND s.kind = 'open'
       UNION ALL
       SELECT 'account', a.id, a.name, a.owner_id, a.next_follow_up_date FROM accounts a WHERE ${due('a', 'account')}
       UNION ALL
       SELECT 'contact', c.id, c.name, c.owner_id, c.next_follow_up_date FROM contacts c WHERE ${due('c', 'contact')}`,
    )
    .all({ from, to }) as DueFollowUp[]
}

export interface UncontactedLead {
  id: number
  company: string
  ownerId: number
  claimedAt: string
}

/** Leads claimed before `cutoff` with no follow-up since the claim. */
export function uncontactedLeads(db: Database, cutoff: string): UncontactedLead[] {
  return db
    .prepare(
      `SELECT l.id, l.company, l.owner_id AS ownerId, l.claimed_at AS claimedAt FROM leads l
       WHERE l.owner_id IS NOT NULL AND l.deleted_at IS NULL AND l.status IN ${OPEN_LEAD_STATUSES}
         AND l.claimed_at IS NOT NULL AND l.claimed_at <= ? AND coalesce(l.last_activity_at, '') < l.claimed_at
         AND ${notFired(`'uncontacted:' || l.id || ':' || l.claimed_at`)}`,
    )
    .all(cutoff) as UncontactedLead[]
}

export interface EndingContract {
  contractId: number
  number: string
  endDate: string
  amount: number
  currency: string
  opportunityId: number
  opportunityName: string
  productLine: string | null
  source: string | null
  accountId: number | null
  accountName: string | null
  contactId: number | null
  ownerId: number | null
  /** A renewal deal already following this contract's deal (made here or by hand). */
  renewalId: number | null
}

/** Live contracts of live deals ending in [from, to] whose renewal rule has not fired. */
export function endingContracts(db: Database, from: string, to: string, renewalPipelineId: number | null): EndingContract[] {
  return db
    .prepare(
      `SELECT c.id AS contractId, c.number, c.end_date AS endDate, c.amount, c.currency, o.id AS opportunityId,
         o.name AS opportunityName, o.product_line AS productLine, o.source, coalesce(c.account_id, o.account_id) AS accountId,
         a.name AS accountName, o.contact_id AS contactId, o.owner_id AS ownerId,
         (SELECT r.id FROM opportunities r WHERE r.previous_opportunity_id = o.id AND r.pipeline_id IS ?
           ORDER BY r.id LIMIT 1) AS renewalId
       FROM contracts c JOIN opportunities o ON o.id = c.opportunity_id
         LEFT JOIN accounts a ON a.id = coalesce(c.account_id, o.account_id)
       WHERE c.deleted_at IS NULL AND o.deleted_at IS NULL AND c.end_date BETWEEN ? AND ?
         AND ${notFired(`'renewal:' || c.id`)}
       ORDER BY c.end_date, c.id`,
    )
    .all(renewalPipelineId, from, to) as EndingContract[]
}

export interface BirthdayContact {
  id: number
  name: string
  ownerId: number | null
  /** 'MM-DD' */
  monthDay: string
}

/** Live contacts whose birthday (month and day) is one of `monthDays`. */
export function birthdaysOn(db: Database, monthDays: readonly string[]): BirthdayContact[] {
  return db
    .prepare(
      `SELECT c.id, c.name, coalesce(c.owner_id, a.owner_id) AS ownerId, substr(c.birthday, 6, 5) AS monthDay
       FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id
       WHERE c.deleted_at IS NULL AND c.birthday IS NOT NULL
         AND substr(c.birthday, 6, 5) IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(monthDays)) as BirthdayContact[]
}

/** Reminder kinds that a follow-up on their record answers. */
const answeredByFollowUp = ['followup', 'uncontacted', 'rotting']

const lastActivityOf = `CASE t.entity_type
  WHEN 'lead' THEN (SELECT last_activity_at FROM leads WHERE id = t.entity_id)
  WHEN 'opportunity' THEN (SELECT last_activity_at FROM opportunities WHERE id = t.entity_id)
  WHEN 'account' THEN (SELECT last_activity_at FROM accounts WHERE id = t.entity_id)
  WHEN 'contact' THEN (SELECT last_activity_at FROM contacts WHERE id = t.entity_id) END`

/** Open reminders whose record has had a follow-up since the reminder was made. */
export function answeredReminders(db: Database): { id: number; version: number }[] {
  const kinds = answeredByFollowUp.map((kind) => `(t.rule_key >= '${kind}:' AND t.rule_key < '${kind};')`).join(' OR ')
  return db
    .prepare(
      `SELECT t.id, t.version FROM tasks t
       WHERE (${kinds}) AND t.status = 'open' AND t.deleted_at IS NULL
         AND coalesce(${lastActivityOf}, '') > t.created_at`,
    )
    .all() as { id: number; version: number }[]
}

/** Open leads whose last activity left a "recent activity" window in (from, to]. */
export function leadsLeavingWindow(db: Database, from: string, to: string): number[] {
  return db
    .prepare(
      `SELECT id FROM leads WHERE deleted_at IS NULL AND status IN ${OPEN_LEAD_STATUSES}
         AND last_activity_at > ? AND last_activity_at <= ?`,
    )
    .pluck()
    .all(from, to) as number[]
}

/** Whether a rule already fired for this key (the task may since be done or trashed). */
export function ruleFired(db: Database, key: string): boolean {
  return db.prepare('SELECT 1 FROM tasks WHERE rule_key = ?').get(key) !== undefined
}
