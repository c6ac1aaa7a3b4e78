import { shell } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  buildWebPreferences,
  guardWebContents,
  isSafeExternalUrl,
  restrictPermissions,
} from '../../electron/main/security'
import { FakeWebContents, navigationEvent } from './fakes'

vi.mock('electron', async () => (await import('./fakes')).electronMock)

const APP_URL = 'file:///app/out/renderer/index.html'
const isAppUrl = (url: string) => url.split('#')[0] === APP_URL

function guarded(): FakeWebContents {
  const contents = new FakeWebContents()
  guardWebContents(contents as never, isAppUrl)
  return contents
}

beforeEach(() => {
  vi.mocked(shell.openExternal).mockClear()
})

describe('buildWebPreferences', () => {
  it('isolates, sandboxes and keeps Node out of the page', () => {
    const prefs = buildWebPreferences('/app/out/preload/index.cjs')
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    })
  })
})

describe('isSafeExternalUrl', () => {
  it.each(['https://example.com/a?b=1', 'http://example.com', 'HTTPS://EXAMPLE.COM'])('accepts %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(true)
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'mailto:someone@example.com',
    'smb://server/share',
    'ms-msdt:/id PCWDiagnostic',
    'data:text/html,<script>1</script>',
    'not a url',
    '',
    'https://',
  ])('refuses %s', (url) => {
    expect(isSafeExternalUrl(url)).toBe(false)
  })
})

describe('guardWebContents', () => {
  it('refuses navigation and redirects away from the app', () => {
    const contents = guarded()
    const navigate = navigationEvent('https://evil.example/')
    const redirect = navigationEvent('file:///etc/passwd')
    contents.emit('will-navigate', navigate)
    contents.emit('will-redirect', redirect)
    expect(navigate.preventDefault).toHaveBeenCalledOnce()
    expect(redirect.preventDefault).toHaveBeenCalledOnce()
  })

  it("lets the app's own page load", () => {
    const contents = guarded()
    const navigate = navigationEvent(`${APP_URL}#/opportunities`)
    contents.emit('will-navigate', navigate)
    expect(navigate.preventDefault).not.toHaveBeenCalled()
  })

  it('never attaches a webview', () => {
    const contents = guarded()
    const attach = { preventDefault: vi.fn() }
    contents.emit('will-attach-webview', attach, {}, {})
    expect(attach.preventDefault).toHaveBeenCalledOnce()
  })

  it('denies every window.open and hands only web links to the system browser', () => {
    const contents = guarded()
    const open = (url: string) => contents.windowOpenHandler!({ url })

    expect(open('https://example.com/docs')).toEqual({ action: 'deny' })
    expect(open('http://example.com/')).toEqual({ action: 'deny' })
    expect(open('file:///etc/passwd')).toEqual({ action: 'deny' })
    expect(open('javascript:alert(1)')).toEqual({ action: 'deny' })
    expect(open(APP_URL)).toEqual({ action: 'deny' })

    expect(vi.mocked(shell.openExternal).mock.calls).toEqual([['https://example.com/docs'], ['http://example.com/']])
  })
})

describe('restrictPermissions', () => {
  function decide(permission: string, pageUrl: string): boolean {
    let handler: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined
    const session = { setPermissionRequestHandler: (h: typeof handler) => (handler = h) }
    restrictPermissions(session as never, isAppUrl)
    const contents = new FakeWebContents()
    contents.url = pageUrl
    let granted: boolean | undefined
    handler!(contents, permission, (value) => (granted = value))
    return granted!
  }

  it('grants clipboard access to the app page only', () => {
    expect(decide('clipboard-read', APP_URL)).toBe(true)
    expect(decide('clipboard-read', 'https://evil.example/')).toBe(false)
  })

  it('refuses everything else', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'openExternal', 'hid']) {
      expect(decide(permission, APP_URL)).toBe(false)
    }
  })
})
