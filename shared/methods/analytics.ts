import { z } from 'zod'
import { Currency, GridEntity, StageKind } from '../enums'
import { Id, IsoDate, IsoDateTime } from '../primitives'
import { DatePreset, FilterOp, FilterValue } from '../query'
import { Empty, method } from './define'

/** 'YYYY-MM'. */
/** Years a sales calendar can mean; year 0000 and the like are typos, not weeks to review. */
const year = '(19|20|21)\\d{2}'
export const IsoMonth = z.string().regex(new RegExp(`^${year}-(0[1-9]|1[0-2])$`))
/** An ISO-8601 week, Monday to Sunday: '2026-W47'. */
export const IsoWeek = z.string().regex(new RegExp(`^${year}-W(0[1-9]|[1-4]\\d|5[0-3])$`))

/**
 * The dashboard's date range: a relative preset resolved against the
 * workspace clock, explicit calendar dates (both inclusive), or all time.
 * Each chart says which date it reads (created, closed, expected close…).
 */
export const AnalyticsPeriod = z.union([
  DatePreset,
  z.literal('all'),
  z
    .object({ from: IsoDate, to: IsoDate })
    .strict()
    .refine((range) => range.from <= range.to, { message: 'from must not be after to', path: ['to'] }),
])
export type AnalyticsPeriod = z.infer<typeof AnalyticsPeriod>

/** The dashboard opens on the current quarter. */
export const DEFAULT_ANALYTICS_PERIOD = 'thisQuarter' satisfies AnalyticsPeriod

const picks = z.array(z.string().max(100).nullable()).max(100)
const CustomFieldKey = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/)

/** Filters shared by every chart. A null in a list means "blank". */
export const AnalyticsFilters = z
  .object({
    period: AnalyticsPeriod.default(DEFAULT_ANALYTICS_PERIOD),
    ownerIds: z.array(Id).max(500).optional(),
    /** Owners whose `team` is this; combined with ownerIds when both are given. */
    team: z.string().trim().min(1).max(100).optional(),
    sources: picks.optional(),
    productLines: picks.optional(),
    /** The account's region. */
    regions: picks.optional(),
    pipelineId: Id.optional(),
    /**
     * Opportunity custom picklist fields (single or multi-select) by key: a deal
     * matches when its value (for multi-select, any of its values) is listed.
     * A null means blank (single picklists only). Deal figures are narrowed;
     * lead, customer and follow-up figures are not (those records have no such field).
     */
    custom: z.record(CustomFieldKey, picks.min(1)).optional(),
  })
  .strict()
export type AnalyticsFilters = z.infer<typeof AnalyticsFilters>

/** What a breakdown groups by: a built-in picklist of deals, or an opportunity custom picklist field `custom.<key>`. */
export const BreakdownField = z.union([
  z.enum(['source', 'productLine', 'region']),
  z.string().regex(/^custom\.[a-z][a-z0-9_]{0,39}$/),
])
export type BreakdownField = z.infer<typeof BreakdownField>

export const BreakdownInput = z.object({ filters: AnalyticsFilters.default({ period: DEFAULT_ANALYTICS_PERIOD }), field: BreakdownField }).strict()
export type BreakdownInput = z.infer<typeof BreakdownInput>

/**
 * How to open the rows behind a figure: the filters to hand to the named
 * grid's `*.list` method (whitelisted columns and ops only). Null where the
 * rows cannot be expressed with grid filters (history-based figures, or a
 * region filter, which the opportunity grid has no column for).
 */
export const Drill = z
  .object({
    entity: GridEntity,
    filters: z.array(z.object({ column: z.string(), op: FilterOp, value: FilterValue.optional() })),
  })
  .nullable()
export type Drill = z.infer<typeof Drill>

/** Every amount is in the base currency, converted at the rates set in Settings; both are named. */
export const MoneyBasis = z.object({
  currency: z.string(),
  rates: z.array(z.object({ currency: z.string(), rate: z.number() })),
})
export type MoneyBasis = z.infer<typeof MoneyBasis>

/** A resolved period, both ends inclusive; a null end is open (all time has both null). */
export const ResolvedPeriod = z.object({ from: IsoDate.nullable(), to: IsoDate.nullable() })
export type ResolvedPeriod = z.infer<typeof ResolvedPeriod>

const ReportHeader = { period: ResolvedPeriod, money: MoneyBasis }

const count = z.number().int().min(0)
const ratio = z.number().nullable()
/** A grouping key (user id, picklist value) with its name in the caller's language. */
const Keyed = { key: z.union([z.string(), z.number()]).nullable(), label: z.string() }

export const FunnelLayer = z.object({
  stageId: Id,
  pipelineId: Id,
  key: z.string(),
  label: z.string(),
  kind: StageKind,
  count,
  amount: z.number(),
  weightedAmount: z.number(),
  drill: Drill,
})
export type FunnelLayer = z.infer<typeof FunnelLayer>
/** Deals created in the period, by their current stage. */
export const Funnel = z.object({
  ...ReportHeader,
  layers: z.array(FunnelLayer),
  total: z.object({ count, amount: z.number(), weightedAmount: z.number(), drill: Drill }),
})
export type Funnel = z.infer<typeof Funnel>

export const ConversionStep = z.object({
  stageId: Id,
  pipelineId: Id,
  label: z.string(),
  nextStageId: Id,
  nextLabel: z.string(),
  /** Deals that first reached this stage (or, skipping it, a later one) in the period. */
  reached: count,
  /** Of those, how many have reached the next stage or beyond (won included), at any time. */
  advanced: count,
  /** Of those, how many are won now. */
  won: count,
  advancedRate: ratio,
  wonRate: ratio,
})
export const Conversion = z.object({ ...ReportHeader, steps: z.array(ConversionStep) })
export type Conversion = z.infer<typeof Conversion>

export const WinRateRow = z.object({
  ...Keyed,
  won: count,
  lost: count,
  wonAmount: z.number(),
  lostAmount: z.number(),
  /** won / (won + lost); null when nothing closed. */
  rateByCount: ratio,
  rateByAmount: ratio,
  drill: z.object({ won: Drill, lost: Drill, closed: Drill }),
})
export type WinRateRow = z.infer<typeof WinRateRow>
/** Deals closed (won or lost) in the period. */
export const WinRate = z.object({
  ...ReportHeader,
  overall: WinRateRow,
  byOwner: z.array(WinRateRow),
  bySource: z.array(WinRateRow),
  byProductLine: z.array(WinRateRow),
})
export type WinRate = z.infer<typeof WinRate>

/** Deals won in the period: size and days from creation to won. */
export const DealSize = z.object({
  ...ReportHeader,
  won: count,
  wonAmount: z.number(),
  averageAmount: z.number().nullable(),
  medianCycleDays: z.number().nullable(),
  averageCycleDays: z.number().nullable(),
  drill: Drill,
})
export type DealSize = z.infer<typeof DealSize>

export const DwellRow = z.object({
  stageId: Id,
  pipelineId: Id,
  label: z.string(),
  /** Completed stays in the stage that ended in the period. */
  stays: count,
  medianDays: z.number().nullable(),
  p80Days: z.number().nullable(),
  averageDays: z.number().nullable(),
})
export const Dwell = z.object({ ...ReportHeader, stages: z.array(DwellRow) })
export type Dwell = z.infer<typeof Dwell>

const CountAmount = z.object({ ...Keyed, count, amount: z.number(), drill: Drill })
export type CountAmount = z.infer<typeof CountAmount>

/** Open deals past their stage's rotting days now (the period does not apply). */
export const Stale = z.object({ ...ReportHeader, total: CountAmount, byOwner: z.array(CountAmount) })
export type Stale = z.infer<typeof Stale>

export const SourceRow = z.object({
  ...Keyed,
  /** Leads created in the period (the product-line and pipeline filters do not apply to leads). */
  leads: count,
  convertedLeads: count,
  /** Deals created in the period, and how many of them are won now. */
  opportunities: count,
  won: count,
  wonAmount: z.number(),
  winRate: ratio,
  drill: z.object({ leads: Drill, opportunities: Drill, won: Drill }),
})
export const Sources = z.object({ ...ReportHeader, rows: z.array(SourceRow) })
export type Sources = z.infer<typeof Sources>

export const LeaderboardRow = z.object({
  ...Keyed,
  /** Closed in the period. */
  won: count,
  wonAmount: z.number(),
  lost: count,
  winRate: ratio,
  /** Open now. */
  openCount: count,
  openAmount: z.number(),
  /** Follow-ups the rep logged in the period (on any record). */
  followUps: count,
  /** Open tasks assigned to the rep, due before today. */
  overdueTasks: count,
  drill: z.object({ won: Drill, open: Drill, followUps: Drill, overdueTasks: Drill }),
})
export const Leaderboard = z.object({ ...ReportHeader, rows: z.array(LeaderboardRow) })
export type Leaderboard = z.infer<typeof Leaderboard>

/** Deals lost in the period, by reason and by competitor. */
export const Losses = z.object({
  ...ReportHeader,
  total: CountAmount,
  byReason: z.array(CountAmount),
  byCompetitor: z.array(CountAmount),
})
export type Losses = z.infer<typeof Losses>

export const ForecastCategoryFigure = z.object({ count, amount: z.number(), weightedAmount: z.number(), drill: Drill })

export const ForecastMonth = z.object({
  month: IsoMonth,
  /** The owners' (or the team's) target for the month; null when none is set. */
  target: z.number().nullable(),
  won: z.object({ count, amount: z.number(), drill: Drill }),
  /** Open deals expected to close in the month, by forecast category (the deal's override, else its stage's). */
  commit: ForecastCategoryFigure,
  bestCase: ForecastCategoryFigure,
  pipeline: ForecastCategoryFigure,
  open: ForecastCategoryFigure,
  /** Of the open deals, those whose expected close date has already passed. */
  overdue: z.object({ count, amount: z.number() }),
  /** target − won, never below 0; null without a target. */
  remaining: z.number().nullable(),
  /** open amount / remaining; null without a remaining target. */
  coverage: ratio,
})
export type ForecastMonth = z.infer<typeof ForecastMonth>
/**
 * By expected close month: every whole month the period touches (all time:
 * every month with open deals' close dates or wins).
 */
export const Forecast = z.object({
  ...ReportHeader,
  months: z.array(ForecastMonth),
  total: ForecastMonth.omit({ month: true }),
  /** Every open deal whose expected close date is before today, whatever the period. */
  pastDue: z.object({ count, amount: z.number(), drill: Drill }),
})
export type Forecast = z.infer<typeof Forecast>

export const CollectionMonth = z.object({ month: IsoMonth, due: z.number(), received: z.number() })
/** Payment plans due and payments received per month of the period, and what is overdue today. */
export const Collections = z.object({
  ...ReportHeader,
  months: z.array(CollectionMonth),
  due: z.number(),
  received: z.number(),
  overdue: z.object({ amount: z.number(), contracts: count }),
})
export type Collections = z.infer<typeof Collections>

export const Repurchase = z.object({
  ...ReportHeader,
  /** Deals of the renewal pipeline closed in the period. */
  renewals: z.object({
    won: count,
    lost: count,
    wonAmount: z.number(),
    rate: ratio,
    drill: z.object({ won: Drill, lost: Drill }),
  }),
  /** Deals won in the period that follow an earlier deal (renewals and repurchases). */
  repeatWins: z.object({ count, amount: z.number() }),
  /** Accounts by lifecycle now: the share of customers who bought again. */
  customers: z.object({
    customers: count,
    repeatCustomers: count,
    share: ratio,
    drill: z.object({ customers: Drill, repeatCustomers: Drill }),
  }),
})
export type Repurchase = z.infer<typeof Repurchase>

/** One value of the breakdown field: the open pipeline now, and deals won and lost in the period. */
export const BreakdownRow = WinRateRow.extend({
  open: z.object({ count, amount: z.number(), weightedAmount: z.number(), drill: Drill }),
})
export type BreakdownRow = z.infer<typeof BreakdownRow>

/** Win rate and pipeline by the values of a picklist; a multi-select deal counts under each of its values. */
export const Breakdown = z.object({ ...ReportHeader, field: BreakdownField, label: z.string(), rows: z.array(BreakdownRow) })
export type Breakdown = z.infer<typeof Breakdown>

export const Dashboard = z.object({
  ...ReportHeader,
  funnel: Funnel,
  conversion: Conversion,
  winRate: WinRate,
  dealSize: DealSize,
  dwell: Dwell,
  stale: Stale,
  sources: Sources,
  leaderboard: Leaderboard,
  losses: Losses,
  forecast: Forecast,
  collections: Collections,
  repurchase: Repurchase,
})
export type Dashboard = z.infer<typeof Dashboard>

export const SnapshotKind = z.enum(['auto', 'manual'])
export const Snapshot = z.object({
  id: Id,
  takenAt: IsoDateTime,
  week: IsoWeek,
  kind: SnapshotKind,
  note: z.string().nullable(),
  dealCount: count,
  /** Open amount in the base currency at today's rates. */
  amount: z.number(),
})
export type Snapshot = z.infer<typeof Snapshot>

export const ChangeBucketKey = z.enum([
  'created',
  'reopened',
  'increased',
  'decreased',
  'won',
  'lost',
  'removed',
  'advanced',
  'movedBack',
  'pulledIn',
  'pushedOut',
])
export type ChangeBucketKey = z.infer<typeof ChangeBucketKey>

export const ChangedDeal = z.object({
  opportunityId: Id,
  name: z.string(),
  ownerName: z.string().nullable(),
  fromStage: z.string().nullable(),
  toStage: z.string().nullable(),
  fromAmount: z.number().nullable(),
  toAmount: z.number().nullable(),
  fromCloseDate: IsoDate.nullable(),
  toCloseDate: IsoDate.nullable(),
  /** What this deal adds to (or takes from) the bucket's amount. */
  amount: z.number(),
})
export type ChangedDeal = z.infer<typeof ChangedDeal>

export const ChangeBucket = z.object({
  key: ChangeBucketKey,
  label: z.string(),
  /** Flow buckets carry the old total to the new one; the others (stage and date moves) only describe. */
  flow: z.boolean(),
  count,
  /** Signed effect on the total for flows; the deals' amounts for the others. */
  amount: z.number(),
  deals: z.array(ChangedDeal),
})
export type ChangeBucket = z.infer<typeof ChangeBucket>

const SnapshotRef = z.object({ snapshotId: Id.nullable(), takenAt: IsoDateTime })

/** The open pipeline's waterfall from one snapshot to another (or to now). */
export const Changes = z.object({
  money: MoneyBasis,
  from: SnapshotRef,
  /** snapshotId null: the live pipeline. */
  to: SnapshotRef,
  startAmount: z.number(),
  endAmount: z.number(),
  startCount: count,
  endCount: count,
  buckets: z.array(ChangeBucket),
})
export type Changes = z.infer<typeof Changes>

export const ChangesQuery = AnalyticsFilters.omit({ period: true })
  .extend({
    /** Defaults to the latest snapshot taken before this week began ("since last week"). */
    fromSnapshotId: Id.optional(),
    /** Defaults to the live pipeline. */
    toSnapshotId: Id.optional(),
  })
  .strict()

export const SalesTarget = z.object({ month: IsoMonth, ownerId: Id.nullable(), amount: z.number().min(0) })
export type SalesTarget = z.infer<typeof SalesTarget>

export const CurrencyRates = z.object({
  baseCurrency: z.string(),
  /** Units of the base currency for one unit of each currency. */
  rates: z.array(z.object({ currency: Currency, rate: z.number().positive() })),
})
export type CurrencyRates = z.infer<typeof CurrencyRates>

export const WeeklyReviewInput = z
  .object({
    week: IsoWeek.optional(),
    ownerId: Id.optional(),
    /** Where to write the .xlsx (a path the user picked); without it the workbook comes back as base64. */
    file: z.string().min(1).max(4096).optional(),
    /** Without a file: write into the workspace's exports folder (which the web host downloads from) instead of returning base64. */
    toExportsFolder: z.boolean().optional(),
  })
  .strict()

export const WeeklyReviewResult = z.object({
  week: IsoWeek,
  file: z.string().nullable(),
  base64: z.string().nullable(),
  sheets: z.array(z.object({ name: z.string(), rows: count })),
})
export type WeeklyReviewResult = z.infer<typeof WeeklyReviewResult>

/** Manager analytics: one method per chart, the whole dashboard at once, snapshots, targets and rates. */
export const analyticsMethods = {
  'analytics.dashboard': method(AnalyticsFilters, Dashboard),
  'analytics.funnel': method(AnalyticsFilters, Funnel),
  'analytics.conversion': method(AnalyticsFilters, Conversion),
  'analytics.winRate': method(AnalyticsFilters, WinRate),
  'analytics.dealSize': method(AnalyticsFilters, DealSize),
  'analytics.dwell': method(AnalyticsFilters, Dwell),
  'analytics.stale': method(AnalyticsFilters, Stale),
  'analytics.sources': method(AnalyticsFilters, Sources),
  'analytics.leaderboard': method(AnalyticsFilters, Leaderboard),
  'analytics.losses': method(AnalyticsFilters, Losses),
  'analytics.forecast': method(AnalyticsFilters, Forecast),
  'analytics.collections': method(AnalyticsFilters, Collections),
  'analytics.repurchase': method(AnalyticsFilters, Repurchase),
  'analytics.breakdown': method(BreakdownInput, Breakdown),
  'analytics.changes': method(ChangesQuery, Changes),
  'analytics.weeklyReview': method(WeeklyReviewInput, WeeklyReviewResult),

  'snapshots.list': method(Empty, z.array(Snapshot)),
  'snapshots.take': method(z.object({ note: z.string().trim().max(200).optional() }).strict(), Snapshot),

  'targets.list': method(
    z.object({ from: IsoMonth.optional(), to: IsoMonth.optional() }).strict(),
    z.array(SalesTarget),
  ),
  /** Sets (or, with amount null, clears) targets; returns every target of the months touched. */
  'targets.set': method(
    z
      .object({
        rows: z
          .array(z.object({ month: IsoMonth, ownerId: Id.nullable(), amount: z.number().finite().min(0).max(1e15).nullable() }).strict())
          .min(1)
          .max(5000),
      })
      .strict(),
    z.array(SalesTarget),
  ),

  'currencyRates.get': method(Empty, CurrencyRates),
  'currencyRates.update': method(
    z
      .object({
        rates: z
          .array(z.object({ currency: Currency, rate: z.number().finite().positive().max(1e9) }).strict())
          .min(1)
          .max(50),
      })
      .strict(),
    CurrencyRates,
  ),
} as const
