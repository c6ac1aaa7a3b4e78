import type { ScoreRule } from '../../../../../shared/methods/loop'

/** A scoring rule row as the form holds it: every kind's fields, some left over from another kind. */
export interface ScoreRuleDraft {
  kind: ScoreRule['kind']
  field?: string
  value?: string
  key?: string
  withinDays?: number
  points: number
}

/** Only the fields of the row's kind, as the contract's strict rule schema wants them. */
export function toScoreRule(draft: ScoreRuleDraft): ScoreRule {
  switch (draft.kind) {
    case 'fieldEquals':
      return { kind: 'fieldEquals', field: draft.field, value: draft.value?.trim() ?? '', points: draft.points } as ScoreRule
    case 'filled':
      return { kind: 'filled', field: draft.field, points: draft.points } as ScoreRule
    case 'bant':
      return { kind: 'bant', key: draft.key, points: draft.points } as ScoreRule
    case 'recentActivity':
      return { kind: 'recentActivity', withinDays: draft.withinDays ?? 14, points: draft.points }
  }
}

export const fieldEqualsFields = ['source', 'industry', 'region', 'productInterest'] as const
export const filledFields = ['contactName', 'phone', 'email', 'source', 'region', 'industry', 'productInterest', 'notes'] as const
