import type { Opportunity, OpportunityPatch, Stage } from '../../shared/entities'
import { openWorkspace, type TestWorkspace } from '../helpers/workspace'

/**
 * A small workspace with a known history, built through the API while the
 * workspace clock is moved forward event by event. Every expected figure in
 * the tests is worked out by hand from the timeline below.
 *
 * New-business stages: discovery 10% (rots after 14 d), qualified 25% (21 d),
 * solution 40% (21 d), quote 60% (14 d), negotiation 80% (10 d), won, lost.
 * USD is set to 7.0 in Settings. "Now" at the end is 2026-11-20 08:00 UTC.
 *
 *  D8  Bob    created 08-01 discovery 30,000 referral/crm → won 09-15
 *  D5  Alice  created 09-25 discovery 60,000 website/crm → qualified 10-03 → lost 10-15 (competitor "Rival Co")
 *  D7  Alice  created 10-02 discovery 40,000 website/training, close 11-05 (past, still open) → qualified 10-12 10:00
 *  D1  Alice  created 10-05 discovery 100,000 website/crm → qualified 10-10 → solution 10-20 → quote 10-25
 *             → negotiation 11-01 → won 11-10
 *  D2  Alice  created 10-06 discovery 200,000 referral/erp, close 12-15 → quote 10-08 (skips two stages)
 *             → amount 240,000 and close 2027-01-15 on 11-05 → back to solution 11-17; follow-up logged 11-18
 *  D3  Bob    created 10-07 in qualified 50,000 website/crm, close 12-20 → solution 10-14 → back to qualified 10-21
 *             → solution 11-04 → amount 45,000 on 11-16
 *  D4  Bob    created 10-08 10:00 discovery 80,000 cold_call/hardware, close 12-31 → lost 10-12 (price)
 *             → reopened to qualified 11-05 10:00 → negotiation 11-09
 *  D6  Bob    created 10-09 discovery 10,000 USD partner/services, close 12-10 → solution 10-16 → negotiation 10-30
 *             → close pulled in to 11-28 on 11-06
 *  D10 Bob    created 10-20 discovery 20,000 referral/hardware → lost 11-11 (no_budget)
 *  D9  Alice  created 11-13 discovery 70,000 website/crm, close 12-31, forecast category overridden to best case
 *
 *  Snapshot S1 on 11-03 12:00. Targets: team 300,000 (Nov) and 400,000 (Dec); Alice 150,000 and Bob 100,000 (Nov).
 *  Tasks: Alice's "call back" due 11-15 (open, overdue); Bob's due 11-25 (open); Bob's due 11-10 (done).
 *  Leads: website 10-10 and 11-01 (Alice), referral 09-01 (Bob).
 */
export interface Fixture {
  ws: TestWorkspace
  alice: number
  bob: number
  stage: Record<string, number>
  deal: Record<'D1' | 'D2' | 'D3' | 'D4' | 'D5' | 'D6' | 'D7' | 'D8' | 'D9' | 'D10', number>
  snapshotId: number
  pipelineId: number
  setNow(iso: string): void
}

export async function buildFixture(): Promise<Fixture> {
  let now = new Date('2026-08-01T08:00:00.000Z')
  const setNow = (iso: string) => {
    now = new Date(iso)
  }
  const ws = await openWorkspace({ now: () => now })
  // There is no user-management method yet: the two reps are the one thing written directly.
  const addUser = ws.core.db.prepare(
    "INSERT INTO users (name, name_en, role, team, created_at) VALUES (?, ?, 'rep', ?, '2026-01-01T00:00:00.000Z')",
  )
  const alice = Number(addUser.run('王丽', 'Alice', '华东销售部').lastInsertRowid)
  const bob = Number(addUser.run('赵强', 'Bob', '华北销售部').lastInsertRowid)

  const pipelines = await ws.call('pipelines.list', {})
  const pipelineId = pipelines.find((p) => p.key === 'new_business')!.id
  const stages = await ws.call('stages.list', { pipelineId })
  const stage = Object.fromEntries(stages.map((s: Stage) => [s.key, s.id])) as Record<string, number>
  await ws.call('currencyRates.update', { rates: [{ currency: 'USD', rate: 7 }] })

  const versions = new Map<number, number>()
  const keep = (o: Opportunity) => {
    versions.set(o.id, o.version)
    return o.id
  }
  const create = async (
    at: string,
    fields: { name: string; stage: string; amount: number; owner: number; source: string; product: string; close?: string; currency?: 'USD' },
  ) => {
    setNow(at)
    return keep(
      await ws.call('opportunities.create', {
        name: fields.name,
        stageId: stage[fields.stage]!,
        amount: fields.amount,
        currency: fields.currency ?? 'CNY',
        ownerId: fields.owner,
        source: fields.source,
        productLine: fields.product,
        expectedCloseDate: fields.close ?? null,
      }),
    )
  }
  const update = async (at: string, id: number, patch: OpportunityPatch) => {
    setNow(at)
    keep(await ws.call('opportunities.update', { id, version: versions.get(id)!, patch }))
  }
  const move = (at: string, id: number, to: string, extra: OpportunityPatch = {}) => update(at, id, { stageId: stage[to]!, ...extra })

  const D8 = await create('2026-08-01T09:00:00Z', { name: 'D8', stage: 'discovery', amount: 30_000, owner: bob, source: 'referral', product: 'crm', close: '2026-09-30' })
  await move('2026-09-15T09:00:00Z', D8, 'won', { signedDate: '2026-09-15' })
  const D5 = await create('2026-09-25T09:00:00Z', { name: 'D5', stage: 'discovery', amount: 60_000, owner: alice, source: 'website', product: 'crm', close: '2026-10-31' })
  const D7 = await create('2026-10-02T09:00:00Z', { name: 'D7', stage: 'discovery', amount: 40_000, owner: alice, source: 'website', product: 'training', close: '2026-11-05' })
  await move('2026-10-03T09:00:00Z', D5, 'qualified')
  const D1 = await create('2026-10-05T09:00:00Z', { name: 'D1', stage: 'discovery', amount: 100_000, owner: alice, source: 'website', product: 'crm', close: '2026-11-30' })
  const D2 = await create('2026-10-06T09:00:00Z', { name: 'D2', stage: 'discovery', amount: 200_000, owner: alice, source: 'referral', product: 'erp', close: '2026-12-15' })
  const D3 = await create('2026-10-07T09:00:00Z', { name: 'D3', stage: 'qualified', amount: 50_000, owner: bob, source: 'website', product: 'crm', close: '2026-12-20' })
  await move('2026-10-08T09:00:00Z', D2, 'quote')
  const D4 = await create('2026-10-08T10:00:00Z', { name: 'D4', stage: 'discovery', amount: 80_000, owner: bob, source: 'cold_call', product: 'hardware', close: '2026-12-31' })
  const D6 = await create('2026-10-09T09:00:00Z', { name: 'D6', stage: 'discovery', amount: 10_000, currency: 'USD', owner: bob, source: 'partner', product: 'services', close: '2026-12-10' })
  await move('2026-10-10T09:00:00Z', D1, 'qualified')
  await move('2026-10-12T09:00:00Z', D4, 'lost', { lossReason: 'price' })
  await move('2026-10-12T10:00:00Z', D7, 'qualified')
  await move('2026-10-14T09:00:00Z', D3, 'solution')
  await move('2026-10-15T09:00:00Z', D5, 'lost', { lossReason: 'competitor', competitor: 'Rival Co' })
  await move('2026-10-16T09:00:00Z', D6, 'solution')
  await move('2026-10-20T09:00:00Z', D1, 'solution')
  const D10 = await create('2026-10-20T09:00:00Z', { name: 'D10', stage: 'discovery', amount: 20_000, owner: bob, source: 'referral', product: 'hardware', close: '2026-12-31' })
  await move('2026-10-21T09:00:00Z', D3, 'qualified')
  await move('2026-10-25T09:00:00Z', D1, 'quote')
  await move('2026-10-30T09:00:00Z', D6, 'negotiation')
  await move('2026-11-01T09:00:00Z', D1, 'negotiation')

  setNow('2026-11-03T12:00:00Z')
  const snapshot = await ws.call('snapshots.take', { note: 'S1' })

  await move('2026-11-04T09:00:00Z', D3, 'solution')
  await update('2026-11-05T09:00:00Z', D2, { amount: 240_000, expectedCloseDate: '2027-01-15' })
  await move('2026-11-05T10:00:00Z', D4, 'qualified', { lossReason: null })
  await update('2026-11-06T09:00:00Z', D6, { expectedCloseDate: '2026-11-28' })
  await move('2026-11-09T09:00:00Z', D4, 'negotiation')
  await move('2026-11-10T09:00:00Z', D1, 'won', { signedDate: '2026-11-10' })
  await move('2026-11-11T09:00:00Z', D10, 'lost', { lossReason: 'no_budget' })
  setNow('2026-11-13T09:00:00Z')
  const D9 = keep(
    await ws.call('opportunities.create', {
      name: 'D9',
      stageId: stage.discovery!,
      amount: 70_000,
      ownerId: alice,
      source: 'website',
      productLine: 'crm',
      expectedCloseDate: '2026-12-31',
      forecastCategory: 'best_case',
    }),
  )
  await update('2026-11-16T09:00:00Z', D3, { amount: 45_000 })
  await move('2026-11-17T09:00:00Z', D2, 'solution')
  setNow('2026-11-18T09:00:00Z')
  await ws.call(
    'activities.create',
    { entityType: 'opportunity', entityId: D2, type: 'call', content: 'Went through the revised scope' },
    { userId: alice },
  )

  await ws.call('targets.set', {
    rows: [
      { month: '2026-11', ownerId: null, amount: 300_000 },
      { month: '2026-12', ownerId: null, amount: 400_000 },
      { month: '2026-11', ownerId: alice, amount: 150_000 },
      { month: '2026-11', ownerId: bob, amount: 100_000 },
    ],
  })
  await ws.call('tasks.create', { title: 'Call back', dueDate: '2026-11-15', assigneeId: alice })
  await ws.call('tasks.create', { title: 'Send the quote', dueDate: '2026-11-25', assigneeId: bob })
  const done = await ws.call('tasks.create', { title: 'Visit', dueDate: '2026-11-10', assigneeId: bob })
  await ws.call('tasks.setStatus', { id: done.id, version: done.version, status: 'done' })

  for (const [at, source, owner] of [
    ['2026-10-10T09:00:00Z', 'website', alice],
    ['2026-11-01T09:00:00Z', 'website', alice],
    ['2026-09-01T09:00:00Z', 'referral', bob],
  ] as const) {
    setNow(at)
    await ws.call('leads.create', { company: `Lead ${at}`, source, ownerId: owner })
  }

  setNow('2026-11-20T08:00:00Z')
  return {
    ws,
    alice,
    bob,
    stage,
    deal: { D1, D2, D3, D4, D5, D6, D7, D8, D9, D10 },
    snapshotId: snapshot.id,
    pipelineId,
    setNow,
  }
}
