import { describe, expect, it } from 'vitest'
import { addUser, leadFields, ruleTasks, stagesOf, workspaceWithClock } from './helpers'

describe('automatic rules, on the injectable clock', () => {
  it('a deal with no activity past its stage’s rotting days gets a task and is flagged, once', async () => {
    const { ws, clock } = await workspaceWithClock('2026-11-01T08:00:00.000Z')
    const rep = addUser(ws, '李娜')
    const stages = await stagesOf(ws)
    const deal = await ws.call('opportunities.create', { name: '会停滞的商机', stageId: stages.discovery!.id, ownerId: rep })
    clock.advanceDays(14)
    expect((await ws.call('automations.run', {})).rottingTasks).toBe(0)
    expect((await ws.call('opportunities.get', { id: deal.id })).isRotting).toBe(false)

    clock.advanceDays(1)
    expect((await ws.call('automations.run', {})).rottingTasks).toBe(1)
    expect((await ws.call('opportunities.get', { id: deal.id })).isRotting).toBe(true)
    expect(ruleTasks(ws, 'rotting:')).toEqual([
      expect.objectContaining({ assigneeId: rep, entityType: 'opportunity', entityId: deal.id, dueDate: '2026-11-16', status: 'open' }),
    ])
    expect((await ws.call('automations.run', {})).rottingTasks).toBe(0)

    // A follow-up answers the reminder and clears the flag.
    clock.advanceHours(2)
    await ws.call('activities.create', { entityType: 'opportunity', entityId: deal.id, type: 'visit', content: '上门拜访' }, { userId: rep })
    expect((await ws.call('automations.run', {})).remindersClosed).toBe(1)
    expect(ruleTasks(ws, 'rotting:')[0]!.status).toBe('done')
    expect((await ws.call('opportunities.get', { id: deal.id })).isRotting).toBe(false)
  })

  it('reminds on the next follow-up date, on records of every kind, once per date', async () => {
    const { ws, clock } = await workspaceWithClock('2026-11-18T08:00:00.000Z')
    const rep = addUser(ws, '李娜')
    const account = await ws.call('accounts.create', { name: '华南物流有限公司', ownerId: rep })
    const lead = await ws.call('leads.capture', leadFields('南京金陵', { ownerId: rep }))
    await ws.call('activities.create', { entityType: 'account', entityId: account.id, type: 'call', content: '回访', nextDate: '2026-11-20' }, { userId: rep })
    await ws.call('activities.create', { entityType: 'lead', entityId: lead.id, type: 'wechat', content: '加微信', nextDate: '2026-11-21' }, { userId: rep })
    expect((await ws.call('automations.run', {})).followUpReminders).toBe(0)

    clock.set('2026-11-20T01:00:00.000Z')
    expect((await ws.call('automations.run', {})).followUpReminders).toBe(1)
    clock.set('2026-11-21T01:00:00.000Z')
    expect((await ws.call('automations.run', {})).followUpReminders).toBe(1)
    expect((await ws.call('automations.run', {})).followUpReminders).toBe(0)
    expect(ruleTasks(ws, 'followup:').map((t) => [t.entityType, t.entityId, t.dueDate, t.assigneeId])).toEqual([
      ['account', account.id, '2026-11-20', rep],
      ['lead', lead.id, '2026-11-21', rep],
    ])
    const accountRow = (await ws.call('accounts.list', {})).rows[0]!
    expect(accountRow.id).toBe(account.id)
  })

  it('reminds about a claimed lead not contacted within N hours', async () => {
    const { ws, clock } = await workspaceWithClock()
    const rep = addUser(ws, '李娜')
    await ws.call('loopConfig.update', { reminders: { followUpLookbackDays: 3, uncontactedHours: 4, renewalDays: 60, birthdayDaysAhead: 3 } })
    const quiet = await ws.call('leads.capture', leadFields('未联系客户'))
    const called = await ws.call('leads.capture', leadFields('已联系客户', { phone: '13900000000' }))
    await ws.call('pool.claim', { rows: [quiet, called].map(({ id, version }) => ({ id, version })) }, { userId: rep })
    clock.advanceHours(1)
    await ws.call('activities.create', { entityType: 'lead', entityId: called.id, type: 'call', content: '已致电' }, { userId: rep })
    clock.advanceHours(3)
    expect((await ws.call('automations.run', {})).uncontactedReminders).toBe(1)
    expect(ruleTasks(ws, 'uncontacted:')).toEqual([expect.objectContaining({ entityId: quiet.id, assigneeId: rep })])
    expect((await ws.call('automations.run', {})).uncontactedReminders).toBe(0)
  })

  it('sends a birthday care reminder ahead of a contact’s birthday, once a year', async () => {
    const { ws, clock } = await workspaceWithClock('2026-11-20T08:00:00.000Z')
    const rep = addUser(ws, '李娜')
    const account = await ws.call('accounts.create', { name: '生日客户公司', ownerId: rep })
    await ws.call('contacts.create', { name: '赵敏', accountId: account.id, birthday: '1988-11-22' })
    await ws.call('contacts.create', { name: '孙悦', accountId: account.id, birthday: '1990-12-25' })
    expect((await ws.call('automations.run', {})).birthdayReminders).toBe(1)
    expect((await ws.call('automations.run', {})).birthdayReminders).toBe(0)
    expect(ruleTasks(ws, 'birthday:')).toEqual([expect.objectContaining({ dueDate: '2026-11-22', assigneeId: rep })])
    clock.set('2027-11-19T08:00:00.000Z')
    expect((await ws.call('automations.run', {})).birthdayReminders).toBe(1)
  })

  it('creates the after-sales care plan when a deal is won, on any path', async () => {
    const { ws } = await workspaceWithClock()
    const rep = addUser(ws, '李娜')
    const stages = await stagesOf(ws)
    await ws.call('loopConfig.update', { carePlan: [{ title: '启动会', offsetDays: 7 }, { title: '满意度回访', offsetDays: 30 }] })
    const deal = await ws.call('opportunities.create', { name: '要赢的单', stageId: stages.negotiation!.id, ownerId: rep, amount: 1000, expectedCloseDate: '2026-12-01' })
    await ws.call('grid.update', {
      entity: 'opportunity',
      changes: [{ id: deal.id, version: deal.version, patch: { stageId: stages.won!.id, signedDate: '2026-11-20' } }],
    })
    expect(ruleTasks(ws, 'stage:').map((t) => [t.title, t.dueDate, t.assigneeId])).toEqual([
      ['启动会', '2026-11-27', rep],
      ['满意度回访', '2026-12-20', rep],
    ])
  })
})
