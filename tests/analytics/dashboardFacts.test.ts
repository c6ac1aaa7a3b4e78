import { describe, expect, it } from 'vitest'
import type { AnalyticsFilters, Dashboard } from '../../shared/methods/analytics'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

/**
 * The figures that read narrow facts (first arrivals, first unpaid due dates,
 * follow-ups by rep) against the same figures counted naively from the
 * records themselves, on the demo and after writes that move those facts.
 */

type Row = Record<string, unknown>

const all = (ws: TestWorkspace, query: string, ...params: unknown[]) => ws.core.db.prepare(query).all(...params) as Row[]

/** The period's half-open span as the dashboard resolved it. */
const spanOf = (d: Dashboard) => ({
  from: d.period.from ?? '0000',
  until: d.period.to === null ? '9999' : new Date(Date.parse(`${d.period.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10),
})

/** Per contract of a live deal: everything due before today less everything received, counted when positive; in CNY. */
function naiveOverdue(ws: TestWorkspace, today: string) {
  const rates = new Map(all(ws, 'SELECT currency, rate FROM currency_rates').map((r) => [r.currency as string, r.rate as number]))
  const base = rates.get('CNY') ?? 1
  let amount = 0
  let contracts = 0
  for (const c of all(ws, `SELECT c.id, c.currency FROM contracts c JOIN opportunities o ON o.id = c.opportunity_id
      WHERE c.deleted_at IS NULL AND o.deleted_at IS NULL`)) {
    const due = all(ws, 'SELECT amount FROM payment_plans WHERE contract_id = ? AND due_date < ?', c.id, today).reduce((n, r) => n + (r.amount as number), 0)
    const received = all(ws, 'SELECT amount FROM payments WHERE contract_id = ?', c.id).reduce((n, r) => n + (r.amount as number), 0)
    if (due - received > 0.005) {
      amount += (due - received) * ((rates.get(c.currency as string) ?? base) / base)
      contracts++
    }
  }
  return { amount, contracts }
}

/** Per conversion step: live deals that first reached the stage in the span, those that ever reached the next one, those won now. */
function naiveConversion(ws: TestWorkspace, d: Dashboard, ownerIds: number[] | null) {
  const { from, until } = spanOf(d)
  return d.conversion.steps.map((step) => {
    const deals = all(
      ws,
      `SELECT r.opportunity_id AS id, s.kind, o.owner_id AS owner,
         EXISTS (SELECT 1 FROM stage_reach n WHERE n.opportunity_id = r.opportunity_id AND n.stage_id = ?) AS advanced
       FROM stage_reach r JOIN opportunities o ON o.id = r.opportunity_id JOIN stages s ON s.id = o.stage_id
       WHERE r.stage_id = ? AND r.reached_at >= ? AND r.reached_at < ? AND o.deleted_at IS NULL`,
      step.nextStageId,
      step.stageId,
      from,
      until,
    ).filter((r) => ownerIds === null || ownerIds.includes(r.owner as number))
    return {
      stageId: step.stageId,
      reached: deals.length,
      advanced: deals.filter((r) => r.advanced === 1).length,
      won: deals.filter((r) => r.kind === 'won').length,
    }
  })
}

function naiveFollowUps(ws: TestWorkspace, d: Dashboard) {
  const { from, until } = spanOf(d)
  const rows = all(ws, 'SELECT owner_id, count(*) AS n FROM activities WHERE deleted_at IS NULL AND occurred_at >= ? AND occurred_at < ? GROUP BY 1', from, until)
  return new Map(rows.map((r) => [r.owner_id as number | null, r.n as number]))
}

function naiveFunnel(ws: TestWorkspace, d: Dashboard, ownerIds: number[] | null) {
  const { from, until } = spanOf(d)
  const counts = new Map<number, number>()
  for (const r of all(ws, 'SELECT stage_id, owner_id FROM opportunities WHERE deleted_at IS NULL AND created_at >= ? AND created_at < ?', from, until)) {
    if (ownerIds === null || ownerIds.includes(r.owner_id as number)) counts.set(r.stage_id as number, (counts.get(r.stage_id as number) ?? 0) + 1)
  }
  return counts
}

/** Per open stage: completed stays of live deals that ended in the span, and their median in days. */
function naiveDwell(ws: TestWorkspace, d: Dashboard, ownerIds: number[] | null) {
  const { from, until } = spanOf(d)
  const days = new Map<number, number[]>()
  const stays = all(
    ws,
    `SELECT st.stage_id, st.days, o.owner_id FROM stage_stays st JOIN stages s ON s.id = st.stage_id JOIN opportunities o ON o.id = st.opportunity_id
     WHERE s.kind = 'open' AND o.deleted_at IS NULL AND st.left_at >= ? AND st.left_at < ?`,
    from,
    until,
  )
  for (const r of stays) {
    if (ownerIds === null || ownerIds.includes(r.owner_id as number)) days.set(r.stage_id as number, [...(days.get(r.stage_id as number) ?? []), r.days as number])
  }
  return new Map(
    [...days].map(([stage, list]) => {
      const sorted = [...list].sort((a, b) => a - b)
      const middle = sorted.length / 2
      return [stage, { stays: list.length, median: sorted.length % 2 ? sorted[Math.floor(middle)]! : (sorted[middle - 1]! + sorted[middle]!) / 2 }]
    }),
  )
}

/** Contracts whose kept totals (migration 012) differ from their own instalments and payments. */
const duesBehind = (ws: TestWorkspace) =>
  all(
    ws,
    `SELECT x.contract_id FROM contract_dues x
     WHERE x.due_total IS NOT (SELECT total(amount) FROM payment_plans WHERE contract_id = x.contract_id)
       OR x.last_due IS NOT (SELECT max(due_date) FROM payment_plans WHERE contract_id = x.contract_id)
       OR x.received IS NOT (SELECT total(amount) FROM payments WHERE contract_id = x.contract_id)`,
  )

/** Reps' days whose kept follow-up count (migration 014) differs from counting their live follow-ups. */
const followUpDaysBehind = (ws: TestWorkspace) =>
  all(
    ws,
    `SELECT k.owner_id, k.day FROM (
       SELECT owner_id, substr(occurred_at, 1, 10) AS day FROM activities WHERE owner_id IS NOT NULL AND deleted_at IS NULL
       UNION SELECT owner_id, day FROM follow_up_days) k
     WHERE coalesce((SELECT count FROM follow_up_days f WHERE f.owner_id = k.owner_id AND f.day = k.day), 0)
       IS NOT (SELECT count(*) FROM activities a WHERE a.owner_id = k.owner_id AND substr(a.occurred_at, 1, 10) = k.day AND a.deleted_at IS NULL)`,
  )

async function expectNaiveFigures(ws: TestWorkspace, today: string, filters: Partial<AnalyticsFilters> = {}) {
  expect(duesBehind(ws)).toEqual([])
  expect(followUpDaysBehind(ws)).toEqual([])
  const d = await ws.call('analytics.dashboard', filters)
  const owners = filters.ownerIds ?? null
  expect(d.conversion.steps.map(({ stageId, reached, advanced, won }) => ({ stageId, reached, advanced, won }))).toEqual(naiveConversion(ws, d, owners))
  if (owners === null) {
    const overdue = naiveOverdue(ws, today)
    expect(d.collections.overdue.contracts).toBe(overdue.contracts)
    expect(d.collections.overdue.amount).toBeCloseTo(overdue.amount, 4)
  }
  const followUps = naiveFollowUps(ws, d)
  for (const row of d.leaderboard.rows) if (row.key !== null) expect([row.key, row.followUps]).toEqual([row.key, followUps.get(row.key as number) ?? 0])
  const dwell = naiveDwell(ws, d, owners)
  expect(d.dwell.stages.filter((r) => r.stays > 0).map((r) => [r.stageId, r.stays, r.medianDays])).toEqual(
    d.dwell.stages.filter((r) => dwell.has(r.stageId)).map((r) => [r.stageId, dwell.get(r.stageId)!.stays, dwell.get(r.stageId)!.median]),
  )
  const funnel = naiveFunnel(ws, d, owners)
  for (const layer of d.funnel.layers) expect([layer.stageId, layer.count]).toEqual([layer.stageId, funnel.get(layer.stageId) ?? 0])
  expect(d.sources.rows.reduce((n, r) => n + r.opportunities, 0)).toBe([...funnel.values()].reduce((a, b) => a + b, 0))
  return d
}

describe('dashboard facts against naive counts', () => {
  it('agree on the demo, under filters, and after payments, plan changes, trashed deals and moves backward', async () => {
    let now = new Date('2026-11-20T08:00:00.000Z')
    const ws = await openWorkspace({ now: () => now })
    await ws.call('workspace.loadDemo', { scale: 600 })
    const users = await ws.call('users.list', {})
    const d = await expectNaiveFigures(ws, '2026-11-20')
    expect(d.conversion.steps.some((s) => s.advanced > 0 && s.won > 0)).toBe(true)
    expect(d.collections.overdue.contracts).toBeGreaterThan(0)
    await expectNaiveFigures(ws, '2026-11-20', { period: 'all' })
    await expectNaiveFigures(ws, '2026-11-20', { period: 'thisYear', ownerIds: users.slice(0, 2).map((u) => u.id) })

    // An overdue contract paid in full, then the payment taken back.
    const overdue = all(
      ws,
      `SELECT c.id, (SELECT total(amount) FROM payment_plans WHERE contract_id = c.id AND due_date < '2026-11-20')
         - (SELECT total(amount) FROM payments WHERE contract_id = c.id) AS gap
       FROM contracts c WHERE c.deleted_at IS NULL ORDER BY gap DESC LIMIT 1`,
    )[0]!
    const paid = await ws.call('payments.record', { contractId: overdue.id as number, receivedDate: '2026-11-19', amount: overdue.gap as number })
    const afterPayment = await expectNaiveFigures(ws, '2026-11-20')
    expect(afterPayment.collections.overdue.contracts).toBe(d.collections.overdue.contracts - 1)
    await ws.call('payments.delete', { id: paid.payments.at(-1)!.id })
    expect((await expectNaiveFigures(ws, '2026-11-20')).collections.overdue).toEqual(d.collections.overdue)

    // A plan moved into the future owes nothing yet; back in the past, it does again.
    const detail = await ws.call('contracts.get', { id: overdue.id as number })
    const later = detail.plan.map((p) => ({ dueDate: '2027-06-30', amount: p.amount }))
    const moved = await ws.call('contracts.update', { id: detail.contract.id, version: detail.contract.version, patch: { plan: later } })
    await expectNaiveFigures(ws, '2026-11-20')
    now = new Date('2027-07-02T08:00:00.000Z')
    await expectNaiveFigures(ws, '2027-07-02')
    now = new Date('2026-11-20T08:00:00.000Z')
    await ws.call('contracts.update', {
      id: moved.contract.id,
      version: moved.contract.version,
      patch: { plan: detail.plan.map((p) => ({ dueDate: p.dueDate, amount: p.amount })) },
    })
    expect((await expectNaiveFigures(ws, '2026-11-20')).collections.overdue).toEqual(d.collections.overdue)

    // A deal with a contract and stage arrivals this quarter goes to the trash.
    const trashed = all(
      ws,
      `SELECT o.id, o.version FROM opportunities o JOIN contracts c ON c.opportunity_id = o.id
       WHERE o.deleted_at IS NULL AND EXISTS (SELECT 1 FROM stage_reach r WHERE r.opportunity_id = o.id AND r.reached_at >= '2026-10-01')
       LIMIT 1`,
    )[0]!
    await ws.call('grid.delete', { entity: 'opportunity', rows: [{ id: trashed.id as number, version: trashed.version as number }] })
    await expectNaiveFigures(ws, '2026-11-20')

    // An open deal moved back to its pipeline's first stage: it keeps what it reached.
    const open = all(
      ws,
      `SELECT o.id, o.version, f.id AS first FROM opportunities o JOIN stages s ON s.id = o.stage_id
       JOIN stages f ON f.pipeline_id = s.pipeline_id AND f.kind = 'open' AND f.sort_order < s.sort_order
       WHERE s.kind = 'open' AND o.deleted_at IS NULL ORDER BY f.sort_order LIMIT 1`,
    )[0]!
    await ws.call('opportunities.update', { id: open.id as number, version: open.version as number, patch: { stageId: open.first as number } })
    await expectNaiveFigures(ws, '2026-11-20')

    // A rep's follow-up of this quarter moved back to September, another trashed and restored, a new one logged.
    const [backdated, binned] = all(
      ws,
      `SELECT id, version FROM activities WHERE owner_id IS NOT NULL AND deleted_at IS NULL AND occurred_at >= '2026-10-01' ORDER BY id LIMIT 2`,
    )
    await ws.call('grid.update', { entity: 'activity', changes: [{ id: backdated!.id as number, version: backdated!.version as number, patch: { occurredAt: '2026-09-15T10:00:00.000Z' } }] })
    await expectNaiveFigures(ws, '2026-11-20')
    await ws.call('grid.delete', { entity: 'activity', rows: [{ id: binned!.id as number, version: binned!.version as number }] })
    await expectNaiveFigures(ws, '2026-11-20', { period: 'thisYear', ownerIds: users.slice(0, 2).map((u) => u.id) })
    await ws.call('trash.restore', { entityType: 'activity', entityId: binned!.id as number })
    await ws.call('activities.create', { entityType: 'opportunity', entityId: open.id as number, type: 'visit', content: 'On site' }, { userId: users[0]!.id })
    await expectNaiveFigures(ws, '2026-11-20')

    await expectNaiveFigures(ws, '2026-11-20', { period: 'all' })
  }, 120_000)
})
