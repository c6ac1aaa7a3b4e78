import { describe, expect, it } from 'vitest'
import { addUser, expectError, leadFields, stagesOf, workspaceWithClock } from './helpers'

describe('My Day and the bell', () => {
  it('shows one user’s overdue, today’s and upcoming follow-ups and tasks, and stale deals', async () => {
    const { ws, clock } = await workspaceWithClock('2026-11-01T08:00:00.000Z')
    const rep = addUser(ws, '李娜')
    const other = addUser(ws, '王强')
    const stages = await stagesOf(ws)
    const stale = await ws.call('opportunities.create', { name: '停滞商机', stageId: stages.discovery!.id, ownerId: rep })
    const lead = await ws.call('leads.capture', leadFields('跟进线索', { ownerId: rep }))
    const contact = await ws.call('contacts.create', { name: '赵敏', ownerId: rep })
    clock.set('2026-11-20T08:00:00.000Z')
    await ws.call('activities.create', { entityType: 'lead', entityId: lead.id, type: 'call', content: '电话', nextDate: '2026-11-18' }, { userId: rep })
    await ws.call('activities.create', { entityType: 'contact', entityId: contact.id, type: 'wechat', content: '微信', nextDate: '2026-11-23' }, { userId: rep })
    await ws.call('tasks.create', { title: '今天的任务', dueDate: '2026-11-20', assigneeId: rep, priority: 'high' })
    await ws.call('tasks.create', { title: '别人的任务', dueDate: '2026-11-20', assigneeId: other })
    await ws.call('tasks.create', { title: '太远的任务', dueDate: '2026-12-31', assigneeId: rep })

    const day = await ws.call('myDay.get', {}, { userId: rep })
    expect(day.today).toBe('2026-11-20')
    expect(day.overdue.items).toEqual([expect.objectContaining({ kind: 'followUp', entityType: 'lead', entityId: lead.id, date: '2026-11-18' })])
    expect(day.dueToday.items).toEqual([expect.objectContaining({ kind: 'task', title: '今天的任务', priority: 'high' })])
    expect(day.upcoming.items).toEqual([expect.objectContaining({ kind: 'followUp', entityType: 'contact', entityId: contact.id, subtitle: null })])
    expect(day.staleDeals).toMatchObject({ total: 1, items: [{ id: stale.id, isRotting: true }] })

    // The automatic follow-up reminder does not show twice: the follow-up line stands for it.
    await ws.call('automations.run', {})
    const again = await ws.call('myDay.get', {}, { userId: rep })
    expect(again.overdue.items.filter((i) => i.entityType === 'lead')).toHaveLength(1)
    expect(again.dueToday.items.map((i) => i.title)).toEqual(['今天的任务', expect.stringContaining('停滞商机')])

    expect((await expectError(ws, 'myDay.get', {})).code).toBe('VALIDATION')
  })

  it('lists due reminders not yet seen for the bell, and marks them seen', async () => {
    const { ws, clock } = await workspaceWithClock('2026-11-20T08:00:00.000Z')
    const rep = addUser(ws, '李娜')
    const due = await ws.call('tasks.create', { title: '今天到期', dueDate: '2026-11-20', assigneeId: rep })
    await ws.call('tasks.create', { title: '明天到期', dueDate: '2026-11-21', assigneeId: rep })
    const bell = await ws.call('notifications.list', {}, { userId: rep })
    expect(bell).toEqual({ unseen: 1, items: [expect.objectContaining({ taskId: due.id, title: '今天到期' })] })

    await ws.call('notifications.markSeen', { taskIds: [due.id] }, { userId: rep })
    expect((await ws.call('notifications.list', {}, { userId: rep })).unseen).toBe(0)
    clock.advanceDays(1)
    expect((await ws.call('notifications.list', {}, { userId: rep })).items.map((n) => n.title)).toEqual(['明天到期'])
    await ws.call('notifications.markSeen', {}, { userId: rep })
    expect((await ws.call('notifications.list', {}, { userId: rep })).unseen).toBe(0)
  })
})
