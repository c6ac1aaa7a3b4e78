import type {
  ColumnMapping,
  ImportInspection,
  ImportTargetInfo,
  InspectedColumn,
  MappingTemplate,
} from '../../../../../shared/methods/imports'

/** The mapping the core proposed (a recognised template, or its automatic guess), as the wizard edits it. */
export function mappingOf(columns: readonly InspectedColumn[]): ColumnMapping[] {
  return columns.map(plain)
}

const plain = ({ index, header, target, unitMultiplier, currency }: InspectedColumn): ColumnMapping => ({ index, header, target, unitMultiplier, currency })

const headerKey = (header: string) => header.trim().toLowerCase()

/**
 * A saved template laid over the file's columns by header (not position, so
 * moved columns still fit), as the core applies one: a column the template
 * does not name keeps the core's proposal unless the template took its field.
 */
export function applyTemplate(columns: readonly InspectedColumn[], template: MappingTemplate): ColumnMapping[] {
  const byHeader = new Map(template.columns.map((c) => [headerKey(c.header), c]))
  const taken = new Set(template.columns.map((c) => c.target).filter((target) => target !== null))
  return columns.map((column) => {
    const saved = byHeader.get(headerKey(column.header))
    if (saved) return { index: column.index, header: column.header, target: saved.target, unitMultiplier: saved.unitMultiplier, currency: saved.currency }
    const proposed = plain(column)
    return proposed.target !== null && taken.has(proposed.target) ? { ...proposed, target: null, unitMultiplier: null, currency: null } : proposed
  })
}

/** Targets that more than one column fills. */
export function repeatedTargets(mapping: readonly ColumnMapping[]): string[] {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  for (const { target } of mapping) {
    if (target === null) continue
    if (seen.has(target)) repeated.add(target)
    seen.add(target)
  }
  return [...repeated]
}

/** Required fields no column fills (the opportunity's name may come from account and product instead). */
export function missingRequired(mapping: readonly ColumnMapping[], targets: readonly ImportTargetInfo[]): ImportTargetInfo[] {
  const mapped = new Set(mapping.map((m) => m.target))
  return targets.filter((t) => t.required && !mapped.has(t.key))
}

/** Replaces one column's mapping; amount settings are dropped when the column stops being an amount. */
export function withColumn(mapping: readonly ColumnMapping[], index: number, patch: Partial<ColumnMapping>): ColumnMapping[] {
  return mapping.map((m) => {
    if (m.index !== index) return m
    const next = { ...m, ...patch }
    return next.target === 'amount' ? next : { ...next, unitMultiplier: null, currency: null }
  })
}

/** A custom-field target named after the header, when the header can be one. */
export function customTargetOf(header: string): string | null {
  const name = header.replace(/[\r\n]+/g, ' ').trim().slice(0, 64)
  return name ? `custom:${name}` : null
}

/** The first rows of the sheet as the wizard shows them: one array of cell texts per row. */
export function sampleRows(inspection: ImportInspection, limit = 5): string[][] {
  const depth = Math.min(limit, Math.max(0, ...inspection.columns.map((c) => c.samples.length)))
  return Array.from({ length: depth }, (_, row) => inspection.columns.map((c) => c.samples[row] ?? ''))
}
