import type { PicklistItem, Stage } from '../../../shared/entities'
import { LOST_TO_COMPETITOR } from '../domain/stageRules'
import type { SeedActivity, SeedOpportunity, SeedStageChange, SeedTagLink, SeedTask } from '../store/seed'
import { DEMO_BATCH, type DemoContext, type DemoPipeline } from './context'
import { contractFor, type ContractBundle } from './contract'
import { followUp, followUpsBetween, lastActivityAt, task, type Subject } from './followups'
import { competitors } from './names'
import { fill, lossNotes, nextPlans, opportunityName, productLabel, type Lang } from './phrases'
import {
  accountProfile,
  contactProfile,
  managerOf,
  opportunityHead,
  pickOrNull,
  tagLink,
  type OpportunityHead,
} from './profiles'
import type { Random } from './random'
import { addDays, DAY_MS, isoDate, isoMoment, officeMoment } from './time'

export interface OpportunityBundle {
  opportunity: SeedOpportunity
  stageChanges: SeedStageChange[]
  activities: SeedActivity[]
  tasks: SeedTask[]
  contract: ContractBundle | null
  tags: SeedTagLink[]
}

/**
 * What earlier deals left behind at each account: renewals follow wins, and
 * the account's lifecycle is counted from them once all deals are written.
 */
export interface AccountHistory {
  wins: Uint16Array
  /** The latest win not yet renewed, or 0. */
  renewableId: Int32Array
  renewableFromMs: Float64Array
}

export function createAccountHistory(accounts: number): AccountHistory {
  return { wins: new Uint16Array(accounts), renewableId: new Int32Array(accounts), renewableFromMs: new Float64Array(accounts) }
}

/** Deals in id order, which is also the order they were created in. */
export function* opportunities(ctx: DemoContext, history: AccountHistory): Generator<OpportunityBundle> {
  let contractId = ctx.firstId.contracts
  for (let j = 0; j < ctx.counts.opportunities; j++) {
    const bundle = opportunity(ctx, history, opportunityHead(ctx, j), contractId)
    if (bundle.contract) contractId++
    yield bundle
  }
}

/** Stage walk tuning: how often deals stall, skip a stage or step back. */
const STALL_CHANCE = 0.05
const SKIP_CHANCE = 0.08
const BACK_CHANCE = 0.05
/** A stalled deal goes quiet about a month after it stopped moving. */
const STALLED_TALK_DAYS = 30
/** Reps log a follow-up about this often while a deal is in a stage. */
const FOLLOW_UP_EVERY_DAYS = 20

function opportunity(ctx: DemoContext, history: AccountHistory, head: OpportunityHead, contractId: number): OpportunityBundle {
  const { rng } = head
  const account = accountProfile(ctx, head.accountIndex)
  const contact = contactProfile(ctx, head.contactIndex)
  const { lang } = account.company
  const product = productLabel(lang, head.productLine)
  const { pipeline, previousId } = choosePipeline(ctx, rng, head, history)
  const money = dealMoney(rng, lang, head.productLine)
  // Bigger deals take longer: up to twice as long at the top of the range.
  const slowness = 1 + Math.log10(money.cny / MIN_CNY) / 2
  const walk = walkStages(rng, pipeline, head.createdMs, ctx.anchorMs, slowness)
  const final = walk.steps.at(-1)!
  const outcome = final.stage.kind

  const subject: Subject = {
    entityType: 'opportunity',
    entityId: head.id,
    lang,
    values: { contact: contact.name, company: account.company.shortName, product },
    ownerId: head.ownerId,
    managerId: managerOf(ctx, head.ownerId),
  }
  const activities = walkFollowUps(ctx, rng, subject, pipeline, walk)
  const lastActivity = lastActivityAt(activities)
  const nextFollowUpDate = outcome === 'open' ? activities.at(-1)!.nextDate : null
  const finalPhase = pipeline.phaseOf.get(final.stage.id)!
  const closing = outcome === 'lost' ? lossDetails(ctx, rng, lang, subject.values) : null
  const needsAmount = outcome !== 'open' || walk.steps.some((s) => s.stage.requiredFields.includes('amount'))
  const amount = needsAmount || rng.chance(0.75) ? money.amount : null
  const stageEnteredAt = isoMoment(final.atMs)

  if (outcome === 'won') recordWin(history, head, final.atMs)

  const row: SeedOpportunity = {
    id: head.id,
    name: opportunityName(lang, pipeline.key, account.company.shortName, product, new Date(head.createdMs).getUTCFullYear()),
    accountId: account.id,
    contactId: contact.id,
    leadId: head.leadIndex >= 0 ? ctx.firstId.leads + head.leadIndex : null,
    pipelineId: pipeline.id,
    stageId: final.stage.id,
    amount,
    currency: money.currency,
    probability: final.stage.probability,
    expectedCloseDate: isoDate(expectedCloseMs(ctx, rng, walk, head.createdMs, slowness)),
    ownerId: head.ownerId,
    source: rng.chance(0.7) ? account.source : pickOrNull(rng, ctx.picks.sources),
    productLine: head.productLine?.value ?? null,
    nextStep: outcome === 'open' ? rng.pick(nextPlans[finalPhase][lang]) : null,
    nextFollowUpDate,
    lastActivityAt: lastActivity,
    lossReason: closing?.lossReason ?? null,
    competitor: closing?.competitor ?? null,
    lossNote: closing?.lossNote ?? null,
    signedDate: outcome === 'won' ? isoDate(final.atMs) : null,
    forecastCategory: final.stage.forecastCategory,
    previousOpportunityId: previousId,
    stageEnteredAt,
    closedAt: outcome === 'open' ? null : stageEnteredAt,
    createdAt: isoMoment(head.createdMs),
    updatedAt: lastActivity !== null && lastActivity > stageEnteredAt ? lastActivity : stageEnteredAt,
  }
  const contract =
    outcome === 'won'
      ? contractFor(
          rng,
          {
            contractId,
            opportunityId: head.id,
            accountId: account.id,
            amount: money.amount,
            currency: money.currency,
            signedMs: final.atMs,
            termDays: pipeline.key === 'project' ? rng.int(180, 540) : 365 * rng.weighted([[1, 70], [2, 20], [3, 10]]),
            lang,
          },
          ctx.anchorMs,
        )
      : null
  return {
    opportunity: row,
    stageChanges: stageChanges(head, walk),
    activities,
    tasks: walkTasks(ctx, rng, subject, pipeline, walk, nextFollowUpDate),
    contract,
    tags: dealTags(ctx, rng, head.id, money.cny, outcome === 'open' && finalPhase === 'late'),
  }
}

function recordWin(history: AccountHistory, head: OpportunityHead, wonMs: number): void {
  history.wins[head.accountIndex]!++
  history.renewableId[head.accountIndex] = head.id
  history.renewableFromMs[head.accountIndex] = wonMs
}

function stageChanges(head: OpportunityHead, walk: Walk): SeedStageChange[] {
  return walk.steps.map((step, i) => ({
    opportunityId: head.id,
    fromStageId: i === 0 ? null : walk.steps[i - 1]!.stage.id,
    toStageId: step.stage.id,
    changedAt: isoMoment(step.atMs),
    changedBy: head.ownerId,
    batchId: DEMO_BATCH,
  }))
}

/**
 * Converted leads start new business; a later deal at an account that won
 * half a year ago is often its renewal; a few are projects.
 */
function choosePipeline(ctx: DemoContext, rng: Random, head: OpportunityHead, history: AccountHistory) {
  const { main, renewal, project } = ctx.pipelines
  const a = head.accountIndex
  if (head.leadIndex >= 0) return { pipeline: main, previousId: null }
  const renewable = history.renewableId[a]! > 0 && head.createdMs - history.renewableFromMs[a]! > 150 * DAY_MS
  if (renewal && renewable && rng.chance(0.7)) {
    const previousId = history.renewableId[a]!
    history.renewableId[a] = 0
    return { pipeline: renewal, previousId }
  }
  if (project && rng.chance(0.12)) return { pipeline: project, previousId: null }
  return { pipeline: main, previousId: null }
}

const MIN_CNY = 50_000
const MAX_CNY = 5_000_000
const CNY_PER_USD = 7.1
const productScale: Record<string, number> = { hardware: 1.5, erp: 1.3, crm: 1, services: 0.7, training: 0.3 }

/** 5万 to 500万 CNY, most deals in the low hundreds of thousands; foreign buyers mostly pay in USD. */
function dealMoney(rng: Random, lang: Lang, product: PicklistItem | null) {
  const raw = MIN_CNY * (MAX_CNY / MIN_CNY) ** (rng.next() ** 2) * (productScale[product?.value ?? ''] ?? 1)
  const clamped = Math.min(MAX_CNY, Math.max(MIN_CNY, raw))
  const step = clamped >= 1_000_000 ? 10_000 : 1_000
  const cny = Math.round(clamped / step) * step
  const usd = lang === 'en' && rng.chance(0.75)
  return { amount: usd ? Math.round(cny / CNY_PER_USD / 100) * 100 : cny, currency: usd ? 'USD' : 'CNY', cny }
}

interface Step {
  stage: Stage
  atMs: number
}

interface Walk {
  steps: Step[]
  /** The deal stopped moving long before the anchor and nobody closed it. */
  stalled: boolean
}

/**
 * Moves a deal forward through the open stages until it is won, lost, stalls,
 * or reaches the anchor. Now and then it skips a stage or steps back once.
 */
function walkStages(rng: Random, pipeline: DemoPipeline, createdMs: number, anchorMs: number, slowness: number): Walk {
  const { open } = pipeline
  const steps: Step[] = [{ stage: open[0]!, atMs: createdMs }]
  const stallAt = rng.chance(STALL_CHANCE) ? rng.int(0, open.length - 1) : -1
  let position = 0
  let movedBack = false
  while (position !== stallAt) {
    const atMs = officeMoment(rng, addDays(steps.at(-1)!.atMs, dwellDays(rng, open[position]!, slowness)))
    if (atMs > anchorMs) break
    // Deals are lost more often early on than once a quote is on the table.
    const lossChance = pipeline.lossRate * (1.2 - (0.4 * position) / Math.max(1, open.length - 1))
    if (rng.chance(lossChance)) {
      steps.push({ stage: pipeline.lost, atMs })
      break
    }
    if (!movedBack && position > 0 && rng.chance(BACK_CHANCE)) {
      position--
      movedBack = true
    } else {
      position += position < open.length - 1 && rng.chance(SKIP_CHANCE) ? 2 : 1
    }
    const stage = position < open.length ? open[position]! : pipeline.won
    steps.push({ stage, atMs })
    if (stage.kind === 'won') break
  }
  const last = steps.at(-1)!.stage
  return { steps, stalled: last.kind === 'open' && position === stallAt }
}

/** Days in a stage, around its rotting threshold; one stay in twelve drags on well past it. */
function dwellDays(rng: Random, stage: Stage, slowness: number): number {
  const typical = (stage.rottingDays ?? 14) * slowness * (0.5 + 2 * rng.next() ** 1.5)
  return Math.max(1, Math.round(rng.chance(0.08) ? typical * 2.5 : typical))
}

/** Follow-ups while the deal sat in each stage, one at each close, and a planned next contact if still open. */
function walkFollowUps(ctx: DemoContext, rng: Random, subject: Subject, pipeline: DemoPipeline, walk: Walk): SeedActivity[] {
  return walk.steps.flatMap((step, i) => {
    const phase = pipeline.phaseOf.get(step.stage.id)!
    if (step.stage.kind !== 'open') return [followUp(rng, subject, phase, step.atMs)]
    const next = walk.steps[i + 1]
    // The first talk and the current stage always have a follow-up; stages in between may not.
    const everyDays = FOLLOW_UP_EVERY_DAYS
    if (next) return followUpsBetween(rng, subject, phase, step.atMs, next.atMs, { everyDays, min: i === 0 ? 1 : 0 })
    const untilMs = walk.stalled ? Math.min(ctx.anchorMs, addDays(step.atMs, STALLED_TALK_DAYS)) : ctx.anchorMs
    return followUpsBetween(rng, subject, phase, step.atMs, untilMs, {
      everyDays,
      min: 1,
      nextAfter: (atMs) => nextFollowUpMs(ctx, rng, atMs, walk.stalled),
    })
  })
}

/**
 * A few days to three weeks after the last talk. Reps keep most live deals'
 * dates current, so only some lapse; a stalled deal's date just lapses.
 */
function nextFollowUpMs(ctx: DemoContext, rng: Random, lastTalkMs: number, stalled: boolean): number {
  const plannedMs = addDays(lastTalkMs, rng.int(3, 21))
  if (plannedMs >= ctx.anchorMs || stalled || rng.chance(0.4)) return plannedMs
  return addDays(ctx.anchorMs, rng.int(1, 10))
}

/** Some done tasks along the way, the open task behind the next follow-up, and after-sale or loss-review tasks. */
function walkTasks(
  ctx: DemoContext,
  rng: Random,
  subject: Subject,
  pipeline: DemoPipeline,
  walk: Walk,
  nextFollowUpDate: string | null,
): SeedTask[] {
  const tasks: SeedTask[] = []
  walk.steps.forEach((step, i) => {
    const phase = pipeline.phaseOf.get(step.stage.id)!
    const isLast = i === walk.steps.length - 1
    if (!isLast && rng.chance(0.2)) {
      tasks.push(task(rng, subject, phase, step.atMs, addDays(step.atMs, rng.int(1, 5)), ctx.anchorMs, 0.95))
    } else if (isLast && nextFollowUpDate !== null && rng.chance(0.85)) {
      tasks.push(task(rng, subject, phase, step.atMs, Date.parse(nextFollowUpDate), ctx.anchorMs, 0))
    } else if (isLast && step.stage.kind !== 'open' && rng.chance(step.stage.kind === 'won' ? 0.6 : 0.15)) {
      tasks.push(task(rng, subject, phase, step.atMs, addDays(step.atMs, rng.int(3, 14)), ctx.anchorMs, 0.9))
    }
  })
  return tasks
}

/** Planned close: the signing day for wins (give or take), otherwise a date kept roughly current. */
function expectedCloseMs(ctx: DemoContext, rng: Random, walk: Walk, createdMs: number, slowness: number): number {
  const final = walk.steps.at(-1)!
  if (final.stage.kind === 'won') return addDays(final.atMs, rng.int(-30, 14))
  const plannedMs = addDays(createdMs, Math.round(rng.int(30, 150) * slowness))
  const replanned = final.stage.kind === 'open' && plannedMs < ctx.anchorMs && !walk.stalled && rng.chance(0.75)
  return replanned ? addDays(ctx.anchorMs, rng.int(5, 90)) : plannedMs
}

function lossDetails(ctx: DemoContext, rng: Random, lang: Lang, values: Record<string, string>) {
  const lossReason = pickOrNull(rng, ctx.picks.lossReasons)
  const competitor = lossReason === LOST_TO_COMPETITOR ? rng.pick(competitors) : null
  const notes = lossNotes[lossReason ?? 'other'] ?? lossNotes.other!
  return { lossReason, competitor, lossNote: fill(rng.pick(notes[lang]), { ...values, competitor: competitor ?? '' }) }
}

function dealTags(ctx: DemoContext, rng: Random, id: number, cny: number, closing: boolean): SeedTagLink[] {
  const tags: SeedTagLink[] = []
  if (cny >= 1_000_000 && rng.chance(0.6)) tags.push(tagLink(ctx, 'bigDeal', 'opportunity', id))
  if (closing && cny >= 500_000 && rng.chance(0.3)) tags.push(tagLink(ctx, 'execSponsor', 'opportunity', id))
  return tags
}
