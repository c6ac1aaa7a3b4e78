import type { LoopConfig } from '../../../shared/methods/loop'

/**
 * What a workspace starts with. BANT grading: all four known is A, two or
 * three is B, fewer is C. Scoring weighs source, industry, completeness and
 * recent activity.
 */
export const defaultLoopConfig: LoopConfig = {
  leadRequiredFields: ['company', 'phoneOrEmail', 'source'],
  leadRating: {
    grades: [
      { grade: 'A', minBant: 4, requiredBant: [], minScore: 0 },
      { grade: 'B', minBant: 2, requiredBant: [], minScore: 0 },
    ],
    fallbackGrade: 'C',
    scoring: [
      { kind: 'fieldEquals', field: 'source', value: 'referral', points: 20 },
      { kind: 'fieldEquals', field: 'source', value: 'exhibition', points: 10 },
      { kind: 'fieldEquals', field: 'source', value: 'partner', points: 10 },
      { kind: 'fieldEquals', field: 'source', value: 'website', points: 5 },
      { kind: 'fieldEquals', field: 'industry', value: 'manufacturing', points: 10 },
      { kind: 'fieldEquals', field: 'industry', value: 'finance', points: 10 },
      { kind: 'filled', field: 'contactName', points: 5 },
      { kind: 'filled', field: 'phone', points: 10 },
      { kind: 'filled', field: 'email', points: 5 },
      { kind: 'filled', field: 'productInterest', points: 10 },
      { kind: 'bant', key: 'budget', points: 5 },
      { kind: 'bant', key: 'authority', points: 5 },
      { kind: 'bant', key: 'need', points: 5 },
      { kind: 'bant', key: 'timeline', points: 5 },
      { kind: 'recentActivity', withinDays: 14, points: 20 },
    ],
  },
  pool: { claimLimit: 50, returnDays: 14 },
  reminders: { followUpLookbackDays: 3, uncontactedHours: 24, renewalDays: 60, birthdayDaysAhead: 3 },
  carePlan: [
    { title: '售后启动电话 / Kick-off call', offsetDays: 7 },
    { title: '满意度回访 / Satisfaction check', offsetDays: 30 },
  ],
}

/** Settings keys, one per part, so that SQL triggers can read the part they need. */
export const loopSettingKeys: Record<keyof LoopConfig, string> = {
  leadRequiredFields: 'loop.leadRequiredFields',
  leadRating: 'loop.leadRating',
  pool: 'loop.pool',
  reminders: 'loop.reminders',
  carePlan: 'loop.carePlan',
}

/** When the automatic rules last ran: rules about elapsed time look at what changed since. */
export const AUTOMATIONS_LAST_RUN_KEY = 'loop.automationsLastRunAt'
