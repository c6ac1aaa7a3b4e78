import { describe, expect, it } from 'vitest'
import type { Lead } from '../../shared/entities'
import type { DuplicateMatch, LeadRating } from '../../shared/methods/loop'
import { defaultViewState } from '../../renderer/src/modules/grid/utils/viewState'
import { fieldKey, valueKindOf } from '../../renderer/src/modules/history/utils/auditFields'
import { duplicateProbe, isRequired, toCaptureInput } from '../../renderer/src/modules/leads/utils/captureInput'
import { conversionPlan, suggestedDealName } from '../../renderer/src/modules/leads/utils/conversionPlan'
import { isMine, withMine } from '../../renderer/src/modules/leads/utils/mineFilter'
import { poolQuery } from '../../renderer/src/modules/leads/utils/poolQuery'
import { explainRating } from '../../renderer/src/modules/leads/utils/ratingReasons'
import { toRuleInputs, withAssignType, type RuleDraft } from '../../renderer/src/modules/leads/utils/ruleDrafts'
import { toScoreRule } from '../../renderer/src/modules/leads/utils/scoreRuleDraft'
import { defaultTake, movingRelated } from '../../renderer/src/modules/merge/utils/mergeChoice'
import { flattenHits, moveActive } from '../../renderer/src/modules/search/utils/resultList'

const lead = (fields: Partial<Lead>) =>
  ({ source: null, industry: null, region: null, productInterest: null, contactName: null, phone: null, email: null, notes: null, lastActivityAt: null, ...fields }) as Lead

const rating: LeadRating = {
  grades: [
    { grade: 'A', minBant: 4, requiredBant: [], minScore: 0 },
    { grade: 'B', minBant: 1, requiredBant: ['budget'], minScore: 30 },
  ],
  fallbackGrade: 'C',
  scoring: [
    { kind: 'fieldEquals', field: 'source', value: 'Referral', points: 20 },
    { kind: 'filled', field: 'phone', points: 10 },
    { kind: 'bant', key: 'budget', points: 5 },
    { kind: 'recentActivity', withinDays: 14, points: 20 },
    { kind: 'filled', field: 'email', points: 0 },
  ],
}

describe('lead rating explanation', () => {
  const now = new Date('2026-11-20T08:00:00Z')

  it('lists the rules that held, sums them and names the grade rule that matched', () => {
    const result = explainRating(rating, lead({ source: 'referral', phone: '138', email: 'a@b.cn', lastActivityAt: '2026-11-10T08:00:00Z' }), { budget: true }, now)
    expect(result.reasons.map((r) => r.points)).toEqual([20, 10, 5, 20])
    expect(result.score).toBe(55)
    expect(result.grade).toBe('B')
    expect(result.gradeRule).toBe(rating.grades[1])
  })

  it('falls back when no grade rule holds, and an old activity earns nothing', () => {
    const result = explainRating(rating, lead({ phone: '138', lastActivityAt: '2026-10-01T08:00:00Z' }), { budget: false }, now)
    expect(result.reasons.map((r) => r.rule.kind)).toEqual(['filled'])
    expect(result).toMatchObject({ score: 10, grade: 'C', gradeRule: null, bantKnown: 0 })
  })

  it('keeps the score within 0–100 as the core does', () => {
    const generous: LeadRating = { ...rating, scoring: [{ kind: 'filled', field: 'phone', points: 100 }, { kind: 'bant', key: 'need', points: 50 }] }
    expect(explainRating(generous, lead({ phone: '1' }), { need: true }, now).score).toBe(100)
  })
})

describe('lead capture form', () => {
  it('sends blanks as null and trims what was typed', () => {
    expect(toCaptureInput({ company: '  华东精密 ', phone: ' ', email: 'a@b.cn', notes: '' }, 'check')).toMatchObject({
      company: '华东精密',
      phone: null,
      email: 'a@b.cn',
      notes: null,
      duplicateAction: 'check',
    })
  })

  it('requires phone or email only while the other is empty', () => {
    const required = ['company', 'phoneOrEmail'] as const
    expect(isRequired(required, 'phone', {})).toBe(true)
    expect(isRequired(required, 'phone', { email: 'a@b.cn' })).toBe(false)
    expect(isRequired(required, 'email', { phone: '138' })).toBe(false)
    expect(isRequired(required, 'source', {})).toBe(false)
    expect(isRequired(['source'], 'source', {})).toBe(true)
  })

  it('checks for duplicates only once something identifying is typed', () => {
    expect(duplicateProbe({ contactName: '张伟' })).toBeNull()
    expect(duplicateProbe({ company: ' 华东 ', phone: '' })).toEqual({ company: '华东', limit: 8 })
  })
})

const match = (fields: Partial<DuplicateMatch>): DuplicateMatch => ({
  entityType: 'lead',
  id: 1,
  title: 't',
  subtitle: null,
  matchedOn: [],
  exact: true,
  ...fields,
})

describe('conversion plan', () => {
  it('reuses an account with the same company and a contact with the same phone or email', () => {
    const plan = conversionPlan([
      match({ entityType: 'lead', id: 9, matchedOn: ['company'] }),
      match({ entityType: 'account', id: 2, matchedOn: ['company'], exact: false }),
      match({ entityType: 'account', id: 3, matchedOn: ['company'] }),
      match({ entityType: 'contact', id: 4, matchedOn: ['phone'] }),
    ])
    expect(plan.account?.id).toBe(3)
    expect(plan.contact?.id).toBe(4)
  })

  it('creates both when nothing matches, and names the deal after company and interest', () => {
    expect(conversionPlan([match({ entityType: 'lead', matchedOn: ['phone'] })])).toEqual({ account: null, contact: null })
    expect(suggestedDealName('华东精密', ' crm ')).toBe('华东精密 crm')
    expect(suggestedDealName('华东精密', null)).toBe('华东精密')
  })
})

describe('lead pool query', () => {
  it('asks for unowned open leads, or the open leads the user holds', () => {
    expect(poolQuery('pool', 7, 2, 20)).toMatchObject({
      offset: 20,
      limit: 20,
      filters: [{ column: 'ownerId', op: 'empty' }, { column: 'status', op: 'in', value: ['new', 'contacted', 'qualified'] }],
    })
    expect(poolQuery('mine', 7, 1, 20).filters?.[0]).toEqual({ column: 'ownerId', op: 'in', value: [7] })
  })
})

describe('assignment and scoring rule drafts', () => {
  const draft: RuleDraft = { key: 'k', name: ' 华东 ', matchField: null, matchValues: ['x'], assignTo: { type: 'user', userId: 3 }, active: true }

  it('drops the key and values that a catch-all rule does not use', () => {
    expect(toRuleInputs([draft])).toEqual([{ name: '华东', matchField: null, matchValues: [], assignTo: { type: 'user', userId: 3 }, active: true }])
  })

  it('keeps the chosen people when switching between one user and a round robin', () => {
    const robin = withAssignType(draft, 'roundRobin')
    expect(robin.assignTo).toEqual({ type: 'roundRobin', userIds: [3] })
    expect(withAssignType({ ...robin, assignTo: { type: 'roundRobin', userIds: [5, 6] } }, 'user').assignTo).toEqual({ type: 'user', userId: 5 })
  })

  it('sends only the fields of a scoring rule kind', () => {
    expect(toScoreRule({ kind: 'bant', key: 'need', field: 'source', value: 'x', points: 5 })).toEqual({ kind: 'bant', key: 'need', points: 5 })
    expect(toScoreRule({ kind: 'fieldEquals', field: 'source', value: ' referral ', key: 'need', points: 5 })).toEqual({
      kind: 'fieldEquals',
      field: 'source',
      value: 'referral',
      points: 5,
    })
  })
})

describe('merge choice', () => {
  it('takes by default the values only the merged record has', () => {
    const fields = [
      { field: 'email', survivorValue: null, mergedValue: 'a@b.cn', differs: true },
      { field: 'phone', survivorValue: '1', mergedValue: '2', differs: true },
      { field: 'title', survivorValue: null, mergedValue: null, differs: false },
    ]
    expect(defaultTake({ fields })).toEqual(['email'])
    expect(movingRelated({ activities: 2, tasks: 0, tags: 1 })).toEqual([
      ['activities', 2],
      ['tags', 1],
    ])
  })
})

describe('history field names', () => {
  it('reads store columns as contract fields and knows how to show their values', () => {
    expect(fieldKey('owner_id')).toBe('ownerId')
    expect(fieldKey('converted_opportunity_id')).toBe('convertedOpportunityId')
    expect(valueKindOf('lead', 'ownerId')).toEqual({ kind: 'user' })
    expect(valueKindOf('lead', 'status')).toEqual({ kind: 'enum', options: 'leadStatus' })
    expect(valueKindOf('lead', 'source')).toEqual({ kind: 'picklist', options: 'source' })
    expect(valueKindOf('opportunity', 'stageId')).toEqual({ kind: 'stage' })
    expect(valueKindOf('lead', 'mergedFrom')).toEqual({ kind: 'record' })
    expect(valueKindOf('payment', 'amount')).toEqual({ kind: 'amount' })
    expect(valueKindOf('opportunity', 'amount')).toEqual({ kind: 'amount' })
    expect(valueKindOf('contract', 'endDate')).toEqual({ kind: 'date' })
    expect(valueKindOf('contract', 'payment')).toEqual({ kind: 'payment' })
    expect(valueKindOf('contract', 'paymentPlan')).toEqual({ kind: 'plan' })
    expect(valueKindOf('opportunity', 'stageEnteredAt')).toEqual({ kind: 'datetime' })
    expect(valueKindOf('account', 'satisfaction')).toEqual({ kind: 'text' })
  })
})

describe('search result keys', () => {
  it('walks the hits across groups and wraps at both ends', () => {
    const hit = (id: number) => ({ entityType: 'lead' as const, id, title: '', subtitle: null, phone: null, email: null })
    const hits = flattenHits([
      { entityType: 'account', items: [hit(1)], more: false },
      { entityType: 'lead', items: [hit(2), hit(3)], more: false },
    ])
    expect(hits.map((h) => h.id)).toEqual([1, 2, 3])
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0)
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2)
    expect(moveActive(0, 0, 'ArrowDown')).toBe(0)
  })
})

describe('my leads switch', () => {
  it('adds the portable "me" owner filter in place of any other owner filter, and removes only it', () => {
    const base = { ...defaultViewState, filters: [{ column: 'status', op: 'in' as const, value: ['new'] }, { column: 'ownerId', op: 'in' as const, value: [3] }] }
    const mine = withMine(base, true)
    expect(mine.filters).toEqual([{ column: 'status', op: 'in', value: ['new'] }, { column: 'ownerId', op: 'me' }])
    expect(isMine(mine)).toBe(true)
    expect(withMine(mine, false).filters).toEqual([{ column: 'status', op: 'in', value: ['new'] }])
    expect(isMine(base)).toBe(false)
  })
})
