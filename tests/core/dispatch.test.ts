import { describe, expect, it } from 'vitest'
import { Api, MethodNames } from '../../shared/api'
import { handlers } from '../../electron/core/api/handlers'
import { LATEST_VERSION } from '../../electron/core/store/migrations'
import { openWorkspace } from '../helpers/workspace'

describe('the API door', () => {
  it('has exactly one handler per contract method', () => {
    expect(Object.keys(handlers).sort()).toEqual([...MethodNames].sort())
    expect(MethodNames.length).toBe(Object.keys(Api).length)
  })

  it('validates input with the contract and answers in the caller’s language', async () => {
    const ws = await openWorkspace()
    const zh = await ws.raw('opportunities.create', { name: '', stageId: 'one' }, { locale: 'zh-CN' })
    expect(zh).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '输入不正确，请检查标出的字段。' } })
    if (!zh.ok) {
      const paths = (zh.error.details as { issues: { path: unknown[] }[] }).issues.map((i) => i.path.join('.'))
      expect(paths).toEqual(expect.arrayContaining(['name', 'stageId']))
    }
    const en = await ws.raw('opportunities.create', {}, { locale: 'en' })
    expect(en).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: 'Some input is not valid; check the marked fields.' } })
  })

  it('answers unknown methods, prototype keys and bad meta with typed errors, never throwing', async () => {
    const ws = await openWorkspace()
    for (const method of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
      expect(await ws.raw(method as string, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } })
    }
    expect(await ws.raw('app.info', {}, { locale: 'fr' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await ws.raw('app.info', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('rejects unknown sort and filter columns at the boundary', async () => {
    const ws = await openWorkspace()
    const sorted = await ws.raw('opportunities.list', { sort: [{ column: 'password; DROP TABLE users', desc: false }] })
    expect(sorted).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const filtered = await ws.raw('leads.list', { filters: [{ column: 'deleted_at', op: 'empty' }] })
    expect(filtered).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('reports the app, schema and surface', async () => {
    const ws = await openWorkspace()
    expect(await ws.call('app.info', {})).toMatchObject({ schemaVersion: LATEST_VERSION, surface: 'test' })
  })

  it('stores language and current user settings and refuses an unknown user', async () => {
    const ws = await openWorkspace()
    expect(await ws.call('settings.get', {})).toEqual({ locale: null, currentUserId: null, baseCurrency: 'CNY' })
    expect(await ws.call('settings.update', { locale: 'en' })).toMatchObject({ locale: 'en' })
    expect(await ws.raw('settings.update', { currentUserId: 77 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
  })

  it('emits data-changed after a write', async () => {
    const ws = await openWorkspace()
    const seen: unknown[] = []
    ws.core.events.subscribe((event, payload) => seen.push({ event, payload }))
    await ws.call('accounts.create', { name: 'Northwind Trading Ltd.' })
    expect(seen).toEqual([{ event: 'data-changed', payload: { entities: ['account'], reason: 'create' } }])
  })
})
