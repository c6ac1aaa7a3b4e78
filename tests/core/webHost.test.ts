import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { WebRoutes } from '../../shared/transport'
import { startTestWebHost } from '../helpers/webHost'

const start = startTestWebHost

const post = (url: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${url}${WebRoutes.invoke}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

describe('web host', () => {
  it('listens on 127.0.0.1 only and answers API calls with envelopes', async () => {
    const { url } = await start()
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const res = await post(url, { method: 'stages.list', input: {}, meta: { locale: 'en' } })
    expect(res.status).toBe(200)
    const envelope = (await res.json()) as { ok: boolean; value: unknown[] }
    expect(envelope.ok).toBe(true)
    expect(envelope.value.length).toBeGreaterThan(5)
    const bad = await (await post(url, { method: 'opportunities.create', input: {}, meta: { locale: 'zh-CN' } })).json()
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: '输入不正确，请检查标出的字段。' } })
  })

  it('refuses cross-site posts: other origins, form content types, malformed bodies', async () => {
    const { url } = await start()
    expect((await post(url, { method: 'app.info', input: {} }, { origin: 'http://evil.example' })).status).toBe(403)
    const form = await fetch(`${url}${WebRoutes.invoke}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'method=app.info',
    })
    expect(form.status).toBe(415)
    const broken = await fetch(`${url}${WebRoutes.invoke}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"method":',
    })
    expect(broken.status).toBe(400)
  })

  it('serves the renderer with a strict CSP and never a file outside its folder', async () => {
    const { url } = await start()
    const page = await fetch(`${url}/`)
    expect(await page.text()).toContain('商机工作台')
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'")
    const escape = await fetch(`${url}/..%2f..%2f..%2fetc%2fpasswd`)
    expect(await escape.text()).not.toContain('root:')
  })

  it('pushes data-changed events over the WebSocket', async () => {
    const { url } = await start()
    const socket = new WebSocket(`${url.replace('http', 'ws')}${WebRoutes.events}`, { headers: { origin: url } })
    await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject))
    const frame = new Promise<unknown>((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))))
    await post(url, { method: 'accounts.create', input: { name: '深圳南山科技' }, meta: {} })
    expect(await frame).toEqual({ event: 'data-changed', payload: { entities: ['account'], reason: 'create' } })
    socket.close()
  })
})
