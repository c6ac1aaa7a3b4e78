import { shell, type Session, type WebContents, type WebPreferences } from 'electron'

/**
 * The window runs untrusted-by-default web content: no Node, its own JS world
 * for the preload, Chromium's OS sandbox, and the same-origin policy. The
 * preload is bundled into one file so it can run inside the sandbox.
 */
export function buildWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  }
}

/** Only web pages may leave the app for the system browser; mailto:, file:, javascript: and the rest never do. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url)
    return (parsed.protocol === 'https:' || parsed.protocol === 'http:') && parsed.hostname !== ''
  } catch {
    return false
  }
}

/** Hands a web link to the system browser; every other scheme is dropped. */
export function openExternalSafely(url: string): void {
  if (!isSafeExternalUrl(url)) return
  shell.openExternal(url).catch((err: unknown) => console.warn('[workbench] could not open link:', err))
}

/**
 * Applied to every webContents the app ever gets: it may only show the app's
 * own page, never opens windows of its own (web links go to the browser), and
 * never embeds a <webview>.
 */
export function guardWebContents(contents: WebContents, isAppUrl: (url: string) => boolean): void {
  const stayInApp = (event: { url: string; preventDefault(): void }) => {
    if (!isAppUrl(event.url)) event.preventDefault()
  }
  contents.on('will-navigate', stayInApp)
  contents.on('will-redirect', stayInApp)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url)
    return { action: 'deny' }
  })
}

/** Permissions the grid's copy and paste and the full-screen view need; everything else is refused. */
const grantedPermissions = new Set(['clipboard-read', 'clipboard-sanitized-write', 'fullscreen'])

export function restrictPermissions(session: Session, isAppUrl: (url: string) => boolean): void {
  session.setPermissionRequestHandler((contents, permission, callback) => {
    callback(grantedPermissions.has(permission) && isAppUrl(contents.getURL()))
  })
}
