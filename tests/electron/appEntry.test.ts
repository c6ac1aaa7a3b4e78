import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isAppUrl, resolveAppEntry } from '../../electron/main/appEntry'

const mainDir = path.resolve('/opt/workbench/resources/app.asar/out/main')

describe('resolveAppEntry', () => {
  it('points at the built page and the bundled CommonJS preload', () => {
    const entry = resolveAppEntry({}, mainDir)
    expect(entry.devServerUrl).toBeNull()
    expect(entry.indexHtml).toBe(path.resolve('/opt/workbench/resources/app.asar/out/renderer/index.html'))
    expect(entry.preload).toBe(path.resolve('/opt/workbench/resources/app.asar/out/preload/index.cjs'))
  })

  it('uses the dev server electron-vite announces', () => {
    expect(resolveAppEntry({ ELECTRON_RENDERER_URL: 'http://localhost:5173/' }, mainDir).devServerUrl).toBe(
      'http://localhost:5173',
    )
  })
})

describe('isAppUrl', () => {
  const built = resolveAppEntry({}, mainDir)
  const page = pathToFileURL(built.indexHtml).href

  it('accepts the built page with any route in hash or query', () => {
    expect(isAppUrl(built, page)).toBe(true)
    expect(isAppUrl(built, `${page}#/opportunities/42`)).toBe(true)
    expect(isAppUrl(built, `${page}?view=kanban`)).toBe(true)
  })

  it('refuses other files, other origins and junk', () => {
    expect(isAppUrl(built, pathToFileURL(path.resolve('/etc/passwd')).href)).toBe(false)
    expect(isAppUrl(built, pathToFileURL(path.join(path.dirname(built.indexHtml), 'other.html')).href)).toBe(false)
    expect(isAppUrl(built, 'https://evil.example/index.html')).toBe(false)
    expect(isAppUrl(built, 'not a url')).toBe(false)
  })

  it('in development accepts only the dev server origin', () => {
    const dev = resolveAppEntry({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, mainDir)
    expect(isAppUrl(dev, 'http://localhost:5173/#/tasks')).toBe(true)
    expect(isAppUrl(dev, 'http://localhost:5174/')).toBe(false)
    expect(isAppUrl(dev, page)).toBe(false)
  })
})
