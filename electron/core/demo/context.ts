import type { PicklistItem, Stage } from '../../../shared/entities'
import { AppError } from '../errors'
import type { IdTable, SeedConfiguration, SeedPipeline } from '../store/seed'
import {
  businessWordsByIndustry,
  citiesByRegion,
  combination,
  englishGivenNames,
  fallbackBusinessWords,
  fallbackCities,
  givenNames,
  salesTeams,
  surnames,
  type City,
  type DemoTag,
  type Word,
} from './names'
import type { Phase } from './phrases'
import { planWorkspace, type Plan } from './plan'
import { hashText, streamFor } from './random'
import { addDays, isoMoment } from './time'

/** Everything the generators share. Built once per load; never changed afterwards. */
export interface DemoContext {
  seed: number
  anchorMs: number
  /** The oldest deal is created here, 18 months before the anchor. */
  dealsFromMs: number
  /** Accounts without deals may be older: two years back. */
  accountsFromMs: number
  counts: DemoCounts
  /** The id given to record #0 of each table; record #i gets firstId + i. */
  firstId: Record<IdTable, number>
  users: DemoUser[]
  /** Who may own accounts and deals, weighted: managers keep a few key accounts. */
  sellers: readonly (readonly [DemoUser, number])[]
  pipelines: DemoPipelines
  picks: DemoPicks
  vocabulary: Vocabulary
  tagIds: Record<DemoTag, number>
  plan: Plan
}

export interface DemoCounts {
  users: number
  accounts: number
  contacts: number
  leads: number
  opportunities: number
}

export interface DemoUser {
  id: number
  name: string
  nameEn: string
  email: string
  role: 'rep' | 'manager'
  team: string
  managerId: number
  createdAt: string
}

export interface DemoPipeline {
  key: string
  id: number
  open: Stage[]
  won: Stage
  lost: Stage
  /** Chance that a deal is lost at each step forward. */
  lossRate: number
  phaseOf: Map<number, Phase>
}

export interface DemoPipelines {
  main: DemoPipeline
  renewal: DemoPipeline | null
  project: DemoPipeline | null
}

type Weighted<T> = readonly (readonly [T, number])[]

export interface DemoPicks {
  sources: Weighted<string>
  productLines: Weighted<PicklistItem>
  lossReasons: Weighted<string>
}

/** Company-name building blocks limited to what this workspace's picklists know. */
export interface Vocabulary {
  cities: readonly { city: City; region: string | null }[]
  businessWords: readonly { word: Word; industry: string | null }[]
  industries: ReadonlySet<string>
  overseasRegion: string | null
}

export const DEFAULT_SCALE = 2500
/** Marks generated stage moves and audit rows, so they can be told from real work. */
export const DEMO_BATCH = 'demo'
const MAX_USERS = 60

export function demoCounts(scale: number): DemoCounts {
  const ratio = scale / DEFAULT_SCALE
  const accounts = Math.max(3, Math.round(400 * ratio))
  return {
    // Teams grow far slower than their pipelines.
    users: Math.min(MAX_USERS, Math.max(6, Math.round(6 * Math.sqrt(ratio)))),
    accounts,
    contacts: Math.max(accounts, Math.round(900 * ratio)),
    leads: Math.max(3, Math.round(1500 * ratio)),
    opportunities: scale,
  }
}

export function createDemoContext(input: {
  scale: number
  anchor: Date
  configuration: SeedConfiguration
  firstId: Record<IdTable, number>
  tagIds: Record<DemoTag, number>
}): DemoContext {
  const anchorMs = input.anchor.getTime()
  const seed = hashText(`${input.scale}|${input.anchor.toISOString()}`)
  const counts = demoCounts(input.scale)
  const users = demoUsers(seed, counts.users, input.firstId.users, addDays(anchorMs, -760))
  return {
    seed,
    anchorMs,
    dealsFromMs: addDays(anchorMs, -548),
    accountsFromMs: addDays(anchorMs, -730),
    counts,
    firstId: input.firstId,
    users,
    sellers: users.map((user) => [user, user.role === 'manager' ? 0.25 : 1] as const),
    pipelines: demoPipelines(input.configuration.pipelines),
    picks: demoPicks(input.configuration.picklists),
    vocabulary: vocabulary(input.configuration.picklists),
    tagIds: input.tagIds,
    plan: planWorkspace(seed, counts),
  }
}

/** One manager per team of about six; every name is distinct. */
function demoUsers(seed: number, count: number, firstId: number, createdMs: number): DemoUser[] {
  const rng = streamFor(seed, 'users', 0)
  const teams = Math.min(salesTeams.length, Math.max(2, Math.round(count / 6)))
  const emails = new Set<string>()
  return Array.from({ length: count }, (_, u) => {
    const [s, g] = combination(u, [surnames.length, givenNames.length])
    const surname = surnames[s!]!
    const given = givenNames[g!]!
    const english = rng.pick(englishGivenNames[given[2]])
    const team = u < teams ? u : (u - teams) % teams
    let email = `${english}.${surname[1]}@example.com`.toLowerCase()
    if (emails.has(email)) email = email.replace('@', `${u}@`)
    emails.add(email)
    return {
      id: firstId + u,
      name: surname[0] + given[0],
      nameEn: `${english} ${surname[1]}`,
      email,
      role: u < teams ? 'manager' : 'rep',
      team: salesTeams[team]!,
      managerId: firstId + team,
      createdAt: isoMoment(createdMs + u * 3_600_000),
    }
  })
}

/** How often deals are lost at each step, by pipeline key; unknown pipelines use the default. */
const lossRates: Record<string, number> = { new_business: 0.2, renewal: 0.12, project: 0.22 }
const DEFAULT_LOSS_RATE = 0.2

function demoPipelines(pipelines: SeedPipeline[]): DemoPipelines {
  const usable = pipelines.map(demoPipeline).filter((p): p is DemoPipeline => p !== null)
  const byKey = (key: string) => usable.find((p) => p.key === key) ?? null
  const main = byKey('new_business') ?? usable[0]
  if (!main) throw new AppError('VALIDATION', { reason: 'no pipeline has open, won and lost stages' })
  const other = (key: string) => (byKey(key) === main ? null : byKey(key))
  return { main, renewal: other('renewal'), project: other('project') }
}

function demoPipeline(pipeline: SeedPipeline): DemoPipeline | null {
  const open = pipeline.stages.filter((s) => s.kind === 'open')
  const won = pipeline.stages.find((s) => s.kind === 'won')
  const lost = pipeline.stages.find((s) => s.kind === 'lost')
  if (open.length === 0 || !won || !lost) return null
  const phaseOf = new Map<number, Phase>([
    [won.id, 'won'],
    [lost.id, 'lost'],
  ])
  open.forEach((stage, i) => phaseOf.set(stage.id, openPhase(open.length === 1 ? 0 : i / (open.length - 1))))
  return { key: pipeline.key, id: pipeline.id, open, won, lost, lossRate: lossRates[pipeline.key] ?? DEFAULT_LOSS_RATE, phaseOf }
}

/** Where an open stage sits in its pipeline, from 0 (first) to 1 (last). */
function openPhase(position: number): Phase {
  if (position < 0.34) return 'early'
  return position < 0.67 ? 'middle' : 'late'
}

/** Relative frequencies by picklist value; values a user added get the default weight. */
const sourceWeights: Record<string, number> = {
  website: 25, referral: 15, exhibition: 15, cold_call: 15, partner: 10, wechat: 12, advertising: 8,
}
const lossReasonWeights: Record<string, number> = {
  price: 30, competitor: 25, no_budget: 15, no_decision: 15, timing: 10, product_fit: 5,
}
const productWeights: Record<string, number> = { crm: 35, erp: 20, hardware: 15, services: 20, training: 10 }
const DEFAULT_WEIGHT = 10

function demoPicks(picklists: Record<string, PicklistItem[]>): DemoPicks {
  const weighted = <T>(key: string, weights: Record<string, number>, value: (item: PicklistItem) => T) =>
    (picklists[key] ?? []).map((item) => [value(item), weights[item.value] ?? DEFAULT_WEIGHT] as const)
  return {
    sources: weighted('source', sourceWeights, (item) => item.value),
    productLines: weighted('product_line', productWeights, (item) => item),
    lossReasons: weighted('loss_reason', lossReasonWeights, (item) => item.value),
  }
}

const OVERSEAS = 'overseas'

function vocabulary(picklists: Record<string, PicklistItem[]>): Vocabulary {
  const regions = (picklists.region ?? []).map((item) => item.value)
  const industries = (picklists.industry ?? []).map((item) => item.value)
  const domestic = regions.filter((value) => value !== OVERSEAS)
  const cities = domestic.flatMap((region) => (citiesByRegion[region] ?? fallbackCities).map((city) => ({ city, region })))
  const businessWords = industries.flatMap((industry) =>
    (businessWordsByIndustry[industry] ?? fallbackBusinessWords).map((word) => ({ word, industry })),
  )
  return {
    cities: cities.length > 0 ? cities : fallbackCities.map((city) => ({ city, region: null })),
    businessWords: businessWords.length > 0 ? businessWords : fallbackBusinessWords.map((word) => ({ word, industry: null })),
    industries: new Set(industries),
    overseasRegion: regions.includes(OVERSEAS) ? OVERSEAS : null,
  }
}
