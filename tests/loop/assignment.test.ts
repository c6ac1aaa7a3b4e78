import { describe, expect, it } from 'vitest'
import { writeContext } from '../../electron/core/services/context'
import { assignLead } from '../../electron/core/services/loop/assignment'
import { addUser, leadFields, workspaceWithClock } from './helpers'

describe('assignment rules', () => {
  it('apply in order: the first matching rule assigns, a catch-all last, no match goes to the pool', async () => {
    const { ws } = await workspaceWithClock()
    const east = addUser(ws, '华东销售')
    const finance = addUser(ws, '金融销售')
    const fallback = addUser(ws, '兜底销售')
    await ws.call('assignmentRules.save', {
      rules: [
        { name: '华东', matchField: 'region', matchValues: ['east'], assignTo: { type: 'user', userId: east } },
        { name: '金融', matchField: 'industry', matchValues: ['finance'], assignTo: { type: 'user', userId: finance } },
        { name: '展会', matchField: 'source', matchValues: ['exhibition'], assignTo: { type: 'user', userId: fallback }, active: false },
      ],
    })
    const both = await ws.call('leads.capture', leadFields('华东金融', { region: 'east', industry: 'finance' }))
    const financeOnly = await ws.call('leads.capture', leadFields('北方金融', { phone: '13800000001', region: 'north', industry: 'finance' }))
    const inactiveRule = await ws.call('leads.capture', leadFields('展会线索', { phone: '13800000002', source: 'exhibition' }))
    expect(both.ownerId).toBe(east)
    expect(financeOnly.ownerId).toBe(finance)
    expect(inactiveRule.ownerId).toBeNull()

    // Reordering puts the industry rule first.
    const rules = await ws.call('assignmentRules.list', {})
    await ws.call('assignmentRules.save', { rules: [rules[1]!, rules[0]!].map(({ sortOrder: _s, lastAssignedUserId: _l, ...r }) => r) })
    const reordered = await ws.call('leads.capture', leadFields('华东金融二', { phone: '13800000003', region: 'east', industry: 'finance' }))
    expect(reordered.ownerId).toBe(finance)
    const audit = await ws.call('audit.list', { entityType: 'lead', entityId: reordered.id })
    expect(audit.find((a) => a.action === 'assign')).toMatchObject({ field: 'owner_id', newValue: String(finance) })
  })

  it('round-robin within a group is fair, keeps its place across saves and skips inactive members', async () => {
    const { ws } = await workspaceWithClock()
    const members = [addUser(ws, '甲'), addUser(ws, '乙'), addUser(ws, '丙')]
    await ws.call('assignmentRules.save', {
      rules: [{ name: '轮流', matchField: null, assignTo: { type: 'roundRobin', userIds: members } }],
    })
    const owners: (number | null)[] = []
    for (let i = 0; i < 7; i += 1) owners.push((await ws.call('leads.capture', leadFields(`客户${i}`, { phone: `1380000010${i}` }))).ownerId)
    expect(owners).toEqual([members[0], members[1], members[2], members[0], members[1], members[2], members[0]])

    // Saving the same rule keeps the round robin where it was.
    const [rule] = await ws.call('assignmentRules.list', {})
    expect(rule!.lastAssignedUserId).toBe(members[0])
    await ws.call('assignmentRules.save', { rules: [{ id: rule!.id, name: '轮流', matchField: null, assignTo: rule!.assignTo }] })
    ws.core.db.prepare('UPDATE users SET active = 0 WHERE id = ?').run(members[1])
    const next = [] as (number | null)[]
    for (let i = 0; i < 4; i += 1) next.push((await ws.call('leads.capture', leadFields(`新客户${i}`, { phone: `1390000010${i}` }))).ownerId)
    expect(next).toEqual([members[2], members[0], members[2], members[0]])
  })

  it('is a service the import calls per row, inside its own transaction', async () => {
    const { ws } = await workspaceWithClock()
    const rep = addUser(ws, '导入销售')
    await ws.call('assignmentRules.save', {
      rules: [{ name: 'CRM', matchField: 'productLine', matchValues: ['CRM'], assignTo: { type: 'user', userId: rep } }],
    })
    const ctx = writeContext(ws.core, { locale: 'zh-CN', userId: null })
    expect(assignLead(ws.core, ctx, { productInterest: 'crm' })).toBe(rep)
    expect(assignLead(ws.core, ctx, { productInterest: 'erp' })).toBeNull()
    expect(assignLead(ws.core, ctx, { productInterest: 'erp', ownerId: 99 })).toBe(99)
  })
})
