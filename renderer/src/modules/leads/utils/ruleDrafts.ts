import type { AssignmentMatchField, AssignmentRule, AssignmentRuleInput } from '../../../../../shared/methods/loop'

/** A rule being edited; `key` tells rows apart before a new rule has an id. */
export type RuleDraft = AssignmentRuleInput & { key: string }

export const matchPicklist: Record<AssignmentMatchField, string> = {
  region: 'region',
  industry: 'industry',
  source: 'source',
  productLine: 'product_line',
}

export function toDraft(rule: AssignmentRule): RuleDraft {
  return {
    key: `rule-${rule.id}`,
    id: rule.id,
    name: rule.name,
    matchField: rule.matchField,
    matchValues: rule.matchValues,
    assignTo: rule.assignTo,
    active: rule.active,
  }
}

export function newDraft(n: number, userId: number): RuleDraft {
  return { key: `new-${n}`, name: '', matchField: 'region', matchValues: [], assignTo: { type: 'user', userId }, active: true }
}

/** The drafts as `assignmentRules.save` takes them, in their order on screen. */
export function toRuleInputs(drafts: readonly RuleDraft[]): AssignmentRuleInput[] {
  return drafts.map(({ key: _key, ...rule }) => ({ ...rule, name: rule.name.trim(), matchValues: rule.matchField === null ? [] : rule.matchValues }))
}

/** Switching between one user and a round robin keeps the people already chosen. */
export function withAssignType(rule: RuleDraft, type: 'user' | 'roundRobin'): RuleDraft {
  const members = rule.assignTo.type === 'user' ? [rule.assignTo.userId] : rule.assignTo.userIds
  return {
    ...rule,
    assignTo: type === 'user' ? { type: 'user', userId: members[0]! } : { type: 'roundRobin', userIds: members },
  }
}
