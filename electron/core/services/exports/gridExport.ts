import path from 'node:path'
import type { CallMeta } from '../../../../shared/api'
import { customFieldKeyOf, type ColumnDef } from '../../../../shared/columns'
import type { GridEntity, Locale } from '../../../../shared/enums'
import { EnumLabels, type GridExport } from '../../../../shared/methods/exports'
import { RECORD_ID_HEADER, type WrittenFile } from '../../../../shared/methods/imports'
import type { WindowQuery } from '../../../../shared/query'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { writeWorkbook, type SheetColumn } from '../../excel/write'
import { listPicklists, listPipelines, listStages, listUsers } from '../../store/reference'
import { getView } from '../../store/views'
import { runWindowQuery } from '../../store/windowQuery'
import { gridColumns } from '../config/columns'
import { queryContext } from '../grid'
import { writeCsv } from './csv'
import { outputPath } from './files'

/** Rows read from the store per window: the grid's own window size. */
const WINDOW = 500

const entityNames: Record<GridEntity, Record<Locale, string>> = {
  opportunity: { 'zh-CN': '商机', en: 'Opportunities' },
  lead: { 'zh-CN': '线索', en: 'Leads' },
  account: { 'zh-CN': '客户', en: 'Accounts' },
  contact: { 'zh-CN': '联系人', en: 'Contacts' },
  activity: { 'zh-CN': '跟进记录', en: 'Activities' },
  task: { 'zh-CN': '任务', en: 'Tasks' },
}

/** The id column an import matches rows back to records by. */
const ID_KEY = '__id'

/** The query, columns and name of the grid as shown: explicit settings first, then the saved view's. */
function gridAsShown(core: Core, input: GridExport) {
  const view = input.viewId === undefined ? undefined : getView(core.db, input.viewId)
  if (input.viewId !== undefined && (!view || view.entity !== input.entity)) throw new AppError('NOT_FOUND', { viewId: input.viewId })
  // Built-in columns and the entity's custom fields (custom.<key>), as the grid offers them.
  const all: readonly ColumnDef[] = gridColumns(core, input.entity).map((c) => ({ ...c, options: c.options ?? undefined }))
  const byKey = new Map(all.map((c) => [c.key, c]))
  const viewColumns = view?.state.columns.filter((c) => !c.hidden).map((c) => c.key) ?? []
  const keys: readonly string[] = input.columns ?? (viewColumns.length > 0 ? viewColumns : all.map((c) => c.key))
  const unknown = keys.filter((k) => !byKey.has(k))
  if (unknown.length > 0) throw new AppError('UNKNOWN_COLUMN', { entity: input.entity, columns: unknown })
  const query: Omit<WindowQuery, 'offset' | 'limit'> = {
    filters: input.filters ?? view?.state.filters ?? [],
    sort: input.sort ?? view?.state.sort ?? [],
    search: input.search ?? view?.state.search,
  }
  return { query, columns: keys.map((k) => byKey.get(k)!), title: view?.name ?? null }
}

/** Turns ids and codes into what the grid shows: stage and owner names, picklist and enum labels. */
function displayer(core: Core, locale: Locale) {
  const en = locale === 'en'
  const stages = new Map(listStages(core.db).map((s) => [s.id, en ? s.nameEn : s.nameZh]))
  const pipelines = new Map(listPipelines(core.db).map((p) => [p.id, en ? p.nameEn : p.nameZh]))
  const users = new Map(listUsers(core.db).map((u) => [u.id, u.name]))
  const picks = new Map(listPicklists(core.db).map((p) => [`${p.listKey}|${p.value}`, en ? p.labelEn : p.labelZh]))
  return (column: ColumnDef, value: unknown): unknown => {
    if (value === null || value === undefined) return null
    switch (column.type) {
      case 'stage':
        return stages.get(value as number) ?? value
      case 'pipeline':
        return pipelines.get(value as number) ?? value
      case 'user':
        return users.get(value as number) ?? value
      case 'picklist':
        return picks.get(`${column.options}|${value}`) ?? value
      case 'text':
        // A multi-select custom field: its values' labels, as the grid shows them.
        return Array.isArray(value) ? value.map((v) => picks.get(`${column.options}|${v}`) ?? v).join(', ') : value
      case 'enum': {
        const label = EnumLabels[column.options ?? '']?.[String(value)]
        return label ? (en ? label.en : label.zh) : value
      }
      default:
        return value
    }
  }
}

/** A row's value for a column; custom fields live in the row's `custom` object. */
function cellOf(row: Record<string, unknown>, key: string): unknown {
  const fieldKey = customFieldKeyOf(key)
  return fieldKey === null ? row[key] : (row.custom as Record<string, unknown> | undefined)?.[fieldKey]
}

/** Every row the query selects, a window at a time, so the export never holds the table. */
function* windows(core: Core, entity: GridEntity, query: Omit<WindowQuery, 'offset' | 'limit'>, meta: CallMeta, onWindow: (done: number) => void) {
  const ctx = queryContext(core, meta)
  for (let offset = 0; ; offset += WINDOW) {
    const { rows } = runWindowQuery<Record<string, unknown>>(core.db, entity, { ...query, offset, limit: WINDOW, withTotal: false }, ctx)
    onWindow(offset + rows.length)
    yield* rows
    if (rows.length < WINDOW) return
  }
}

/**
 * Writes a grid as it is shown (filters, sort, search, visible columns in
 * their order) to .xlsx or .csv, with the record id in a first, hidden
 * column so that the sheet, edited and imported back with the update
 * policy, changes exactly what was edited.
 */
export async function exportGrid(core: Core, input: GridExport, meta: CallMeta): Promise<WrittenFile> {
  const { query, columns, title } = gridAsShown(core, input)
  const show = displayer(core, meta.locale)
  const en = meta.locale === 'en'
  const sheetColumns: SheetColumn[] = [
    { key: ID_KEY, header: RECORD_ID_HEADER, type: 'number', hidden: true, width: 10 },
    ...columns.map((c) => ({
      key: c.key,
      header: en ? c.labelEn : c.labelZh,
      type: c.type,
      width: Math.round(c.width / 7),
      currency: c.type === 'currency' ? { field: '__currency' } : undefined,
    })),
  ]
  const total = runWindowQuery(core.db, input.entity, { ...query, offset: 0, limit: 1, withTotal: true }, queryContext(core, meta)).total ?? 0
  const report = (done: number) => input.jobId && core.events.emit('progress', { jobId: input.jobId, phase: 'exporting', done, total })
  let count = 0
  const rows = (function* () {
    for (const row of windows(core, input.entity, query, meta, report)) {
      const shown: Record<string, unknown> = { [ID_KEY]: row.id, __currency: row.currency }
      for (const c of columns) shown[c.key] = show(c, cellOf(row, c.key))
      count++
      yield shown
    }
  })()
  const name = title ?? entityNames[input.entity][meta.locale]
  const file = outputPath(core, input.outPath, name, input.format)
  if (input.format === 'csv') await writeCsv(sheetColumns, rows, file)
  else await writeWorkbook([{ name, columns: sheetColumns, rows }], file)
  return { path: file, fileName: path.basename(file), rows: count }
}
