import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { CallMeta } from '../../shared/api'
import type { MenuMessage } from '../../shared/client'
import type { Envelope } from '../../shared/envelope'
import { errorMessage } from '../../shared/errors'
import type { EventName } from '../../shared/events'
import { IpcChannels, type EventFrame, type InvokeRequest } from '../../shared/transport'
import { dispatch, type Core } from '../core'
import type { AppContents } from './appContents'
import type { PickKind } from './filePicks'

/** The only place the main process talks raw IPC. */
export interface SenderCheck {
  contents: AppContents
  isAppUrl(url: string): boolean
}

export interface InvokeContext extends SenderCheck {
  /** Null while one workspace is being swapped for another. */
  currentCore(): Core | null
}

/** Answers `workbench.invoke` from the app's own windows with the core's envelope. */
export function registerInvokeHandler(context: InvokeContext): void {
  ipcMain.handle(IpcChannels.invoke, (event, request: unknown) => answerInvoke(context, event, request))
}

async function answerInvoke(
  context: InvokeContext,
  event: IpcMainInvokeEvent,
  request: unknown,
): Promise<Envelope<unknown> | undefined> {
  if (!isAppSender(context, event)) return ignore(event)
  const { method, input, meta } = readRequest(request)
  const core = context.currentCore()
  if (!core) return busy(meta)
  return dispatch(core, method, input, meta)
}

/** Answers the app's windows' requests for a native open or save dialog with the picked path. */
export function registerFilePickHandlers(
  context: SenderCheck,
  answer: (kind: PickKind, sender: WebContents, request: unknown) => Promise<string | null>,
): void {
  const channels = { open: IpcChannels.pickOpenPath, save: IpcChannels.pickSavePath } as const
  for (const kind of ['open', 'save'] as const) {
    ipcMain.handle(channels[kind], (event, request: unknown) => (isAppSender(context, event) ? answer(kind, event.sender, request) : ignore(event)))
  }
}

/** The top frame of a window the app created, showing the app's own page. */
function isAppSender(context: SenderCheck, event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame
  return context.contents.has(event.sender) && frame !== null && frame.parent === null && context.isAppUrl(frame.url)
}

/** A frame we did not create gets no answer at all, not even an error it could probe with. */
function ignore(event: IpcMainInvokeEvent): undefined {
  console.warn('[workbench] ignored IPC from an unknown sender:', event.senderFrame?.url ?? '(gone)')
  return undefined
}

/** Any shape may arrive; dispatch validates the fields, this only unpacks them. */
function readRequest(request: unknown): { [K in keyof InvokeRequest]: unknown } {
  if (typeof request !== 'object' || request === null) return { method: undefined, input: undefined, meta: undefined }
  const { method, input, meta } = request as Partial<Record<keyof InvokeRequest, unknown>>
  return { method, input, meta }
}

function busy(meta: unknown): Envelope<unknown> {
  const locale = CallMeta.safeParse(meta ?? {}).data?.locale ?? 'zh-CN'
  return { ok: false, error: { code: 'DB_BUSY', message: errorMessage('DB_BUSY', locale) } }
}

/** Core events go to the app's windows and nowhere else. */
export function broadcastEvent(contents: AppContents, event: EventName, payload: unknown): void {
  const frame: EventFrame = { event, payload }
  for (const target of contents.list()) target.send(IpcChannels.event, frame)
}

export function sendMenuMessage(target: WebContents, message: MenuMessage): void {
  target.send(IpcChannels.menu, message)
}
