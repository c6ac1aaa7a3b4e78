import { createHash } from 'node:crypto'
import { matchKey } from '../../../shared/coerce'
import { normalizeHeader } from './headers'

/**
 * Identifies a sheet layout by its headers, so a mapping saved for last
 * month's export applies to this month's. Order and required-markers do not
 * matter (columns get moved, templates gain 必填); units do, because
 * 金额（万元） and 金额（元） need different mappings.
 */
export function layoutFingerprint(headers: readonly string[]): string {
  const keys = headers
    .map((h) => normalizeHeader(h))
    .filter((h) => h.key !== '')
    .map((h) => [h.key, ...h.notes.map(matchKey)].join('|'))
  const canonical = [...new Set(keys)].sort().join('\n')
  return createHash('sha256').update(canonical).digest('hex').slice(0, 16)
}
