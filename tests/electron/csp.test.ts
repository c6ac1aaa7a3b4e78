import { describe, expect, it } from 'vitest'
import { buildCsp, buildMetaCsp, installCsp } from '../../electron/main/csp'

/** Parses a policy into directive → sources, so assertions name directives instead of substrings. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/)
      return [name, sources]
    }),
  )
}

describe('buildCsp for the packaged app', () => {
  const policy = directives(buildCsp(null))

  it('runs only the app’s own scripts and never eval', () => {
    expect(policy.get('script-src')).toEqual(["'self'"])
    expect(buildCsp(null)).not.toContain('unsafe-eval')
  })

  it('allows inline styles (antd injects them) but nothing remote', () => {
    expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"])
    expect(policy.get('connect-src')).toEqual(["'self'"])
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:'])
  })

  it('shuts plugins, base rewriting, framing and form posts', () => {
    expect(policy.get('object-src')).toEqual(["'none'"])
    expect(policy.get('base-uri')).toEqual(["'none'"])
    expect(policy.get('frame-ancestors')).toEqual(["'none'"])
    expect(policy.get('form-action')).toEqual(["'none'"])
    expect(policy.get('default-src')).toEqual(["'self'"])
  })

  it('names no host at all', () => {
    expect(buildCsp(null)).not.toMatch(/https?:|wss?:/)
  })
})

describe('buildCsp under the vite dev server', () => {
  const csp = buildCsp('http://localhost:5173')
  const policy = directives(csp)

  it('allows the dev server and its hot-reload socket', () => {
    expect(policy.get('script-src')).toContain('http://localhost:5173')
    expect(policy.get('connect-src')).toEqual(["'self'", 'http://localhost:5173', 'ws://localhost:5173'])
  })

  it('still never allows eval', () => {
    expect(csp).not.toContain('unsafe-eval')
    expect(policy.get('object-src')).toEqual(["'none'"])
  })
})

describe('buildMetaCsp', () => {
  it('is the packaged policy minus frame-ancestors, which a <meta> tag cannot carry', () => {
    const header = directives(buildCsp(null))
    const meta = directives(buildMetaCsp())
    header.delete('frame-ancestors')
    expect(meta).toEqual(header)
    expect(buildMetaCsp()).not.toContain('frame-ancestors')
  })
})

describe('installCsp', () => {
  it('puts the policy on every response, replacing one the server sent', () => {
    type Listener = (details: unknown, callback: (response: unknown) => void) => void
    let listener: Listener | undefined
    const session = { webRequest: { onHeadersReceived: (l: Listener) => (listener = l) } }
    installCsp(session as never, "default-src 'self'")

    let response: { responseHeaders: Record<string, string[]> } | undefined
    listener!(
      { responseHeaders: { 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] } },
      (r) => (response = r as typeof response),
    )
    expect(response!.responseHeaders).toEqual({
      'Content-Type': ['text/html'],
      'Content-Security-Policy': ["default-src 'self'"],
    })
  })
})
