import type { Move } from './selection'

/** The parts of a keyboard event the grid reads; a DOM KeyboardEvent fits. */
export interface KeyInput {
  key: string
  ctrlKey: boolean
  metaKey: boolean
  shiftKey: boolean
  altKey: boolean
}

/** What a key pressed on the grid (not inside an editor) asks for. */
export type GridCommand =
  | { type: 'move'; move: Move; extend: boolean }
  | { type: 'tab'; backward: boolean }
  | { type: 'edit' }
  | { type: 'type'; text: string }
  | { type: 'clear' }
  | { type: 'fillDown' }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'selectAll' }
  | { type: 'open' }
  | { type: 'collapse' }

const plainMoves: Record<string, Move> = {
  ArrowUp: 'up',
  ArrowDown: 'down',
  ArrowLeft: 'left',
  ArrowRight: 'right',
  Home: 'rowStart',
  End: 'rowEnd',
  PageUp: 'pageUp',
  PageDown: 'pageDown',
}

/** Ctrl (⌘ on a Mac) with an arrow jumps to the edge, as in Excel; with Home/End to the corners. */
const jumpMoves: Record<string, Move> = {
  ArrowUp: 'top',
  ArrowDown: 'bottom',
  ArrowLeft: 'rowStart',
  ArrowRight: 'rowEnd',
  Home: 'first',
  End: 'last',
}

/**
 * Maps a key to a grid command, or null for keys the grid leaves alone
 * (Ctrl+C / Ctrl+V arrive as copy and paste events instead).
 */
export function gridCommand(e: KeyInput): GridCommand | null {
  const mod = e.ctrlKey || e.metaKey
  if (mod && !e.altKey) {
    const jump = jumpMoves[e.key]
    if (jump) return { type: 'move', move: jump, extend: e.shiftKey }
    switch (e.key.toLowerCase()) {
      case 'z':
        return e.shiftKey ? { type: 'redo' } : { type: 'undo' }
      case 'y':
        return { type: 'redo' }
      case 'd':
        return { type: 'fillDown' }
      case 'a':
        return { type: 'selectAll' }
      default:
        return null
    }
  }
  if (e.altKey) return null
  const move = plainMoves[e.key]
  if (move) return { type: 'move', move, extend: e.shiftKey }
  switch (e.key) {
    case 'Tab':
      return { type: 'tab', backward: e.shiftKey }
    case 'Enter':
    case 'F2':
      return { type: 'edit' }
    case 'Delete':
    case 'Backspace':
      return { type: 'clear' }
    case 'Escape':
      return { type: 'collapse' }
    case ' ':
      // Space opens the record (as in Airtable); Shift+Space types a space.
      return e.shiftKey ? { type: 'type', text: ' ' } : { type: 'open' }
  }
  // A printable character starts editing with that character, replacing the value.
  if ([...e.key].length === 1) return { type: 'type', text: e.key }
  return null
}
