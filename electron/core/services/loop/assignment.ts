import type { AssignmentMatchField, AssignmentRule } from '../../../../shared/methods/loop'
import type { Core } from '../../core'
import { activeUsersAmong, advanceRoundRobin, listAssignmentRules } from '../../store/loop/config'
import type { WriteContext } from '../../store/writeContext'

/** The lead fields assignment rules look at. */
export interface LeadAssignmentFacts {
  ownerId?: number | null
  region?: string | null
  industry?: string | null
  source?: string | null
  productInterest?: string | null
}

const factOf: Record<AssignmentMatchField, keyof LeadAssignmentFacts> = {
  region: 'region',
  industry: 'industry',
  source: 'source',
  productLine: 'productInterest',
}

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase()

function matches(rule: AssignmentRule, fields: LeadAssignmentFacts): boolean {
  if (rule.matchField === null) return true
  const value = fields[factOf[rule.matchField]]
  return typeof value === 'string' && rule.matchValues.some((candidate) => same(candidate, value))
}

/** The rule's user, or the next active member after the last one served; null when none is active. */
function pickUser(core: Core, ctx: WriteContext, rule: AssignmentRule): number | null {
  if (rule.assignTo.type === 'user') return activeUsersAmong(core.db, [rule.assignTo.userId])[0] ?? null
  const members = activeUsersAmong(core.db, rule.assignTo.userIds)
  if (members.length === 0) return null
  const last = rule.lastAssignedUserId === null ? -1 : rule.assignTo.userIds.indexOf(rule.lastAssignedUserId)
  // The next member after the last one served in the configured order, skipping inactive ones.
  const next = rule.assignTo.userIds.slice(last + 1).find((id) => members.includes(id)) ?? members[0]!
  advanceRoundRobin(core.db, rule.id, next, ctx.now)
  return next
}

/**
 * Who a new lead goes to: its own owner if it has one, else the first active
 * rule that matches and has someone to give it to, else nobody (the pool).
 * Call it inside the transaction that inserts the lead: a round robin moves on.
 * Import uses it per row, exactly like lead entry.
 */
export function assignLead(core: Core, ctx: WriteContext, fields: LeadAssignmentFacts): number | null {
  if (fields.ownerId != null) return fields.ownerId
  for (const rule of listAssignmentRules(core.db, true)) {
    if (!matches(rule, fields)) continue
    const userId = pickUser(core, ctx, rule)
    if (userId !== null) return userId
  }
  return null
}
