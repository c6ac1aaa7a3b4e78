import type { Lead } from '../../../../../shared/entities'
import type { LeadGrade } from '../../../../../shared/enums'
import type { Bant, BantKey, GradeRule, LeadRating, ScoreRule } from '../../../../../shared/methods/loop'

const DAY_MS = 86_400_000
export const bantKeys: readonly BantKey[] = ['budget', 'authority', 'need', 'timeline']

type Facts = Pick<Lead, 'source' | 'industry' | 'region' | 'productInterest' | 'contactName' | 'phone' | 'email' | 'notes' | 'lastActivityAt'>

export interface ScoreReason {
  rule: ScoreRule
  points: number
}

export interface RatingExplanation {
  /** The scoring rules that held for this lead, with their points. */
  reasons: ScoreReason[]
  /** Their sum kept within 0–100, as the core stores it. */
  score: number
  /** The grade rule that gave the grade; null when the fallback grade applies. */
  gradeRule: GradeRule | null
  grade: LeadGrade
  bantKnown: number
}

const filled = (value: string | null) => value !== null && value.trim() !== ''
const same = (a: string | null, b: string) => a !== null && a.trim().toLowerCase() === b.trim().toLowerCase()

function holds(rule: ScoreRule, lead: Facts, bant: Bant, now: Date): boolean {
  switch (rule.kind) {
    case 'fieldEquals':
      return same(lead[rule.field], rule.value)
    case 'filled':
      return filled(lead[rule.field])
    case 'bant':
      return bant[rule.key] === true
    case 'recentActivity':
      return lead.lastActivityAt !== null && now.getTime() - Date.parse(lead.lastActivityAt) <= rule.withinDays * DAY_MS
  }
}

/**
 * Why a lead has its score and grade, from the workspace's rating rules:
 * the same rules the core applies, read back for the person.
 */
export function explainRating(rating: LeadRating, lead: Facts, bant: Bant, now: Date): RatingExplanation {
  const reasons = rating.scoring.filter((rule) => rule.points !== 0 && holds(rule, lead, bant, now)).map((rule) => ({ rule, points: rule.points }))
  const score = Math.max(0, Math.min(100, reasons.reduce((sum, r) => sum + r.points, 0)))
  const bantKnown = bantKeys.filter((key) => bant[key] === true).length
  const gradeRule =
    rating.grades.find((r) => bantKnown >= r.minBant && r.requiredBant.every((key) => bant[key] === true) && score >= r.minScore) ?? null
  return { reasons, score, gradeRule, grade: gradeRule?.grade ?? rating.fallbackGrade, bantKnown }
}
