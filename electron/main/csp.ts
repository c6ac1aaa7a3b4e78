import type { Session } from 'electron'

type Directives = Record<string, string[]>

/**
 * The window's Content-Security-Policy. Scripts only from the app itself and
 * never eval; styles may be inline because antd injects its CSS-in-JS at run
 * time. In development the vite dev server is the app's origin and also talks
 * over a WebSocket for hot reload, and the React refresh preamble is an inline
 * module script, so those two are allowed there and only there.
 */
function directives(devServerUrl: string | null): Directives {
  const dev = devServerUrl ? new URL(devServerUrl) : null
  const devSocket = dev ? `${dev.protocol === 'https:' ? 'wss:' : 'ws:'}//${dev.host}` : null
  return {
    'default-src': ["'self'"],
    'script-src': dev ? ["'self'", "'unsafe-inline'", dev.origin] : ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': dev && devSocket ? ["'self'", dev.origin, devSocket] : ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'none'"],
  }
}

function serialize(policy: Directives): string {
  return Object.entries(policy)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ')
}

/** The policy sent as a response header: the dev server's, or the packaged app's when there is none. */
export function buildCsp(devServerUrl: string | null): string {
  return serialize(directives(devServerUrl))
}

/**
 * The packaged app's policy as a <meta> tag for the built index.html, because
 * a page loaded from file:// may get no response headers to carry it.
 * frame-ancestors is left out: browsers ignore it in <meta> and warn.
 */
export function buildMetaCsp(): string {
  const { 'frame-ancestors': _headerOnly, ...rest } = directives(null)
  return serialize(rest)
}

/** Sends the policy as a response header on every load in the session, replacing any the server sent. */
export function installCsp(session: Session, csp: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    )
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [csp] } })
  })
}
