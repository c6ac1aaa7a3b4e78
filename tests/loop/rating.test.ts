import { describe, expect, it } from 'vitest'
import { defaultLoopConfig } from '../../electron/core/domain/loopDefaults'
import { leadFields, workspaceWithClock } from './helpers'

describe('lead grading and scoring', () => {
  it('grades by BANT by default: four known is A, two or three B, fewer C', async () => {
    const { ws } = await workspaceWithClock()
    const all = await ws.call('leads.capture', leadFields('甲公司', { bant: { budget: true, authority: true, need: true, timeline: true } }))
    const two = await ws.call('leads.capture', leadFields('乙公司', { phone: '13800000001', bant: { budget: true, need: true } }))
    const none = await ws.call('leads.capture', leadFields('丙公司', { phone: '13800000002' }))
    expect([all.grade, two.grade, none.grade]).toEqual(['A', 'B', 'C'])
  })

  it('scores the weighted rules that hold: source, completeness and BANT', async () => {
    const { ws } = await workspaceWithClock()
    // website 5 + phone 10 = 15; then contact name 5, product interest 10, budget 5.
    const plain = await ws.call('leads.capture', leadFields('丁公司'))
    expect(plain.score).toBe(15)
    const rich = await ws.call(
      'leads.capture',
      leadFields('戊公司', { phone: '13800000009', contactName: '王芳', productInterest: 'crm', bant: { budget: true } }),
    )
    expect(rich.score).toBe(35)
  })

  it('re-rates when an input changes on any path: BANT, a grid edit, a follow-up, and time', async () => {
    const { ws, clock } = await workspaceWithClock()
    const lead = await ws.call('leads.capture', leadFields('己公司'))
    expect(lead).toMatchObject({ score: 15, grade: 'C' })

    const qualified = await ws.call('leads.qualify', { id: lead.id, version: lead.version, bant: { budget: true, authority: true } })
    expect(qualified).toMatchObject({ score: 25, grade: 'B' })

    await ws.call('grid.update', { entity: 'lead', changes: [{ id: lead.id, version: qualified.version, patch: { source: 'referral' } }] })
    const afterEdit = (await ws.call('leads.detail', { id: lead.id })).lead
    expect(afterEdit.score).toBe(40)

    await ws.call('activities.create', { entityType: 'lead', entityId: lead.id, type: 'call', content: '电话沟通需求' })
    expect((await ws.call('leads.detail', { id: lead.id })).lead.score).toBe(60)

    // Fifteen days later the follow-up is no longer recent.
    clock.advanceDays(15)
    const report = await ws.call('automations.run', {})
    expect(report.leadsRerated).toBe(1)
    expect((await ws.call('leads.detail', { id: lead.id })).lead.score).toBe(40)
  })

  it('keeps the answers not sent, and makes an answer unknown again when sent as null', async () => {
    const { ws } = await workspaceWithClock()
    const lead = await ws.call('leads.capture', leadFields('辛公司'))
    const both = await ws.call('leads.qualify', { id: lead.id, version: lead.version, bant: { budget: true, authority: false } })
    const needToo = await ws.call('leads.qualify', { id: lead.id, version: both.version, bant: { need: true } })
    expect((await ws.call('leads.detail', { id: lead.id })).bant).toEqual({ budget: true, authority: false, need: true })

    const reset = await ws.call('leads.qualify', { id: lead.id, version: needToo.version, bant: { budget: null, need: false } })
    expect((await ws.call('leads.detail', { id: lead.id })).bant).toEqual({ authority: false, need: false })
    expect(reset.grade).toBe('C')
  })

  it('re-rates every lead when the rules change', async () => {
    const { ws } = await workspaceWithClock()
    const a = await ws.call('leads.capture', leadFields('庚公司'))
    const b = await ws.call('leads.capture', leadFields('辛公司', { phone: '13900000000', source: 'referral' }))
    expect([a.grade, b.grade]).toEqual(['C', 'C'])
    await ws.call('loopConfig.update', {
      leadRating: {
        ...defaultLoopConfig.leadRating,
        grades: [{ grade: 'A', minBant: 0, requiredBant: [], minScore: 30 }],
        fallbackGrade: 'B',
      },
    })
    const leads = await ws.call('leads.list', { sort: [{ column: 'company', desc: false }] })
    const byCompany = Object.fromEntries(leads.rows.map((l) => [l.company, l.grade]))
    expect(byCompany).toEqual({ 庚公司: 'B', 辛公司: 'A' })
  })
})
