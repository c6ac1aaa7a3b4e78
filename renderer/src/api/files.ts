import type { FilePickOptions } from '../../../shared/client'
import { errorMessage } from '../../../shared/errors'
import type { WrittenFile } from '../../../shared/methods/imports'
import { WebRoutes } from '../../../shared/transport'
import { ApiCallError } from './ApiCallError'
import { getCallMeta } from './callMeta'

/** Asks for a file to read: a native dialog in Electron, a browser file picker + upload (WebRoutes.upload) in the web host. Resolves to a path the core accepts, or null when cancelled. */
export function pickFileToOpen(options: { title: string; extensions: string[] }): Promise<string | null> {
  const native = window.workbench?.pickOpenPath
  if (native) return native(pickOptions(options))
  return browseAndUpload(options.extensions)
}

/** Saves a file the core writes: Electron asks for the path first (native save dialog) and passes it as outPath; the web host lets the core write into its exports folder (outPath undefined) and then downloads the result (WebRoutes.download). Resolves to the written file, or null when cancelled. */
export async function saveGeneratedFile(
  options: { title: string; suggestedName: string; extensions: string[] },
  write: (outPath: string | undefined) => Promise<WrittenFile>,
): Promise<WrittenFile | null> {
  const native = window.workbench?.pickSavePath
  if (native) {
    const outPath = await native(pickOptions(options))
    return outPath === null ? null : write(outPath)
  }
  const written = await write(undefined)
  download(written.fileName)
  return written
}

function pickOptions(options: { title: string; extensions: string[]; suggestedName?: string }): FilePickOptions {
  return { title: options.title, extensions: options.extensions.map((ext) => ext.replace(/^\./, '')), ...(options.suggestedName ? { suggestedName: options.suggestedName } : {}) }
}

/** The browser's picker: resolves with the chosen file, or null once the person closes it without one. */
function browse(extensions: string[]): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = extensions.map((ext) => `.${ext.replace(/^\./, '')}`).join(',')
    input.hidden = true
    const done = (file: File | null) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true })
    input.addEventListener('cancel', () => done(null), { once: true })
    // Attached so the picker belongs to the page (and to Playwright's file chooser).
    document.body.append(input)
    input.click()
  })
}

async function browseAndUpload(extensions: string[]): Promise<string | null> {
  const file = await browse(extensions)
  if (!file) return null
  let response: Response
  try {
    response = await fetch(new URL(WebRoutes.upload, window.location.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
      body: file,
    })
  } catch {
    throw failure('INTERNAL')
  }
  // The route refuses only files over the size limit (413) or requests not from this page.
  if (!response.ok) throw failure(response.status === 413 ? 'IMPORT_FILE_REFUSED' : 'PATH_NOT_ALLOWED')
  return ((await response.json()) as { path: string }).path
}

function failure(code: 'INTERNAL' | 'IMPORT_FILE_REFUSED' | 'PATH_NOT_ALLOWED'): ApiCallError {
  return new ApiCallError({ code, message: errorMessage(code, getCallMeta().locale) })
}

/** Hands a file from the exports folder to the browser's downloads. */
function download(fileName: string): void {
  const link = document.createElement('a')
  link.href = `${WebRoutes.download}?name=${encodeURIComponent(fileName)}`
  link.download = fileName
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
}
