import type { Database } from 'better-sqlite3'
import type { AssignmentMatchField, LeadRating } from '../../../../shared/methods/loop'
import { listAssignmentRules, readLoopConfig, setAssignmentMatchValues, writeLoopConfig } from '../../store/loop/config'

/** The field of an assignment rule, and of a scoring rule, that reads each built-in list. */
const ruleFieldsOf: Record<string, { assignment: AssignmentMatchField; scoring: string }> = {
  source: { assignment: 'source', scoring: 'source' },
  industry: { assignment: 'industry', scoring: 'industry' },
  region: { assignment: 'region', scoring: 'region' },
  product_line: { assignment: 'productLine', scoring: 'productInterest' },
}

const renamed = (values: readonly string[], from: string, into: string) => [...new Set(values.map((v) => (v === from ? into : v)))]

/**
 * After a picklist merge, the assignment and scoring rules that named the
 * merged value name the surviving one, so the leads the merge moved keep
 * being routed and scored as before. Returns how many rules changed.
 */
export function renameValueInRules(db: Database, listKey: string, from: string, into: string, now: string): number {
  const fields = ruleFieldsOf[listKey]
  if (!fields) return 0
  let changed = 0
  for (const rule of listAssignmentRules(db)) {
    if (rule.matchField !== fields.assignment || !rule.matchValues.includes(from)) continue
    setAssignmentMatchValues(db, rule.id, renamed(rule.matchValues, from, into), now)
    changed += 1
  }
  const rating = readLoopConfig(db).leadRating
  const named = (rule: LeadRating['scoring'][number]) => rule.kind === 'fieldEquals' && rule.field === fields.scoring && rule.value === from
  const scoring = rating.scoring.map((rule) => (named(rule) ? { ...rule, value: into } : rule))
  const rescored = rating.scoring.filter(named).length
  if (rescored > 0) writeLoopConfig(db, { leadRating: { ...rating, scoring } })
  return changed + rescored
}
