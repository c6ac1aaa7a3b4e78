import type { WorkspaceStats } from '../../../../../shared/api'

/** A workspace with nothing to sell to yet: the moment to offer the demo. */
export function isEmptyWorkspace(stats: WorkspaceStats): boolean {
  const { opportunities, accounts, leads } = stats.counts
  return opportunities === 0 && accounts === 0 && leads === 0
}
