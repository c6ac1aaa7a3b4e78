import type { SearchGroup, SearchHit } from '../../../../../shared/methods/loop'

/** The hits in the order they are shown, so arrow keys can walk them across groups. */
export function flattenHits(groups: readonly SearchGroup[]): SearchHit[] {
  return groups.flatMap((group) => group.items)
}

/** The next highlighted position after an arrow key, wrapping at both ends. */
export function moveActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return 0
  return key === 'ArrowDown' ? (active + 1) % count : (active - 1 + count) % count
}
