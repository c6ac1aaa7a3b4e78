import type { Database } from 'better-sqlite3'
import { customEachSql, shadowColumn } from '../customFields'
import { gridSources } from '../gridSources'
import { cachedStatement } from '../statementCache'
import { listRates } from './rates'

export type Bound = string | number | null

/** A piece of SQL with its bound values, kept together so that placeholders can never drift from their values. */
export interface Fragment {
  readonly text: string
  readonly params: readonly Bound[]
}

const isFragment = (value: unknown): value is Fragment =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && 'text' in value

/** Trusted SQL text (identifiers and expressions written in the store, never user values). */
export const raw = (text: string): Fragment => ({ text, params: [] })

/**
 * Tagged template: fragments are inlined, a value becomes `?`, a list of
 * values becomes `?, ?, …`, each bound in the order it appears.
 */
export function sql(strings: TemplateStringsArray, ...values: (Fragment | Bound | readonly Bound[])[]): Fragment {
  let text = strings[0]!
  const params: Bound[] = []
  values.forEach((value, i) => {
    if (isFragment(value)) {
      text += value.text
      params.push(...value.params)
    } else if (Array.isArray(value)) {
      text += value.map(() => '?').join(', ')
      params.push(...(value as readonly Bound[]))
    } else {
      text += '?'
      params.push(value as Bound)
    }
    text += strings[i + 1]!
  })
  return { text, params }
}

export function joinSql(parts: readonly Fragment[], separator: string): Fragment {
  return { text: parts.map((p) => p.text).join(separator), params: parts.flatMap((p) => p.params) }
}

// Statements are compiled once per connection: the dashboard runs the same two dozen on every refresh.
export function allRows<T>(db: Database, query: Fragment): T[] {
  return cachedStatement(db, query.text).all(...query.params) as T[]
}

/** Rows as arrays of their column values (cheaper than objects when there are thousands). */
export function rawRows<T extends unknown[]>(db: Database, query: Fragment): T[] {
  return cachedStatement(db, query.text).raw().all(...query.params) as T[]
}

/** The first column of every row (ids, days): a plain list of numbers, much cheaper than a row array each. */
export function pluckNumbers(db: Database, query: Fragment): number[] {
  return cachedStatement(db, query.text).pluck().all(...query.params) as number[]
}

export function oneRow<T>(db: Database, query: Fragment): T {
  return cachedStatement(db, query.text).get(...query.params) as T
}

/** The opportunity grid's own SQL for a column, so that a figure and its drill-down filter read the same thing. */
export const dealColumn = (key: keyof typeof gridSources.opportunity.columns): string => gridSources.opportunity.columns[key]!.expr

/**
 * The deals table under the grid's alias. The planner picks among the
 * covering analytics indexes itself: forcing one (INDEXED BY) made SQLite
 * refuse queries whose filters left that index unusable.
 */
export const deals = raw('opportunities o')

/**
 * SQLite's julianday() of an ISO timestamp, computed as SQLite does (whole
 * milliseconds from the Julian epoch, divided once), so it is the same double.
 */
export const julianDay = (iso: string): number => (Date.parse(iso) + 210_866_760_000_000) / 86_400_000

/**
 * The grid's own "stale" test, with the workspace clock's Julian day bound
 * once for the query instead of read and converted on every row.
 */
export function isRotting(now: string): Fragment {
  const parts = dealColumn('isRotting').split('julianday(wb_now())')
  return parts.length === 2 ? sql`${raw(parts[0]!)}${julianDay(now)}${raw(parts[1]!)}` : raw(dealColumn('isRotting'))
}

/** `expr IN (…)`, with a null in the list meaning blank: exactly how the grid compiles an `in` filter. */
export function inList(expr: string, values: readonly Bound[]): Fragment {
  const present = values.filter((v) => v !== null)
  const parts: Fragment[] = []
  if (present.length > 0) parts.push(sql`${raw(expr)} IN (${present})`)
  if (present.length < values.length) parts.push(raw(`${expr} IS NULL`))
  return parts.length > 0 ? sql`(${joinSql(parts, ' OR ')})` : raw('0')
}

/** Half-open range of calendar dates [from, until); either end may be open. */
export interface DateSpan {
  from: string | null
  until: string | null
}

/** Dates and ISO timestamps compare as text, so one range serves both. */
export function inSpan(expr: string, span: DateSpan): Fragment {
  const parts: Fragment[] = []
  if (span.from !== null) parts.push(sql`${raw(expr)} >= ${span.from}`)
  if (span.until !== null) parts.push(sql`${raw(expr)} < ${span.until}`)
  return parts.length > 0 ? joinSql(parts, ' AND ') : raw('1')
}

/** The term (true of every row) that qualifies a query for the analytics indexes of migration 005. */
export const analyticsRows = (alias: string) => `${alias}.version > 0`

/** Deals not in the trash, qualified for the analytics indexes. */
export const liveDeals = raw(`o.deleted_at IS NULL AND ${analyticsRows('o')}`)

/** What every chart is narrowed by; null means "not filtered". */
export interface Scope {
  ownerIds: readonly number[] | null
  sources: readonly (string | null)[] | null
  productLines: readonly (string | null)[] | null
  /** The account's region; a blank region also matches deals without an account. */
  regions: readonly (string | null)[] | null
  pipelineId: number | null
  /** Opportunity custom picklist fields, already checked against the live definitions. */
  custom: readonly CustomPick[] | null
  baseCurrency: string
}

/** A filter on a live custom picklist field of deals; multi-select fields match on any of their values. */
export interface CustomPick {
  key: string
  multi: boolean
  values: readonly (string | null)[]
}

/** `o`'s value of a custom picklist field within the listed values, as the grid's `in` filter reads it. */
function customPickIn(pick: CustomPick): Fragment {
  if (!pick.multi) return inList(`o.${shadowColumn(pick.key)}`, pick.values)
  const present = pick.values.filter((v) => v !== null)
  return present.length > 0 ? sql`EXISTS (SELECT 1 FROM ${raw(customEachSql('o', pick.key))} WHERE value IN (${present}))` : raw('0')
}

/** Live deals (alias `o`) within the scope. */
export function dealScope(scope: Scope): Fragment {
  const parts: Fragment[] = [liveDeals]
  if (scope.ownerIds) parts.push(inList(dealColumn('ownerId'), scope.ownerIds))
  if (scope.sources) parts.push(inList(dealColumn('source'), scope.sources))
  if (scope.productLines) parts.push(inList(dealColumn('productLine'), scope.productLines))
  if (scope.pipelineId !== null) parts.push(sql`${raw(dealColumn('pipelineId'))} = ${scope.pipelineId}`)
  for (const pick of scope.custom ?? []) parts.push(customPickIn(pick))
  if (scope.regions) {
    const blank = scope.regions.includes(null) ? raw(' OR o.account_id IS NULL') : raw('')
    parts.push(sql`(o.account_id IN (SELECT ra.id FROM accounts ra WHERE ${inList('ra.region', scope.regions)})${blank})`)
  }
  return joinSql(parts, ' AND ')
}

/**
 * The users a per-rep figure is read for, each once, as rows of `owner`: the
 * scope's owners, or every user, with a NULL row first for what nobody owns
 * when `unowned` (ids come as one JSON value, not a placeholder per id).
 */
export function ownerRows(ownerIds: readonly number[] | null, unowned: boolean): Fragment {
  if (ownerIds) return sql`SELECT DISTINCT value AS owner FROM json_each(${JSON.stringify(ownerIds)})`
  return raw(unowned ? 'SELECT NULL AS owner UNION ALL SELECT id FROM users' : 'SELECT id AS owner FROM users')
}

/** Whether the scope narrows the deals at all (beyond leaving out the trash). */
export const isNarrowed = (scope: Scope): boolean =>
  Boolean(scope.ownerIds || scope.sources || scope.productLines || scope.regions || scope.custom) || scope.pipelineId !== null

/**
 * A deal id column that must name a live deal within the scope. With nothing
 * to narrow by, only the (few) trashed deals are left out, which spares
 * reading every deal.
 */
export function dealIdIn(scope: Scope, column: string): Fragment {
  return isNarrowed(scope)
    ? sql`${raw(column)} IN (SELECT o.id FROM ${deals} WHERE ${dealScope(scope)})`
    : raw(`${column} NOT IN (SELECT id FROM opportunities WHERE deleted_at IS NOT NULL)`)
}

/**
 * What one unit of the currency in `column` is worth in the base currency,
 * from the rates in Settings: rates are kept against any one reference, so
 * dividing by the base's own rate makes the base worth 1, and a currency
 * without a rate counts at face value. Inlined as a CASE over the few rates
 * (the same doubles SQL would divide): a rate looked up row by row cost
 * more than the rest of a deal's figures.
 */
export function currencyFactor(db: Database, baseCurrency: string, column: string): Fragment {
  const rates = listRates(db)
  if (rates.length === 0) return raw('1')
  const base = rates.find((r) => r.currency === baseCurrency)?.rate ?? 1
  return sql`CASE ${raw(column)} ${joinSql(
    rates.map((r) => sql`WHEN ${r.currency} THEN ${r.rate / base}`),
    ' ',
  )} ELSE 1 END`
}

/** An amount column in the base currency, its currency read from `currency`. */
export const inBase = (db: Database, baseCurrency: string, amount: string, currency: string): Fragment =>
  sql`(${raw(amount)} * ${currencyFactor(db, baseCurrency, currency)})`

/** The deal's (`o`) amount in the base currency, 0 when blank. */
export const dealBaseAmount = (db: Database, scope: Scope): Fragment => sql`coalesce(${inBase(db, scope.baseCurrency, 'o.amount', 'o.currency')}, 0)`
