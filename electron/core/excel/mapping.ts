import type { Currency } from '../../../shared/enums'
import { currencyPrefix, currencySuffix, foldWidth, unitMagnitude } from '../../../shared/coerce'
import { concepts, importTargets, type Concept, type ImportEntity, type ImportTarget } from './fields'
import { normalizeHeader, type NormalizedHeader } from './headers'

interface CompiledSynonym {
  readonly header: NormalizedHeader
  readonly weight: number
  /** Chinese words match by key; Latin ones by whole words. */
  readonly latin: boolean
}

function compile(synonym: string | readonly [string, number]): CompiledSynonym {
  const [text, weight] = typeof synonym === 'string' ? [synonym, 1] : synonym
  return { header: normalizeHeader(text), weight, latin: /^[\x20-\x7e]*$/.test(text) }
}

const compiled = {} as Record<Concept, readonly CompiledSynonym[]>
for (const concept of Object.keys(concepts) as Concept[]) compiled[concept] = concepts[concept].map(compile)

/** Below this a header is not taken to name the field at all. */
const minimumScore = 0.45

/**
 * How surely `header` names what `synonym` names. Equal is sure. Otherwise
 * only a synonym that ends the header counts: Chinese and English compounds
 * put the thing last, so 主联系电话 and "Opportunity Owner" are a phone and an
 * owner, while 客户级别 (a level *of* the customer) is not a customer.
 */
function synonymScore(header: NormalizedHeader, synonym: CompiledSynonym): number {
  const { key, words } = synonym.header
  if (header.key === '' || key === '') return 0
  if (header.key === key) return synonym.weight
  let coverage = 0
  if (synonym.latin) {
    const tail = header.words.slice(-words.length)
    if (header.words.length > words.length && tail.every((w, i) => w === words[i])) coverage = words.length / header.words.length
  } else if (key.length >= 2 && header.key.endsWith(key)) coverage = key.length / header.key.length
  return coverage === 0 ? 0 : synonym.weight * 0.8 * (0.5 + 0.5 * coverage)
}

function conceptScore(header: NormalizedHeader, concept: Concept): number {
  return Math.max(0, ...compiled[concept].map((s) => synonymScore(header, s)))
}

/** Whether a cell reads like the header of some field of any entity: the header row finder's strongest clue. */
export function namesAField(text: string): boolean {
  const header = normalizeHeader(text)
  return (Object.keys(compiled) as Concept[]).some((concept) => conceptScore(header, concept) >= minimumScore)
}

export interface HeaderColumn {
  /** Column index in the sheet. */
  readonly index: number
  readonly header: string
}

export interface ColumnMapping {
  readonly index: number
  readonly header: string
  /** The field the column fills, or null to leave it out. */
  readonly target: ImportTarget | null
  /** 0–1: 1 for an exact synonym, less for a looser word or a partial match. */
  readonly confidence: number
  /** The unit the header names for an amount, e.g. 10000 for 预计金额（万元）; null when none. */
  readonly unitMultiplier: number | null
  /** The currency the header names for an amount, e.g. USD for 金额（美元）. */
  readonly currency: Currency | null
}

function amountUnit(header: NormalizedHeader): Pick<ColumnMapping, 'unitMultiplier' | 'currency'> {
  let unitMultiplier: number | null = null
  let currency: Currency | null = null
  for (const note of header.notes) {
    const compact = foldWidth(note).replace(/\s+/g, '')
    unitMultiplier ??= unitMagnitude(compact)
    currency ??= (currencySuffix(compact) ?? currencyPrefix(compact))?.currency ?? null
  }
  return { unitMultiplier, currency }
}

/**
 * Maps a sheet's columns to an entity's fields by their headers, in Chinese
 * or English. Each field takes at most one column, the one that names it most
 * surely (the earlier column on a tie: 主联系电话 before 第二联系电话), and
 * columns that name nothing map to null for the person to decide.
 */
export function mapColumns(entity: ImportEntity, columns: readonly HeaderColumn[]): ColumnMapping[] {
  const targets = importTargets(entity)
  const headers = columns.map((c) => normalizeHeader(c.header))
  const candidates = columns.flatMap((column, i) =>
    targets.map(({ target, concepts: names }) => ({
      column: column.index,
      target,
      score: Math.max(...names.map((concept) => conceptScore(headers[i]!, concept))),
    })),
  )
  candidates.sort((a, b) => b.score - a.score || a.column - b.column)
  const chosen = new Map<number, { target: ImportTarget; score: number }>()
  const taken = new Set<string>()
  for (const { column, target, score } of candidates) {
    if (score < minimumScore || chosen.has(column) || taken.has(target.key)) continue
    chosen.set(column, { target, score })
    taken.add(target.key)
  }
  return columns.map((column, i) => {
    const pick = chosen.get(column.index)
    const unit = pick?.target.type === 'currency' ? amountUnit(headers[i]!) : { unitMultiplier: null, currency: null }
    return {
      index: column.index,
      header: column.header,
      target: pick?.target ?? null,
      confidence: pick ? Number(pick.score.toFixed(2)) : 0,
      ...unit,
    }
  })
}
