import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Where the window's page and preload come from. In development electron-vite
 * serves the renderer and passes its address in ELECTRON_RENDERER_URL; a build
 * loads the files emitted next to out/main.
 */
export interface AppEntry {
  /** The vite dev server origin, or null when loading the built files. */
  devServerUrl: string | null
  indexHtml: string
  preload: string
}

/** `mainDir` is the folder holding the bundled main script (out/main). */
export function resolveAppEntry(env: NodeJS.ProcessEnv, mainDir: string): AppEntry {
  return {
    devServerUrl: env.ELECTRON_RENDERER_URL ? new URL(env.ELECTRON_RENDERER_URL).origin : null,
    indexHtml: path.join(mainDir, '../renderer/index.html'),
    preload: path.join(mainDir, '../preload/index.cjs'),
  }
}

/**
 * True when `url` is the app's own page. Query and hash are ignored because the
 * renderer routes with them; anything else (another file, another origin) is not ours.
 */
export function isAppUrl(entry: AppEntry, url: string): boolean {
  const parsed = safeUrl(url)
  if (!parsed) return false
  if (entry.devServerUrl) return parsed.origin === entry.devServerUrl
  return parsed.protocol === 'file:' && parsed.pathname === pathToFileURL(entry.indexHtml).pathname
}

function safeUrl(url: string): URL | null {
  try {
    return new URL(url)
  } catch {
    return null
  }
}
