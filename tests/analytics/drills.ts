import type { Dashboard, Drill } from '../../shared/methods/analytics'
import type { TestWorkspace } from '../helpers/workspace'

export interface DrillPair {
  path: string
  count: number
  drill: NonNullable<Drill>
}

/** Every figure of the dashboard that names a count, with the drill-down that should open exactly that many rows. */
export function drillPairs(d: Dashboard): DrillPair[] {
  const pairs: DrillPair[] = []
  const add = (path: string, count: number, drill: Drill) => {
    if (drill) pairs.push({ path, count, drill })
  }
  d.funnel.layers.forEach((l) => add(`funnel.${l.key}.${l.stageId}`, l.count, l.drill))
  add('funnel.total', d.funnel.total.count, d.funnel.total.drill)
  for (const [group, rows] of Object.entries({ overall: [d.winRate.overall], owner: d.winRate.byOwner, source: d.winRate.bySource, product: d.winRate.byProductLine })) {
    for (const r of rows) {
      add(`winRate.${group}.${r.key}.won`, r.won, r.drill.won)
      add(`winRate.${group}.${r.key}.lost`, r.lost, r.drill.lost)
      add(`winRate.${group}.${r.key}.closed`, r.won + r.lost, r.drill.closed)
    }
  }
  add('dealSize', d.dealSize.won, d.dealSize.drill)
  for (const r of [d.stale.total, ...d.stale.byOwner]) add(`stale.${r.key}`, r.count, r.drill)
  for (const r of d.sources.rows) {
    add(`sources.${r.key}.leads`, r.leads, r.drill.leads)
    add(`sources.${r.key}.opportunities`, r.opportunities, r.drill.opportunities)
    add(`sources.${r.key}.won`, r.won, r.drill.won)
  }
  for (const r of d.leaderboard.rows) {
    add(`leaderboard.${r.key}.won`, r.won, r.drill.won)
    add(`leaderboard.${r.key}.open`, r.openCount, r.drill.open)
    add(`leaderboard.${r.key}.followUps`, r.followUps, r.drill.followUps)
    add(`leaderboard.${r.key}.overdueTasks`, r.overdueTasks, r.drill.overdueTasks)
  }
  for (const r of [d.losses.total, ...d.losses.byReason]) add(`losses.reason.${r.key}`, r.count, r.drill)
  for (const r of d.losses.byCompetitor) add(`losses.competitor.${r.key}`, r.count, r.drill)
  for (const m of [...d.forecast.months, { month: 'total', ...d.forecast.total }]) {
    add(`forecast.${m.month}.won`, m.won.count, m.won.drill)
    for (const key of ['commit', 'bestCase', 'pipeline', 'open'] as const) add(`forecast.${m.month}.${key}`, m[key].count, m[key].drill)
  }
  add('forecast.pastDue', d.forecast.pastDue.count, d.forecast.pastDue.drill)
  add('repurchase.renewals.won', d.repurchase.renewals.won, d.repurchase.renewals.drill.won)
  add('repurchase.renewals.lost', d.repurchase.renewals.lost, d.repurchase.renewals.drill.lost)
  add('repurchase.customers', d.repurchase.customers.customers, d.repurchase.customers.drill.customers)
  add('repurchase.repeatCustomers', d.repurchase.customers.repeatCustomers, d.repurchase.customers.drill.repeatCustomers)
  return pairs
}

const listMethods = {
  opportunity: 'opportunities.list',
  lead: 'leads.list',
  account: 'accounts.list',
  activity: 'activities.list',
  task: 'tasks.list',
  contact: 'contacts.list',
} as const

/** Every row a drill-down opens, through the grid's own list method, a window at a time. */
type GridRow = { id: number; name?: string }

export async function rowsOf(ws: TestWorkspace, drill: Drill): Promise<GridRow[]> {
  if (!drill) throw new Error('no drill-down')
  const rows: GridRow[] = []
  for (let offset = 0; ; offset += 500) {
    const page = await ws.raw(listMethods[drill.entity], { filters: drill.filters, offset, limit: 500 })
    if (!page.ok) throw new Error(JSON.stringify(page.error))
    const window = page.value as { rows: GridRow[] }
    rows.push(...window.rows)
    if (window.rows.length < 500) return rows
  }
}

/** How many rows a drill-down opens, counted by the grid's own list method. */
export async function countOf(ws: TestWorkspace, drill: NonNullable<Drill>): Promise<number> {
  const page = await ws.raw(listMethods[drill.entity], { filters: drill.filters, limit: 1 })
  if (!page.ok) throw new Error(JSON.stringify(page.error))
  return (page.value as { total: number }).total
}
