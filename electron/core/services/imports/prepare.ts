import { createHash } from 'node:crypto'
import type { z } from 'zod'
import {
  coerceForColumn,
  formatWallClock,
  isCellError,
  wallClockOfDate,
  type ColumnCoerced,
  type ColumnValue,
  type CoerceContext,
  type OptionItem,
  type PipelineRef,
  type RawValue,
  type UserRef,
} from '../../../../shared/coerce'
import { AccountInput, ContactInput, LeadInput, OpportunityInput, type PicklistItem } from '../../../../shared/entities'
import type { Currency, Locale } from '../../../../shared/enums'
import type { ColumnMapping, ImportEntity, ImportInspection, ImportIssueReason, TemplateColumn } from '../../../../shared/methods/imports'
import { AppError } from '../../errors'
import {
  defaultReadLimits,
  detectTable,
  importFailureMessage,
  layoutFingerprint,
  type CellValue,
  type DetectedTable,
  type ImportFailure,
  type ReadLimits,
  type SheetModel,
  type TableResult,
  type TableRow,
  type WorkbookModel,
} from '../../excel'
import { automaticMapping, explicitMapping, templateMapping, type ChosenMapping } from './mapping'
import { readForImport } from './read/readFile'
import { CUSTOM_PREFIX, enumOptions, findTarget, targetInfos, type Target } from './targets'
import { coerceCustomValue } from '../../../../shared/customValues'
import { customFieldOfTarget, customTargetInfos, withCustomTargets, type CustomFieldRef } from './customTargets'

/** What the workspace knows that reading a row needs: who its people are, its pipelines and lists. */
export interface Reference {
  readonly users: readonly UserRef[]
  readonly pipelines: readonly PipelineRef[]
  readonly picklists: readonly Pick<PicklistItem, 'listKey' | 'value' | 'labelZh' | 'labelEn'>[]
  /** The entity's custom fields: their columns are read by type; other `custom:` columns stay text. */
  readonly customFields?: readonly CustomFieldRef[]
}

export interface SavedLayout {
  readonly id: number
  readonly name: string
  readonly fingerprint: string | null
  readonly columns: readonly TemplateColumn[]
}

export interface PrepareRequest {
  readonly fileName: string
  readonly sheet?: string
  readonly entity: ImportEntity
  readonly mapping?: readonly ColumnMapping[]
  /** A template the person picked; otherwise one whose layout the file has, among `layouts`. */
  readonly template?: SavedLayout
  readonly layouts: readonly SavedLayout[]
  readonly dateOrder: 'mdy' | 'dmy'
  readonly onUnknown: 'error' | 'create'
  readonly reference: Reference
  /** Keep each row's cells as text, for the error-rows workbook. */
  readonly keepCells: boolean
  /** The language a refused file is explained in. */
  readonly locale: Locale
}

/** A problem with one cell (or, with a null column, the row). */
export interface DraftIssue {
  readonly column: string | null
  readonly value: string | null
  readonly reason: ImportIssueReason
}

/**
 * One data row read, coerced and checked as far as the file alone allows;
 * the core then matches it against the workspace.
 */
export interface RowDraft {
  /** The row number Excel shows. */
  readonly row: number
  /** Field → value (null for a blank cell), for every mapped field read without trouble. */
  readonly values: Record<string, ColumnValue>
  /** Field → the cell's text, where the workspace decides: the stage, and owners or picklist values to create. */
  readonly labels: Record<string, string>
  /** The currency the amount cell named (¥, US$, 美元 …). */
  currency: Currency | null
  readonly issues: DraftIssue[]
  readonly cells?: readonly (string | number | boolean | null)[]
}

export interface Prepared {
  readonly inspection: ImportInspection
  readonly mapping: ChosenMapping[]
  readonly fileHash: string
  readonly columnHeaders: readonly string[]
  readonly drafts: RowDraft[]
}

/** A cell as text a person would recognise, for samples and messages. */
export function displayValue(value: CellValue): string | null {
  if (value === null || value === undefined) return null
  if (value instanceof Date) return formatWallClock(wallClockOfDate(value))
  if (isCellError(value)) return value.error
  return String(value)
}

/** A file that cannot be imported, with the reader's reason in the person's language. */
export function refusal(failure: ImportFailure, locale: Locale): AppError {
  return new AppError('IMPORT_FILE_REFUSED', { reason: failure.code, message: importFailureMessage(failure.code, locale), detail: failure.detail })
}

/**
 * The most data rows one import takes. A 100k-row workbook imports in
 * seconds; a million-row sheet is refused at once (and read no further),
 * with the advice to split it.
 */
export const IMPORT_MAX_ROWS = 200_000

const importLimits: ReadLimits = { ...defaultReadLimits, maxDataRows: IMPORT_MAX_ROWS }

/** The sheet's table, or why it has none; a sheet over the row limit has none. */
function tableOf(sheet: SheetModel): TableResult {
  const detected = detectTable(sheet)
  if (detected.ok && detected.table.dataRows.length > IMPORT_MAX_ROWS) return { ok: false, failure: { code: 'TOO_MANY_ROWS', detail: sheet.name } }
  return detected
}

/**
 * The sheet asked for, or the first visible one holding a table: sheets
 * that are empty or have no header row are passed over (a blank first tab,
 * a cover page), but a header with no data below it is the answer itself.
 */
function chooseSheet(workbook: WorkbookModel, name: string | undefined, locale: Locale): { sheet: SheetModel; table: DetectedTable } {
  if (name !== undefined) {
    const sheet = workbook.sheets.find((s) => s.name === name)
    if (!sheet) throw new AppError('NOT_FOUND', { sheet: name, sheets: workbook.sheets.map((s) => s.name) })
    const detected = tableOf(sheet)
    if (!detected.ok) throw refusal(detected.failure, locale)
    return { sheet, table: detected.table }
  }
  const candidates = [...workbook.sheets.filter((s) => !s.hidden), ...workbook.sheets.filter((s) => s.hidden)]
  let firstFailure: ImportFailure | null = null
  for (const sheet of candidates) {
    const detected = tableOf(sheet)
    if (detected.ok) return { sheet, table: detected.table }
    if (detected.failure.code !== 'SHEET_EMPTY' && detected.failure.code !== 'NO_HEADER_ROW') throw refusal(detected.failure, locale)
    firstFailure ??= detected.failure
  }
  throw refusal(firstFailure ?? { code: 'SHEET_EMPTY' }, locale)
}

function chooseMapping(request: PrepareRequest, table: DetectedTable, fingerprint: string): { mapping: ChosenMapping[]; template: SavedLayout | null } {
  const columns = table.columns
  if (request.mapping) return { mapping: explicitMapping(request.entity, columns, request.mapping), template: null }
  const template = request.template ?? request.layouts.find((t) => t.fingerprint === fingerprint) ?? null
  if (template) return { mapping: templateMapping(request.entity, columns, template.columns), template }
  return { mapping: withCustomTargets(automaticMapping(request.entity, columns), request.reference.customFields), template: null }
}

/** A text cell an export protected with a leading apostrophe (='…) reads back as written. */
function unprotect(raw: RawValue): RawValue {
  return typeof raw === 'string' && /^'[=+\-@\t\r]/.test(raw) ? raw.slice(1) : raw
}

type CellReader = (raw: RawValue, draft: RowDraft) => void

const labelTypes: ReadonlySet<string> = new Set(['picklist', 'enum', 'user', 'pipeline'])

/** The field-level rules of each entity's input (every field optional), checked before anything else looks at the row. */
const fieldSchemas: Record<ImportEntity, z.ZodObject> = {
  opportunity: OpportunityInput.partial(),
  lead: LeadInput.partial(),
  account: AccountInput.partial(),
  contact: ContactInput.partial(),
}

/** Builds how one mapped column is read into a draft. */
function cellReader(target: Target, mapping: ChosenMapping, request: PrepareRequest, date1904: boolean): CellReader {
  const { reference, onUnknown } = request
  const header = mapping.header
  const fail = (draft: RowDraft, raw: RawValue, reason: ImportIssueReason) =>
    draft.issues.push({ column: header, value: displayValue(raw as CellValue), reason })
  const textLabel = (raw: RawValue) => (typeof raw === 'string' ? raw.trim() : String(raw))
  const field = customFieldOfTarget(reference.customFields, target.key)
  if (field) {
    const options = reference.picklists.filter((p) => p.listKey === field.picklistKey)
    const context = { date1904, dateOrder: request.dateOrder, users: reference.users, options }
    return (raw, draft) => {
      const result = coerceCustomValue(field.type, raw, context, 'cell')
      // Multi-select values are lists; the planner stores them in the record's custom values as they are.
      if (result.ok) draft.values[target.key] = result.value as ColumnValue
      else fail(draft, raw, result.reason)
    }
  }
  if (target.key.startsWith(CUSTOM_PREFIX) || target.key === 'stageId') {
    // Custom fields are kept as text; the stage is matched by the core, within the row's pipeline.
    return (raw, draft) => {
      const text = coerceForColumn('text', raw)
      if (!text.ok) return fail(draft, raw, text.reason)
      if (target.key === 'stageId') {
        if (text.value !== null) draft.labels.stageId = text.value as string
      } else draft.values[target.key] = text.value
    }
  }
  const context: CoerceContext = {
    date1904,
    dateOrder: request.dateOrder,
    unitMultiplier: mapping.unitMultiplier ?? 1,
    users: reference.users,
    pipelines: reference.pipelines,
    options: optionsFor(target, reference),
  }
  const creatable = onUnknown === 'create' && (target.type === 'user' || target.type === 'picklist')
  // Labels repeat down a column (the same few owners, sources, stages): match each text once.
  const memo = labelTypes.has(target.type) ? new Map<string, ColumnCoerced>() : null
  const coerce = (raw: RawValue): ColumnCoerced => {
    if (!memo || typeof raw !== 'string') return coerceForColumn(target.type, raw, context)
    let result = memo.get(raw)
    if (!result) memo.set(raw, (result = coerceForColumn(target.type, raw, context)))
    return result
  }
  return (raw, draft) => {
    const result = coerce(raw)
    if (result.ok) {
      draft.values[target.key] = result.value
      if (result.currency) draft.currency = result.currency
      return
    }
    if (creatable && (result.reason === 'USER_UNKNOWN' || result.reason === 'OPTION_UNKNOWN')) {
      draft.labels[target.key] = textLabel(raw)
      return
    }
    fail(draft, raw, result.reason)
  }
}

function optionsFor(target: Target, reference: Reference): readonly OptionItem[] {
  if (target.type === 'picklist') return reference.picklists.filter((p) => p.listKey === target.options)
  if (target.type === 'enum') return enumOptions(target.options)
  return []
}

/** Field-level rules (formats, lengths) on what the row says; a failing field is dropped with an issue. */
function checkFields(entity: ImportEntity, draft: RowDraft, headerOf: Map<string, string>): void {
  const schema = fieldSchemas[entity]
  const fields: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(draft.values)) if (key in schema.shape && value !== null) fields[key] = value
  const checked = schema.safeParse(fields)
  if (checked.success) return
  const bad = new Map<string, ImportIssueReason>()
  for (const issue of checked.error.issues) {
    const numeric = (issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number'
    bad.set(String(issue.path[0]), numeric ? 'VALUE_OUT_OF_RANGE' : 'VALUE_INVALID')
  }
  for (const [key, reason] of bad) {
    draft.issues.push({ column: headerOf.get(key) ?? null, value: fields[key] === undefined ? null : String(fields[key]), reason })
    delete draft.values[key]
  }
}

/** Rows are handed on in chunks, so neither side of the worker holds every draft twice. */
const CHUNK_ROWS = 5000

function readRows(
  request: PrepareRequest,
  table: DetectedTable,
  mapping: readonly ChosenMapping[],
  date1904: boolean,
  progress: PrepareProgress,
  onRows: (chunk: RowDraft[]) => void,
): void {
  const positions = new Map(table.columns.map((c, i) => [c.index, i]))
  const readers: { at: number; read: CellReader }[] = []
  const headerOf = new Map<string, string>()
  const order = new Map(mapping.map((m, i) => [m.header, i]))
  const byColumn = (a: DraftIssue, b: DraftIssue) => (order.get(a.column ?? '') ?? -1) - (order.get(b.column ?? '') ?? -1)
  for (const m of mapping) {
    const target = m.target === null ? null : findTarget(request.entity, m.target)
    if (!target) continue
    headerOf.set(target.key, m.header)
    readers.push({ at: positions.get(m.index)!, read: cellReader(target, m, request, date1904) })
  }
  // Each sheet row is let go once read: the rows handed on and the rows still to read never both hold the sheet.
  const rows = table.dataRows as (TableRow | undefined)[]
  const total = rows.length
  let chunk: RowDraft[] = []
  rows.forEach((dataRow, i) => {
    rows[i] = undefined
    if (!dataRow) return
    if (i % CHUNK_ROWS === 0 && i > 0) {
      progress('checking', i, total)
      onRows(chunk)
      chunk = []
    }
    const draft: RowDraft = {
      row: dataRow.rowIndex + 1,
      values: {},
      labels: {},
      currency: null,
      issues: [],
      cells: request.keepCells ? dataRow.values.map((v) => (v instanceof Date || isCellError(v) ? displayValue(v) : v)) : undefined,
    }
    for (const { at, read } of readers) read(unprotect(dataRow.values[at] as RawValue), draft)
    checkFields(request.entity, draft, headerOf)
    draft.issues.sort(byColumn)
    chunk.push(draft)
  })
  onRows(chunk)
}

function inspectionOf(
  request: PrepareRequest,
  workbook: WorkbookModel,
  sheet: SheetModel,
  table: DetectedTable,
  fingerprint: string,
  chosen: { mapping: ChosenMapping[]; template: SavedLayout | null },
): ImportInspection {
  const positions = new Map(table.columns.map((c, i) => [c.index, i]))
  const samples = (index: number) =>
    table.dataRows
      .slice(0, 5)
      .map((r) => displayValue(r.values[positions.get(index)!] ?? null))
      .filter((v): v is string => v !== null)
  return {
    fileName: request.fileName,
    format: workbook.format,
    encoding: workbook.text?.encoding ?? null,
    sheets: workbook.sheets.map((s) => ({ name: s.name, hidden: s.hidden })),
    sheet: sheet.name,
    headerRow: table.headerRowIndex + 1,
    dataRows: table.dataRows.length,
    columns: chosen.mapping.map((m) => ({ ...m, samples: samples(m.index) })),
    fingerprint,
    template: chosen.template && { id: chosen.template.id, name: chosen.template.name },
    targets: [...targetInfos(request.entity), ...customTargetInfos(request.reference.customFields)],
  }
}

export type PrepareProgress = (phase: 'reading' | 'checking', done: number, total: number) => void

/**
 * Reads the file and every row of its table, as far as the file alone
 * decides: the table, the mapping, each cell coerced, field formats checked.
 * Pure (no database), so it runs in a worker thread. With `onRows`, rows go
 * out in chunks as they are read and `drafts` stays empty.
 */
export async function prepareRows(
  bytes: Buffer,
  request: PrepareRequest,
  withRows: boolean,
  progress: PrepareProgress = () => {},
  onRows?: (chunk: RowDraft[]) => void,
): Promise<Prepared> {
  const { table, date1904, inspection, mapping } = await readTable(bytes, request, progress)
  const drafts: RowDraft[] = []
  if (withRows) {
    const total = table.dataRows.length
    readRows(request, table, mapping, date1904, progress, onRows ?? ((chunk) => drafts.push(...chunk)))
    progress('checking', total, total)
  }
  return {
    inspection,
    mapping,
    fileHash: createHash('sha256').update(bytes).digest('hex'),
    columnHeaders: table.columns.map((c) => c.header),
    drafts,
  }
}

/** The file's table and mapping; the whole workbook read is dropped on return, before rows are coerced. */
async function readTable(bytes: Buffer, request: PrepareRequest, progress: PrepareProgress) {
  const read = await readForImport(bytes, request.fileName, (fraction) => progress('reading', Math.round(fraction * 100), 100), importLimits)
  if (!read.ok) throw refusal(read.failure, request.locale)
  const { sheet, table } = chooseSheet(read.workbook, request.sheet, request.locale)
  const fingerprint = layoutFingerprint(table.columns.map((c) => c.header))
  const chosen = chooseMapping(request, table, fingerprint)
  const inspection = inspectionOf(request, read.workbook, sheet, table, fingerprint, chosen)
  return { table, date1904: read.workbook.date1904, inspection, mapping: chosen.mapping }
}
