import type { ColumnType } from '../columns'
import type { Currency } from '../enums'
import { coerceAmount } from './amount'
import { cleanText, holdsCellError, isBlank, type RawValue } from './cell'
import { coerceDate, coerceDateTime, type DateOptions } from './date'
import { coerceBoolean } from './boolean'
import {
  matchOption,
  matchPipeline,
  matchStage,
  matchUser,
  type OptionItem,
  type PipelineRef,
  type StageRef,
  type UserRef,
} from './lookup'
import { coerceNumber } from './number'
import { coercePercent } from './percent'
import type { CoerceReason } from './reasons'
import { fail, ok, type Coerced } from './result'
import { formatWallClock, wallClockOfDate } from './wallClock'

/** What a column's coercion may need besides the value; each type reads only its own part. */
export interface CoerceContext extends DateOptions {
  /** currency: the column's unit, e.g. 10000 under 预计金额（万元）. */
  readonly unitMultiplier?: number
  /** picklist / enum: the list's items. */
  readonly options?: readonly OptionItem[]
  /** stage: the stages of the pipeline being imported into. */
  readonly stages?: readonly StageRef[]
  /** pipeline: the workspace's pipelines. */
  readonly pipelines?: readonly PipelineRef[]
  /** user: the workspace's members. */
  readonly users?: readonly UserRef[]
}

/** The stored form of a value: text, a number, an id, a date string, a flag — or null for "no value". */
export type ColumnValue = string | number | boolean | null

/** A currency column also reports the currency its cell named, for the record's currency field. */
export type ColumnCoerced =
  | { readonly ok: true; readonly value: ColumnValue; readonly currency?: Currency }
  | { readonly ok: false; readonly reason: CoerceReason }

/**
 * Text as a person sees it: numbers without exponent noise, booleans as
 * Excel prints them, date cells as dates.
 */
function coerceText(raw: RawValue): Coerced<string | null> {
  if (holdsCellError(raw)) return fail('CELL_ERROR')
  if (isBlank(raw)) return ok(null)
  if (typeof raw === 'string') return ok(cleanText(raw))
  if (typeof raw === 'number') return ok(Number.isInteger(raw) ? raw.toFixed(0) : String(raw))
  if (typeof raw === 'boolean') return ok(raw ? 'TRUE' : 'FALSE')
  if (raw instanceof Date) return ok(formatWallClock(wallClockOfDate(raw)))
  return fail('WRONG_KIND')
}

function coerceCurrency(raw: RawValue, context: CoerceContext): ColumnCoerced {
  const amount = coerceAmount(raw, context.unitMultiplier)
  if (!amount.ok) return amount
  if (amount.value === null) return ok(null)
  const { amount: value, currency } = amount.value
  return currency ? { ok: true, value, currency } : ok(value)
}

/** The contract's percentages (probability) are whole numbers. */
function coerceWholePercent(raw: RawValue): ColumnCoerced {
  const percent = coercePercent(raw)
  return percent.ok && percent.value !== null ? ok(Math.round(percent.value)) : percent
}

const coercers: Record<ColumnType, (raw: RawValue, context: CoerceContext) => ColumnCoerced> = {
  text: coerceText,
  account: coerceText,
  number: coerceNumber,
  currency: coerceCurrency,
  percent: coerceWholePercent,
  date: coerceDate,
  datetime: coerceDateTime,
  picklist: (raw, context) => matchOption(raw, context.options ?? []),
  enum: (raw, context) => matchOption(raw, context.options ?? []),
  stage: (raw, context) => matchStage(raw, context.stages ?? []),
  pipeline: (raw, context) => matchPipeline(raw, context.pipelines ?? []),
  user: (raw, context) => matchUser(raw, context.users ?? []),
  boolean: coerceBoolean,
}

/**
 * Coerces one cell for a column of the contract's type. The grid's paste in
 * the renderer and the import in the core both come through here, so a value
 * means the same wherever it is entered.
 */
export function coerceForColumn(type: ColumnType, raw: RawValue, context: CoerceContext = {}): ColumnCoerced {
  return coercers[type](raw, context)
}
