import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import { WebSocketServer, type WebSocket } from 'ws'
import { WebRoutes, type InvokeRequest } from '../../shared/transport'
import { dispatch, type Core } from '../core'
import { defaultReadLimits } from '../core/excel/limits'
import { exportsFolder, safeFileName, uploadsFolder } from '../core/services/exports/files'

export interface WebHostOptions {
  core: Core
  port: number
  /** The built renderer (out/web). */
  staticDir: string
}

export interface WebHost {
  url: string
  close(): Promise<void>
}

const HOST = '127.0.0.1'
const MAX_BODY_BYTES = 8 * 1024 * 1024

/** The same CSP as the desktop window, so the e2e suite runs under the rules users get. */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' ws://127.0.0.1:* ws://localhost:*",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ')

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv; charset=utf-8',
}

/**
 * Serves the built renderer and the core's API over HTTP plus a WebSocket
 * for push events, on the loopback interface only.
 */
export function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const server: http.Server = http.createServer((req, res) => {
    void route(options, server, req, res)
  })
  const sockets = new WebSocketServer({ noServer: true })
  const unsubscribe = options.core.events.subscribe((event, payload) => {
    const frame = JSON.stringify({ event, payload })
    for (const client of sockets.clients) if (client.readyState === client.OPEN) client.send(frame)
  })
  server.on('upgrade', (req, socket, head) => {
    if (req.url !== WebRoutes.events || !sameOrigin(req, server)) {
      socket.destroy()
      return
    }
    sockets.handleUpgrade(req, socket, head, (ws: WebSocket) => sockets.emit('connection', ws, req))
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, HOST, () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : options.port
      resolve({
        url: `http://${HOST}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            unsubscribe()
            for (const client of sockets.clients) client.terminate()
            sockets.close()
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}

async function route(
  options: WebHostOptions,
  server: http.Server,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost')
  if (url.pathname === WebRoutes.invoke) {
    await invoke(options.core, server, req, res)
    return
  }
  if (url.pathname === WebRoutes.upload) {
    await upload(options.core, server, req, res)
    return
  }
  if (url.pathname === WebRoutes.download) {
    download(options.core, server, req, url, res)
    return
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, 'text/plain; charset=utf-8', 'Method not allowed')
    return
  }
  serveStatic(options.staticDir, url.pathname, res)
}

/**
 * JSON only and same origin only: a page on another site cannot make a
 * browser post here (a cross-site form cannot send application/json).
 */
async function invoke(core: Core, server: http.Server, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json')) {
    send(res, 415, 'text/plain; charset=utf-8', 'POST application/json')
    return
  }
  if (!sameOrigin(req, server)) {
    send(res, 403, 'text/plain; charset=utf-8', 'Forbidden')
    return
  }
  let body: Partial<InvokeRequest>
  try {
    body = JSON.parse(await readBody(req)) as Partial<InvokeRequest>
  } catch {
    send(res, 400, 'text/plain; charset=utf-8', 'Invalid JSON body')
    return
  }
  const envelope = await dispatch(core, body?.method, body?.input, body?.meta)
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify(envelope))
}

/**
 * The browser's file picker has no path to give: the file's bytes come here,
 * are saved under the workspace's imports folder (in a folder of their own,
 * keeping the file's name for the import history), and the answer is the
 * path imports.* then take. Same origin and octet-stream only, like invoke.
 */
async function upload(core: Core, server: http.Server, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/octet-stream')) {
    send(res, 415, 'text/plain; charset=utf-8', 'POST application/octet-stream')
    return
  }
  if (!sameOrigin(req, server)) {
    send(res, 403, 'text/plain; charset=utf-8', 'Forbidden')
    return
  }
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > defaultReadLimits.maxFileBytes) {
    send(res, 413, 'text/plain; charset=utf-8', 'File too large')
    return
  }
  const name = safeFileName(decodeURIComponent(String(req.headers['x-file-name'] ?? 'upload')))
  const folder = path.join(uploadsFolder(core.dbPath), crypto.randomUUID())
  const file = path.join(folder, name)
  fs.mkdirSync(folder, { recursive: true })
  try {
    await saveBody(req, file, defaultReadLimits.maxFileBytes)
  } catch {
    fs.rmSync(folder, { recursive: true, force: true })
    send(res, 413, 'text/plain; charset=utf-8', 'File too large or upload interrupted')
    return
  }
  core.paths.allow(file)
  send(res, 200, 'application/json; charset=utf-8', JSON.stringify({ path: file }))
}

function saveBody(req: http.IncomingMessage, file: string, maxBytes: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const out = fs.createWriteStream(file)
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) {
        req.destroy()
        out.destroy()
        reject(new Error('body too large'))
      }
    })
    req.on('error', reject)
    req.on('close', () => (req.complete ? undefined : reject(new Error('upload interrupted'))))
    out.on('error', reject)
    out.on('close', () => (size <= maxBytes ? resolve() : undefined))
    req.pipe(out)
  })
}

/** A file from the exports folder, by name only: nothing outside that folder can be named. */
function download(core: Core, server: http.Server, req: http.IncomingMessage, url: URL, res: http.ServerResponse): void {
  if (req.method !== 'GET' || !sameOrigin(req, server)) {
    send(res, 403, 'text/plain; charset=utf-8', 'Forbidden')
    return
  }
  const name = url.searchParams.get('name') ?? ''
  const folder = path.resolve(exportsFolder(core.dbPath))
  const file = path.resolve(folder, name)
  if (name === '' || path.basename(name) !== name || path.dirname(file) !== folder || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
    send(res, 404, 'text/plain; charset=utf-8', 'Not found')
    return
  }
  res.writeHead(200, {
    'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream',
    'content-disposition': `attachment; filename="${encodeURIComponent(name)}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  })
  fs.createReadStream(file).pipe(res)
}

function sameOrigin(req: http.IncomingMessage, server: http.Server): boolean {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const allowed = [`${HOST}:${port}`, `localhost:${port}`]
  if (!allowed.includes(String(req.headers.host))) return false
  const origin = req.headers.origin
  return origin === undefined || allowed.some((host) => origin === `http://${host}`)
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'))
        req.destroy()
        return
      }
      chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  const base = path.resolve(root)
  const requested = path.resolve(base, `.${decodeURIComponent(pathname)}`)
  const inside = requested === base || requested.startsWith(base + path.sep)
  const file = inside && fs.existsSync(requested) && fs.statSync(requested).isFile() ? requested : path.join(base, 'index.html')
  if (!fs.existsSync(file)) {
    send(res, 404, 'text/plain; charset=utf-8', 'The web renderer is not built: run `npm run build:web`.')
    return
  }
  send(res, 200, contentTypes[path.extname(file)] ?? 'application/octet-stream', fs.readFileSync(file))
}

function send(res: http.ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'cache-control': 'no-store',
  })
  res.end(body)
}
