import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { WebRoutes } from '../../shared/transport'
import { startTestWebHost } from '../helpers/webHost'
import { csvOf } from './helpers'

const start = startTestWebHost

const invoke = async (url: string, method: string, input: unknown) =>
  (await (
    await fetch(`${url}${WebRoutes.invoke}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method, input, meta: { locale: 'en' } }),
    })
  ).json()) as { ok: boolean; value?: Record<string, unknown>; error?: { code: string } }

const upload = (url: string, name: string, body: string | Buffer, headers: Record<string, string> = {}) =>
  fetch(`${url}${WebRoutes.upload}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(name), ...headers },
    body,
  })

describe('the web host’s file routes', () => {
  it('takes an upload into the workspace’s imports folder and hands back a path the import accepts', async () => {
    const { ws, url } = await start()
    const res = await upload(url, '客户名单.csv', csvOf([['公司', '来源'], ['甲公司', '官网']]))
    expect(res.status).toBe(200)
    const { path: saved } = (await res.json()) as { path: string }
    expect(path.basename(saved)).toBe('客户名单.csv')
    expect(saved.startsWith(path.join(ws.dir, 'imports') + path.sep)).toBe(true)
    const report = await invoke(url, 'imports.commit', { path: saved, entity: 'lead' })
    expect(report).toMatchObject({ ok: true, value: { fileName: '客户名单.csv', counts: { create: 1 } } })
  })

  it('refuses uploads from other origins, of other content types, and paths it did not hand out', async () => {
    const { url } = await start()
    expect((await upload(url, 'a.csv', 'x', { origin: 'http://evil.example' })).status).toBe(403)
    const form = await fetch(`${url}${WebRoutes.upload}`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' })
    expect(form.status).toBe(415)
    const sneaky = ((await (await upload(url, '../../escape.csv', 'x')).json()) as { path: string }).path
    expect(path.basename(sneaky)).toBe('_.._escape.csv')
    expect(path.basename(path.dirname(path.dirname(sneaky)))).toBe('imports')
    expect(await invoke(url, 'imports.preview', { path: '/etc/passwd', entity: 'lead' })).toMatchObject({ ok: false, error: { code: 'PATH_NOT_ALLOWED' } })
  })

  it('serves an export by name from the exports folder, and nothing outside it', async () => {
    const { ws, url } = await start()
    await ws.call('accounts.create', { name: '甲公司' })
    const exported = await invoke(url, 'exports.grid', { entity: 'account', format: 'csv' })
    const fileName = exported.value!.fileName as string
    const res = await fetch(`${url}${WebRoutes.download}?name=${encodeURIComponent(fileName)}`)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(fileName)}`)
    expect(await res.text()).toContain('甲公司')
    fs.writeFileSync(path.join(ws.dir, 'secret.txt'), 'secret')
    for (const name of ['../secret.txt', '..%2Fsecret.txt', '', 'missing.xlsx']) {
      expect((await fetch(`${url}${WebRoutes.download}?name=${name}`)).status).toBe(404)
    }
    expect((await fetch(`${url}${WebRoutes.download}?name=${fileName}`, { headers: { origin: 'http://evil.example' } })).status).toBe(403)
  })
})
