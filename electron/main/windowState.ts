import fs from 'node:fs'
import type { BrowserWindow, Rectangle } from 'electron'
import { z } from 'zod'

export const MIN_WIDTH = 1024
export const MIN_HEIGHT = 640
const DEFAULT_SIZE = { width: 1360, height: 860 }

const SavedState = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(MIN_WIDTH).max(20_000),
  height: z.number().int().min(MIN_HEIGHT).max(20_000),
  maximized: z.boolean(),
})
export type WindowState = z.infer<typeof SavedState>

/**
 * Turns whatever the state file held into a usable window state. A broken or
 * missing file gives the default size; a position on a monitor that is no
 * longer attached is dropped so the window opens centred instead of off-screen.
 */
export function restoreWindowState(saved: unknown, workAreas: readonly Rectangle[]): WindowState {
  const parsed = SavedState.safeParse(saved)
  if (!parsed.success) return { ...DEFAULT_SIZE, maximized: false }
  const { x, y, width, height, maximized } = parsed.data
  if (x === undefined || y === undefined) return { width, height, maximized }
  const visible = workAreas.some((area) => overlapsEnough({ x, y, width, height }, area))
  return visible ? { x, y, width, height, maximized } : { width, height, maximized }
}

/** At least a grabbable strip of the title bar must land on the display. */
function overlapsEnough(win: Rectangle, area: Rectangle): boolean {
  const overlapX = Math.min(win.x + win.width, area.x + area.width) - Math.max(win.x, area.x)
  const overlapY = Math.min(win.y + win.height, area.y + area.height) - Math.max(win.y, area.y)
  return overlapX >= 100 && overlapY >= 50
}

export function readWindowState(file: string, workAreas: readonly Rectangle[]): WindowState {
  let saved: unknown
  try {
    saved = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch {
    saved = undefined
  }
  return restoreWindowState(saved, workAreas)
}

/** Saves the un-maximized bounds when the window closes, so un-maximizing later returns to them. */
export function persistWindowState(win: BrowserWindow, file: string): void {
  win.on('close', () => {
    const bounds = win.getNormalBounds()
    const state: WindowState = { ...bounds, maximized: win.isMaximized() }
    try {
      fs.writeFileSync(file, JSON.stringify(state))
    } catch (err) {
      // Losing the window size is not worth interrupting a quit for.
      console.warn('[workbench] could not save window state:', err)
    }
  })
}
