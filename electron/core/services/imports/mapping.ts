import type { ColumnMapping, ImportEntity, TemplateColumn } from '../../../../shared/methods/imports'
import { AppError } from '../../errors'
import { mapColumns, normalizeHeader, type HeaderColumn } from '../../excel'
import { computedColumns, findTarget, headerKey, targetsOf } from './targets'

/** A column's field with how surely it was chosen. */
export interface ChosenMapping extends ColumnMapping {
  readonly confidence: number
}

const unmapped = (column: HeaderColumn): ChosenMapping => ({
  index: column.index,
  header: column.header,
  target: null,
  unitMultiplier: null,
  currency: null,
  confidence: 0,
})

/**
 * Maps columns by their headers: first the headers that name one field
 * exactly (an export's record id, another system's key, the created date,
 * the pipeline) or a column an export computes (加权金额, 状态 …, left out),
 * then the zh/en synonyms for everything else.
 */
export function automaticMapping(entity: ImportEntity, columns: readonly HeaderColumn[]): ChosenMapping[] {
  const exact = new Map<string, string | null>()
  for (const target of targetsOf(entity)) for (const header of target.headers ?? []) exact.set(headerKey(header), target.key)
  for (const column of computedColumns(entity)) {
    exact.set(headerKey(column.labelZh), null)
    exact.set(headerKey(column.labelEn), null)
  }
  const chosen = new Map<number, ChosenMapping>()
  const taken = new Set<string>()
  for (const column of columns) {
    const key = normalizeHeader(column.header).key
    if (key === '' || !exact.has(key)) continue
    const target = exact.get(key)!
    if (target !== null && taken.has(target)) continue
    if (target !== null) taken.add(target)
    chosen.set(column.index, { ...unmapped(column), target, confidence: 1 })
  }
  const rest = columns.filter((c) => !chosen.has(c.index))
  for (const m of mapColumns(entity, rest)) {
    const target = m.target && !taken.has(m.target.key) ? m.target.key : null
    if (target) taken.add(target)
    chosen.set(m.index, {
      index: m.index,
      header: m.header,
      target,
      unitMultiplier: target ? m.unitMultiplier : null,
      currency: target ? m.currency : null,
      confidence: target ? m.confidence : 0,
    })
  }
  return columns.map((c) => chosen.get(c.index) ?? unmapped(c))
}

/**
 * A saved template applied by header: each column named in it takes the
 * template's field; a column the template does not know is mapped
 * automatically (a template saved before the column was added).
 */
export function templateMapping(entity: ImportEntity, columns: readonly HeaderColumn[], template: readonly TemplateColumn[]): ChosenMapping[] {
  const byHeader = new Map(template.map((t) => [normalizeHeader(t.header).key, t]))
  const automatic = new Map(automaticMapping(entity, columns.filter((c) => !byHeader.has(normalizeHeader(c.header).key))).map((m) => [m.index, m]))
  const taken = new Set(template.map((t) => t.target).filter((t): t is string => t !== null))
  return columns.map((column) => {
    const saved = byHeader.get(normalizeHeader(column.header).key)
    if (saved) return { index: column.index, header: column.header, target: saved.target, unitMultiplier: saved.unitMultiplier, currency: saved.currency, confidence: 1 }
    const auto = automatic.get(column.index)!
    return auto.target && taken.has(auto.target) ? unmapped(column) : auto
  })
}

/**
 * A mapping the person chose, checked against the file and the entity:
 * every column must exist, every field must exist, and no field may take
 * two columns. Columns it leaves out are not imported.
 */
export function explicitMapping(entity: ImportEntity, columns: readonly HeaderColumn[], mapping: readonly ColumnMapping[]): ChosenMapping[] {
  const byIndex = new Map(mapping.map((m) => [m.index, m]))
  const known = new Set(columns.map((c) => c.index))
  const problems: string[] = []
  for (const m of mapping) if (!known.has(m.index)) problems.push(`no column ${m.index}`)
  const seen = new Set<string>()
  for (const m of mapping) {
    if (m.target === null) continue
    if (!findTarget(entity, m.target)) problems.push(`no field ${m.target}`)
    if (seen.has(m.target)) problems.push(`${m.target} mapped twice`)
    seen.add(m.target)
  }
  if (problems.length > 0) throw new AppError('IMPORT_MAPPING_INVALID', { problems })
  return columns.map((column) => {
    const m = byIndex.get(column.index)
    return m ? { ...m, header: column.header, confidence: 1 } : unmapped(column)
  })
}

/** The template form of a mapping: by header, for the next file with this layout. */
export function templateColumnsOf(mapping: readonly ColumnMapping[]): TemplateColumn[] {
  return mapping.map(({ header, target, unitMultiplier, currency }) => ({ header, target, unitMultiplier, currency }))
}
