import fs from 'node:fs'
import path from 'node:path'
import type { Core } from '../../core'

/** Files the workbench writes for people to take away, beside the workspace (the web host serves them by name). */
export function exportsFolder(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'exports')
}

/** Files a browser uploads for import, beside the workspace. */
export function uploadsFolder(dbPath: string): string {
  return path.join(path.dirname(dbPath), 'imports')
}

/** A name safe on every file system: no separators or reserved characters, not too long. */
export function safeFileName(name: string): string {
  const visible = [...name].map((ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('')
  const cleaned = visible.replace(/[\\/:*?"<>|]/g, '_').replace(/^\.+/, '').trim()
  return cleaned.slice(-120) || 'file'
}

/**
 * Where to write an output: the path the person chose in a save dialog (it
 * must be one the surface allowed), or a new file in the exports folder
 * named after what it holds and when.
 */
export function outputPath(core: Core, chosen: string | undefined, baseName: string, extension: string): string {
  if (chosen !== undefined) return core.paths.check(chosen)
  const folder = exportsFolder(core.dbPath)
  fs.mkdirSync(folder, { recursive: true })
  const stamp = core.clock().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-')
  const base = safeFileName(`${baseName}-${stamp}`)
  let file = path.join(folder, `${base}.${extension}`)
  for (let n = 2; fs.existsSync(file); n++) file = path.join(folder, `${base}-${n}.${extension}`)
  return file
}
