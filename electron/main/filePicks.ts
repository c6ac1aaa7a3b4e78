import path from 'node:path'
import { BrowserWindow, type FileFilter, type WebContents } from 'electron'
import { z } from 'zod'
import { safeFileName } from '../core/services/exports/files'
import { pickOpenPath, pickSavePath } from './dialogs'

/** What the page may ask of a dialog; anything else is refused without showing one. */
const PickRequest = z
  .object({
    title: z.string().min(1).max(200),
    extensions: z.array(z.string().regex(/^[a-zA-Z0-9]{1,10}$/)).min(1).max(20),
    suggestedName: z.string().min(1).max(200).optional(),
  })
  .strict()

export type PickKind = 'open' | 'save'

export interface FilePickContext {
  /** Records a picked path with the workspace's path guard, so the core accepts it. */
  allow(filePath: string): void
  /** Where the dialogs start (the user's documents folder). */
  documentsDir: string
}

/**
 * Shows the native open or save dialog a window asked for, attached to that
 * window, and records the pick: a file the user chose is one the core may
 * read or write. Null when the user cancels or the request is malformed.
 */
export async function answerFilePick(context: FilePickContext, sender: WebContents, kind: PickKind, request: unknown): Promise<string | null> {
  const parsed = PickRequest.safeParse(request)
  if (!parsed.success) return null
  const { title, extensions, suggestedName } = parsed.data
  const parent = BrowserWindow.fromWebContents(sender)
  const filters: FileFilter[] = [{ name: extensions.map((ext) => `*.${ext}`).join(', '), extensions }]
  const picked =
    kind === 'open'
      ? await pickOpenPath(parent, { title, filters, defaultPath: context.documentsDir })
      : await pickSavePath(parent, { title, filters, defaultPath: path.join(context.documentsDir, safeFileName(suggestedName ?? 'export')) })
  if (picked) context.allow(picked)
  return picked
}
