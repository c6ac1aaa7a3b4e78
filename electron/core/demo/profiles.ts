import type { PicklistItem } from '../../../shared/entities'
import type { SeedTagLink } from '../store/seed'
import type { DemoContext, DemoUser } from './context'
import {
  combination,
  companyForms,
  contactTitles,
  englishGivenNames,
  englishSurnames,
  foreignPlaces,
  foreignMiddles,
  foreignPrefixes,
  foreignSectors,
  givenNames,
  roads,
  surnames,
  tradeNames,
  type DemoTag,
} from './names'
import { accountNotes, type Lang } from './phrases'
import { streamFor, type Random } from './random'
import { addDays, DAY_MS, isoDate, officeMoment } from './time'

/**
 * Pure descriptions of single records: the same (context, index) always
 * gives the same profile, so any generator may look up any other record.
 */

export interface Company {
  name: string
  /** Without city and legal form, as people say it: 华东精密机械. */
  shortName: string
  lang: Lang
  industry: string | null
  region: string | null
  domain: string
  phone: string
  address: string
  /** International dialling prefix for the people who work there; null in China. */
  phonePrefix: string | null
}

/** Share of companies based abroad. */
const FOREIGN_COMPANIES = 0.15

/** Company #k. Accounts use k = account index, unconverted leads k = accounts + lead index. */
export function companyProfile(ctx: DemoContext, k: number): Company {
  const rng = streamFor(ctx.seed, 'company', k)
  return rng.chance(FOREIGN_COMPANIES) ? foreignCompany(ctx, rng, k) : chineseCompany(ctx, rng, k)
}

function chineseCompany(ctx: DemoContext, rng: Random, k: number): Company {
  const { cities, businessWords } = ctx.vocabulary
  const [c, t, w] = combination(k, [cities.length, tradeNames.length, businessWords.length])
  const { city, region } = cities[c!]!
  const [trade, tradePinyin] = tradeNames[t!]!
  const { word, industry } = businessWords[w!]!
  const domain = `${city.code}${tradePinyin}${word[1]}.com`
  return {
    name: city.zh + trade + word[0] + rng.weighted(companyForms),
    shortName: trade + word[0],
    lang: 'zh',
    industry,
    region,
    domain,
    phone: `${city.areaCode}-${rng.int(2, 8)}${digits(rng, 7)}`,
    address: `${city.zh}市${rng.pick(city.districts)}${rng.pick(roads)}${rng.int(1, 999)}号`,
    phonePrefix: null,
  }
}

function foreignCompany(ctx: DemoContext, rng: Random, k: number): Company {
  const [p, m, s] = combination(k, [foreignPrefixes.length, foreignMiddles.length, foreignSectors.length])
  const prefix = foreignPrefixes[p!]!
  const middle = foreignMiddles[m!]!
  const [sector, industry] = foreignSectors[s!]!
  const place = rng.pick(foreignPlaces)
  const shortName = [prefix, middle, sector].filter(Boolean).join(' ')
  return {
    name: `${shortName} ${place.legalForm}`,
    shortName,
    lang: 'en',
    industry: ctx.vocabulary.industries.has(industry) ? industry : null,
    region: ctx.vocabulary.overseasRegion,
    domain: `${shortName.replace(/ /g, '')}.${place.domainSuffix}`.toLowerCase(),
    phone: foreignPhone(rng, place.phonePrefix),
    address: `${rng.int(1, 300)} ${rng.pick(place.streets)}, ${place.city}, ${place.country}`,
    phonePrefix: place.phonePrefix,
  }
}

export interface AccountProfile {
  index: number
  id: number
  company: Company
  ownerId: number
  source: string | null
  createdMs: number
  notes: string | null
}

export function accountProfile(ctx: DemoContext, a: number): AccountProfile {
  const rng = streamFor(ctx.seed, 'account', a)
  const company = companyProfile(ctx, a)
  return {
    index: a,
    id: ctx.firstId.accounts + a,
    company,
    ownerId: pickSeller(ctx, rng).id,
    source: pickOrNull(rng, ctx.picks.sources),
    createdMs: accountCreatedMs(ctx, rng, a),
    notes: rng.chance(0.15) ? rng.pick(accountNotes[company.lang]) : null,
  }
}

/**
 * An account exists before its first deal: a converted lead created both at
 * the same moment; otherwise the account was entered days or weeks earlier.
 */
function accountCreatedMs(ctx: DemoContext, rng: Random, a: number): number {
  const firstDeal = ctx.plan.firstOpportunity[a]!
  if (firstDeal < 0) return officeMoment(rng, rng.between(ctx.accountsFromMs, addDays(ctx.anchorMs, -1)))
  const dealCreated = opportunityCreatedMs(ctx, firstDeal)
  if (ctx.plan.opportunityLead[firstDeal]! >= 0) return dealCreated
  return Math.max(ctx.accountsFromMs, officeMoment(rng, addDays(dealCreated, -rng.int(3, 60))))
}

export interface ContactProfile {
  index: number
  id: number
  accountIndex: number
  name: string
  title: string
  phone: string
  email: string | null
  wechat: string | null
  birthday: string | null
  ownerId: number
  createdMs: number
}

export function contactProfile(ctx: DemoContext, c: number): ContactProfile {
  const rng = streamFor(ctx.seed, 'contact', c)
  const account = accountProfile(ctx, ctx.plan.contactAccount[c]!)
  const { lang, domain, phonePrefix } = account.company
  const person = lang === 'zh' ? chinesePerson(rng) : foreignPerson(rng)
  const phone = phonePrefix ? foreignPhone(rng, phonePrefix) : mobile(rng)
  const isPrimary = c === account.index
  return {
    index: c,
    id: ctx.firstId.contacts + c,
    accountIndex: account.index,
    name: person.name,
    title: rng.pick(contactTitles[lang]),
    phone,
    email: rng.chance(0.85) ? `${person.mailbox}@${domain}` : null,
    wechat: lang === 'zh' && rng.chance(0.6) ? (rng.chance(0.5) ? phone : `${person.mailbox.replace('.', '_')}${rng.int(1, 999)}`) : null,
    birthday: rng.chance(0.3) ? birthday(rng) : null,
    ownerId: account.ownerId,
    // The primary contact comes with the account; colleagues are added within two days.
    createdMs: isPrimary ? account.createdMs : Math.min(ctx.anchorMs, account.createdMs + rng.int(1, 48) * 3_600_000),
  }
}

export interface Person {
  name: string
  /** The part of an e-mail address before the @. */
  mailbox: string
}

export function chinesePerson(rng: Random): Person {
  const [surname, surnamePinyin] = rng.pick(surnames)
  const [given, givenPinyin] = rng.pick(givenNames)
  return { name: surname + given, mailbox: `${givenPinyin}.${surnamePinyin.toLowerCase()}` }
}

export function foreignPerson(rng: Random): Person {
  const given = rng.pick(englishGivenNames[rng.chance(0.5) ? 'm' : 'f'])
  const surname = rng.pick(englishSurnames)
  return { name: `${given} ${surname}`, mailbox: `${given}.${surname}`.toLowerCase() }
}

const mobilePrefixes = ['13', '15', '18'] as const

/** An 11-digit mainland mobile number: 13x, 15x or 18x. */
export function mobile(rng: Random): string {
  return `${rng.pick(mobilePrefixes)}${rng.int(0, 9)}${digits(rng, 8)}`
}

function foreignPhone(rng: Random, prefix: string): string {
  return `${prefix} ${digits(rng, 4)} ${digits(rng, 4)}`
}

function digits(rng: Random, count: number): string {
  return String(rng.int(0, 10 ** count - 1)).padStart(count, '0')
}

function birthday(rng: Random): string {
  return isoDate(Date.UTC(rng.int(1962, 1998), 0, 1) + rng.int(0, 364) * DAY_MS)
}

export interface OpportunityHead {
  index: number
  id: number
  createdMs: number
  accountIndex: number
  contactIndex: number
  ownerId: number
  productLine: PicklistItem | null
  /** Lead index this deal was converted from, or -1. */
  leadIndex: number
  /** The deal's own stream, positioned after the head: the body keeps drawing from it. */
  rng: Random
}

/** Deals are created in id order over the last 18 months, a little more often lately. */
const GROWTH = 0.8

export function opportunityCreatedMs(ctx: DemoContext, j: number): number {
  const rng = streamFor(ctx.seed, 'opportunity-created', j)
  const share = ((j + rng.next()) / ctx.counts.opportunities) ** GROWTH
  return Math.min(ctx.anchorMs, officeMoment(rng, ctx.dealsFromMs + share * (ctx.anchorMs - ctx.dealsFromMs)))
}

/** The part of deal #j that the lead it was converted from needs to know too. */
export function opportunityHead(ctx: DemoContext, j: number): OpportunityHead {
  const rng = streamFor(ctx.seed, 'opportunity', j)
  const { plan } = ctx
  const accountIndex = plan.opportunityAccount[j]!
  const from = plan.contactsFrom[accountIndex]!
  const to = plan.contactsFrom[accountIndex + 1]!
  const createdMs = opportunityCreatedMs(ctx, j)
  // Deals mostly talk to the primary contact; otherwise to a colleague already on file.
  const colleague = plan.accountContacts[rng.int(from, to - 1)]!
  const contactIndex = rng.chance(0.6) || contactProfile(ctx, colleague).createdMs > createdMs ? accountIndex : colleague
  const account = accountProfile(ctx, accountIndex)
  return {
    index: j,
    id: ctx.firstId.opportunities + j,
    createdMs,
    accountIndex,
    contactIndex,
    ownerId: rng.chance(0.85) ? account.ownerId : pickSeller(ctx, rng).id,
    productLine: pickOrNull(rng, ctx.picks.productLines),
    leadIndex: plan.opportunityLead[j]!,
    rng,
  }
}

export function pickSeller(ctx: DemoContext, rng: Random): DemoUser {
  return rng.weighted(ctx.sellers)
}

/** A weighted pick from a picklist the user may have emptied. */
export function pickOrNull<T>(rng: Random, entries: readonly (readonly [T, number])[]): T | null {
  return entries.length > 0 ? rng.weighted(entries) : null
}

/** The owner's team manager, or null when the owner is a manager. */
export function managerOf(ctx: DemoContext, userId: number): number | null {
  const managerId = ctx.users[userId - ctx.firstId.users]!.managerId
  return managerId === userId ? null : managerId
}

export function tagLink(ctx: DemoContext, tag: DemoTag, entityType: SeedTagLink['entityType'], entityId: number): SeedTagLink {
  return { tagId: ctx.tagIds[tag], entityType, entityId }
}
