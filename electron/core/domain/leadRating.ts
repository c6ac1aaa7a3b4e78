import type { Bant, BantKey, LeadRating, ScoreRule } from '../../../shared/methods/loop'
import type { LeadGrade } from '../../../shared/enums'

/** The facts a lead's score and grade are computed from. */
export interface LeadFacts {
  source: string | null
  industry: string | null
  region: string | null
  productInterest: string | null
  contactName: string | null
  phone: string | null
  email: string | null
  notes: string | null
  bant: Bant
  lastActivityAt: string | null
}

const DAY_MS = 86_400_000
const bantKeys: readonly BantKey[] = ['budget', 'authority', 'need', 'timeline']

function isFilled(value: string | null): boolean {
  return value !== null && value.trim() !== ''
}

function sameValue(a: string | null, b: string): boolean {
  return a !== null && a.trim().toLowerCase() === b.trim().toLowerCase()
}

function pointsOf(rule: ScoreRule, facts: LeadFacts, now: Date): number {
  switch (rule.kind) {
    case 'fieldEquals':
      return sameValue(facts[rule.field], rule.value) ? rule.points : 0
    case 'filled':
      return isFilled(facts[rule.field]) ? rule.points : 0
    case 'bant':
      return facts.bant[rule.key] === true ? rule.points : 0
    case 'recentActivity': {
      if (!facts.lastActivityAt) return 0
      const age = now.getTime() - Date.parse(facts.lastActivityAt)
      return age <= rule.withinDays * DAY_MS ? rule.points : 0
    }
  }
}

/** The weighted sum of the rules that hold, kept within 0–100. */
export function scoreLead(rating: LeadRating, facts: LeadFacts, now: Date): number {
  const total = rating.scoring.reduce((sum, rule) => sum + pointsOf(rule, facts, now), 0)
  return Math.max(0, Math.min(100, total))
}

export function bantCount(bant: Bant): number {
  return bantKeys.filter((key) => bant[key] === true).length
}

/** The first grade rule the lead satisfies, else the fallback grade. */
export function gradeLead(rating: LeadRating, bant: Bant, score: number): LeadGrade {
  const known = bantCount(bant)
  const rule = rating.grades.find(
    (r) => known >= r.minBant && r.requiredBant.every((key) => bant[key] === true) && score >= r.minScore,
  )
  return rule?.grade ?? rating.fallbackGrade
}

/** Tolerates a missing or damaged BANT column: unknown answers count as not known. */
export function parseBant(text: unknown): Bant {
  if (typeof text !== 'string') return {}
  try {
    const value = JSON.parse(text) as Record<string, unknown>
    return Object.fromEntries(bantKeys.filter((k) => typeof value?.[k] === 'boolean').map((k) => [k, value[k]])) as Bant
  } catch {
    return {}
  }
}
