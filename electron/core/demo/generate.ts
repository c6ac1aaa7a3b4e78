import type {
  SeedAccount,
  SeedActivity,
  SeedContact,
  SeedLead,
  SeedLifecycle,
  SeedTagLink,
  SeedTask,
  SeedUser,
} from '../store/seed'
import type { DemoContext } from './context'
import { followUpsBetween, lastActivityAt, task, type Subject } from './followups'
import type { AccountHistory } from './opportunity'
import { leadNotes, productLabel, type Lang } from './phrases'
import {
  accountProfile,
  chinesePerson,
  companyProfile,
  contactProfile,
  foreignPerson,
  managerOf,
  mobile,
  opportunityHead,
  pickOrNull,
  pickSeller,
  tagLink,
  type AccountProfile,
} from './profiles'
import { streamFor, type Random } from './random'
import { addDays, daysBetween, isoMoment, officeMoment } from './time'

/**
 * One generator per kind of record, each yielding a record with the
 * follow-ups, tasks and tags that belong to it, so the loader can write them
 * as they come without holding the workspace in memory.
 */

export { opportunities, createAccountHistory, type AccountHistory, type OpportunityBundle } from './opportunity'

export interface RecordBundle<Row> {
  row: Row
  activities: SeedActivity[]
  tasks: SeedTask[]
  tags: SeedTagLink[]
}

export function* users(ctx: DemoContext): Generator<SeedUser> {
  for (const { id, name, nameEn, email, role, team, createdAt } of ctx.users) {
    yield { id, name, nameEn, email, role, team, createdAt }
  }
}

export function* accounts(ctx: DemoContext): Generator<RecordBundle<SeedAccount>> {
  for (let a = 0; a < ctx.counts.accounts; a++) {
    const account = accountProfile(ctx, a)
    const rng = streamFor(ctx.seed, 'account-details', a)
    yield { row: accountRow(rng, account), activities: careVisits(ctx, rng, account), tasks: [], tags: accountTags(ctx, rng, account) }
  }
}

function accountRow(rng: Random, account: AccountProfile): SeedAccount {
  const { company } = account
  const created = isoMoment(account.createdMs)
  return {
    id: account.id,
    name: company.name,
    industry: company.industry,
    region: company.region,
    source: account.source,
    ownerId: account.ownerId,
    phone: company.phone,
    email: rng.chance(0.6) ? `${rng.pick(['info', 'sales', 'contact'])}@${company.domain}` : null,
    website: rng.chance(0.8) ? `www.${company.domain}` : null,
    address: company.address,
    notes: account.notes,
    createdAt: created,
    updatedAt: created,
  }
}

/** Accounts that do business get the occasional courtesy visit on top of their deals. */
function careVisits(ctx: DemoContext, rng: Random, account: AccountProfile): SeedActivity[] {
  const fromMs = addDays(account.createdMs, 30)
  const doesBusiness = ctx.plan.firstOpportunity[account.index]! >= 0
  if (!doesBusiness || fromMs >= ctx.anchorMs || !rng.chance(0.35)) return []
  const { company } = account
  const subject: Subject = {
    entityType: 'account',
    entityId: account.id,
    lang: company.lang,
    values: { contact: contactProfile(ctx, account.index).name, company: company.shortName, product: productLabel(company.lang, null) },
    ownerId: account.ownerId,
    managerId: managerOf(ctx, account.ownerId),
  }
  return followUpsBetween(rng, subject, 'care', fromMs, ctx.anchorMs, { everyDays: 120, min: 1, max: 3 })
}

function accountTags(ctx: DemoContext, rng: Random, account: AccountProfile): SeedTagLink[] {
  const tags: SeedTagLink[] = []
  if (rng.chance(0.08)) tags.push(tagLink(ctx, 'keyAccount', 'account', account.id))
  if (rng.chance(0.04)) tags.push(tagLink(ctx, 'strategic', 'account', account.id))
  return tags
}

export function* contacts(ctx: DemoContext): Generator<SeedContact> {
  for (let c = 0; c < ctx.counts.contacts; c++) {
    const contact = contactProfile(ctx, c)
    const created = isoMoment(contact.createdMs)
    yield {
      id: contact.id,
      accountId: ctx.firstId.accounts + contact.accountIndex,
      name: contact.name,
      title: contact.title,
      phone: contact.phone,
      email: contact.email,
      wechat: contact.wechat,
      birthday: contact.birthday,
      ownerId: contact.ownerId,
      notes: null,
      createdAt: created,
      updatedAt: created,
    }
  }
}

export function* leads(ctx: DemoContext): Generator<RecordBundle<SeedLead>> {
  for (let i = 0; i < ctx.counts.leads; i++) {
    const j = ctx.plan.leadOpportunity[i]!
    yield j >= 0 ? convertedLead(ctx, i, j) : workingLead(ctx, i)
  }
}

/** A lead worked for a few weeks and then converted into account, contact and deal #j. */
function convertedLead(ctx: DemoContext, i: number, j: number): RecordBundle<SeedLead> {
  const rng = streamFor(ctx.seed, 'lead', i)
  const deal = opportunityHead(ctx, j)
  const account = accountProfile(ctx, deal.accountIndex)
  const contact = contactProfile(ctx, deal.contactIndex)
  const { company } = account
  const convertedMs = deal.createdMs
  const createdMs = Math.max(ctx.accountsFromMs, officeMoment(rng, addDays(convertedMs, -rng.int(5, 60))))
  const claimedMs = Math.min(convertedMs, createdMs + rng.int(1, 72) * 3_600_000)
  const product = productLabel(company.lang, deal.productLine)
  const subject = leadSubject(ctx, i, company.lang, { contact: contact.name, company: company.shortName, product }, deal.ownerId)
  const activities = followUpsBetween(rng, subject, 'lead', claimedMs, convertedMs, { everyDays: 14, min: 1, max: 3 })
  const grade = rng.chance(0.7) ? 'A' : 'B'
  return {
    row: {
      id: subject.entityId,
      company: company.name,
      contactName: contact.name,
      phone: contact.phone,
      email: contact.email,
      source: account.source,
      region: company.region,
      industry: company.industry,
      productInterest: deal.productLine ? product : null,
      status: 'converted',
      grade,
      score: score(rng, grade),
      ownerId: deal.ownerId,
      claimedAt: isoMoment(claimedMs),
      lastActivityAt: lastActivityAt(activities),
      nextFollowUpDate: null,
      convertedAccountId: account.id,
      convertedContactId: contact.id,
      convertedOpportunityId: deal.id,
      notes: rng.chance(0.3) ? rng.pick(leadNotes[company.lang]) : null,
      createdAt: isoMoment(createdMs),
      updatedAt: isoMoment(convertedMs),
    },
    activities,
    tasks: rng.chance(0.3) ? [task(rng, subject, 'lead', claimedMs, addDays(claimedMs, rng.int(1, 3)), ctx.anchorMs, 0.9)] : [],
    tags: [],
  }
}

/** Share of unconverted leads sitting in the shared pool without an owner. */
const POOL_SHARE = 0.15

/** A lead still being worked, disqualified, or waiting in the pool. */
function workingLead(ctx: DemoContext, i: number): RecordBundle<SeedLead> {
  const rng = streamFor(ctx.seed, 'lead', i)
  const company = companyProfile(ctx, ctx.counts.accounts + i)
  const person = company.lang === 'zh' ? chinesePerson(rng) : foreignPerson(rng)
  const createdMs = Math.min(ctx.anchorMs, officeMoment(rng, ctx.dealsFromMs + rng.next() ** 0.85 * (ctx.anchorMs - ctx.dealsFromMs)))
  const inPool = rng.chance(POOL_SHARE)
  const status = leadStatus(rng, daysBetween(createdMs, ctx.anchorMs), inPool)
  // Pool leads may have been worked by someone who later gave them back.
  const worker = pickSeller(ctx, rng).id
  const claimedMs = Math.min(ctx.anchorMs, createdMs + rng.int(1, 72) * 3_600_000)
  const product = pickOrNull(rng, ctx.picks.productLines)
  const values = { contact: person.name, company: company.shortName, product: productLabel(company.lang, product) }
  const subject = leadSubject(ctx, i, company.lang, values, worker)
  const active = !inPool && (status === 'contacted' || status === 'qualified')
  const activities = leadFollowUps(ctx, rng, subject, status, inPool, claimedMs)
  const grade = status === 'new' && rng.chance(0.5) ? null : leadGrade(rng, status)
  const nextFollowUpDate = active ? (activities.at(-1)?.nextDate ?? null) : null
  return {
    row: {
      id: subject.entityId,
      company: company.name,
      contactName: person.name,
      phone: company.phonePrefix ? company.phone : mobile(rng),
      email: rng.chance(0.7) ? `${person.mailbox}@${company.domain}` : null,
      source: pickOrNull(rng, ctx.picks.sources),
      region: company.region,
      industry: company.industry,
      productInterest: product && rng.chance(0.7) ? values.product : null,
      status,
      grade,
      score: grade ? score(rng, grade) : null,
      ownerId: inPool ? null : worker,
      claimedAt: inPool ? null : isoMoment(claimedMs),
      lastActivityAt: lastActivityAt(activities),
      nextFollowUpDate,
      convertedAccountId: null,
      convertedContactId: null,
      convertedOpportunityId: null,
      notes: rng.chance(0.3) ? rng.pick(leadNotes[company.lang]) : null,
      createdAt: isoMoment(createdMs),
      updatedAt: isoMoment(Math.max(createdMs, ...activities.map((a) => Date.parse(a.occurredAt)))),
    },
    activities,
    tasks: leadTasks(ctx, rng, subject, status, inPool, claimedMs, nextFollowUpDate),
    tags: grade === 'A' && active && rng.chance(0.4) ? [tagLink(ctx, 'hotLead', 'lead', subject.entityId)] : [],
  }
}

function leadSubject(
  ctx: DemoContext,
  i: number,
  lang: Lang,
  values: { contact: string; company: string; product: string },
  ownerId: number,
): Subject {
  return {
    entityType: 'lead',
    entityId: ctx.firstId.leads + i,
    lang,
    values,
    ownerId,
    managerId: managerOf(ctx, ownerId),
  }
}

/** Fresh leads are mostly untouched; older ones have been worked one way or the other. */
function leadStatus(rng: Random, ageDays: number, inPool: boolean): SeedLead['status'] {
  if (inPool) return rng.chance(0.6) ? 'new' : 'contacted'
  if (ageDays < 7) return rng.chance(0.7) ? 'new' : 'contacted'
  return rng.weighted([['new', 10], ['contacted', 40], ['qualified', 25], ['disqualified', 25]] as const)
}

function leadGrade(rng: Random, status: SeedLead['status']): 'A' | 'B' | 'C' {
  if (status === 'disqualified') return rng.chance(0.8) ? 'C' : 'B'
  return rng.weighted([['A', 20], ['B', 45], ['C', 35]] as const)
}

function score(rng: Random, grade: 'A' | 'B' | 'C'): number {
  return grade === 'A' ? rng.int(80, 100) : grade === 'B' ? rng.int(50, 79) : rng.int(10, 49)
}

/** Leads in play are talked to until today; disqualified and returned ones went quiet within a month. */
function leadFollowUps(
  ctx: DemoContext,
  rng: Random,
  subject: Subject,
  status: SeedLead['status'],
  inPool: boolean,
  fromMs: number,
): SeedActivity[] {
  if (status === 'new') return []
  const monthLaterMs = Math.min(ctx.anchorMs, addDays(fromMs, 30))
  if (inPool || status === 'disqualified') {
    return followUpsBetween(rng, subject, 'lead', fromMs, monthLaterMs, { everyDays: 20, min: 1, max: 2 })
  }
  return followUpsBetween(rng, subject, 'lead', fromMs, ctx.anchorMs, {
    everyDays: status === 'qualified' ? 30 : 45,
    min: 1,
    max: 4,
    nextAfter: (atMs) => addDays(atMs, rng.int(3, 21)),
  })
}

function leadTasks(
  ctx: DemoContext,
  rng: Random,
  subject: Subject,
  status: SeedLead['status'],
  inPool: boolean,
  claimedMs: number,
  nextFollowUpDate: string | null,
): SeedTask[] {
  if (inPool || status === 'disqualified') return []
  if (nextFollowUpDate !== null) {
    return rng.chance(0.5) ? [task(rng, subject, 'lead', claimedMs, Date.parse(nextFollowUpDate), ctx.anchorMs, 0)] : []
  }
  return rng.chance(0.4) ? [task(rng, subject, 'lead', claimedMs, addDays(claimedMs, rng.int(1, 3)), ctx.anchorMs, 0.6)] : []
}

/** Customer if it won once, repeat customer if more; happy customers mostly. */
export function* accountLifecycles(ctx: DemoContext, history: AccountHistory): Generator<SeedLifecycle> {
  for (let a = 0; a < ctx.counts.accounts; a++) {
    const wins = history.wins[a]!
    if (wins === 0) continue
    yield {
      id: ctx.firstId.accounts + a,
      lifecycle: wins > 1 ? 'repeat_customer' : 'customer',
      satisfaction: streamFor(ctx.seed, 'satisfaction', a).weighted([[5, 30], [4, 40], [3, 20], [2, 7], [1, 3]]),
    }
  }
}
