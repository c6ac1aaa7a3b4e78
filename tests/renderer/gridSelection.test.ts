import { describe, expect, it } from 'vitest'
import { gridCommand } from '../../renderer/src/modules/grid/utils/keyboard'
import {
  cellSelection,
  clampSelection,
  inRange,
  moveSelection,
  rangeOf,
  rowsSelection,
  tabSelection,
  type Bounds,
} from '../../renderer/src/modules/grid/utils/selection'

const bounds: Bounds = { rows: 100, cols: 5, pageRows: 10 }
const at = (row: number, col: number) => cellSelection({ row, col })

describe('the cell cursor', () => {
  it('moves by arrows and stops at the edges', () => {
    expect(moveSelection(at(0, 0), 'up', bounds, false)).toEqual(at(0, 0))
    expect(moveSelection(at(0, 0), 'down', bounds, false)).toEqual(at(1, 0))
    expect(moveSelection(at(0, 4), 'right', bounds, false)).toEqual(at(0, 4))
    expect(moveSelection(at(5, 2), 'left', bounds, false)).toEqual(at(5, 1))
  })

  it('jumps with Home/End, PageUp/PageDown and Ctrl+arrows', () => {
    expect(moveSelection(at(5, 2), 'rowStart', bounds, false)).toEqual(at(5, 0))
    expect(moveSelection(at(5, 2), 'rowEnd', bounds, false)).toEqual(at(5, 4))
    expect(moveSelection(at(5, 2), 'pageDown', bounds, false)).toEqual(at(15, 2))
    expect(moveSelection(at(5, 2), 'pageUp', bounds, false)).toEqual(at(0, 2))
    expect(moveSelection(at(5, 2), 'bottom', bounds, false)).toEqual(at(99, 2))
    expect(moveSelection(at(5, 2), 'top', bounds, false)).toEqual(at(0, 2))
    expect(moveSelection(at(5, 2), 'last', bounds, false)).toEqual(at(99, 4))
    expect(moveSelection(at(5, 2), 'first', bounds, false)).toEqual(at(0, 0))
  })

  it('extends a range with Shift, keeping the anchor', () => {
    let s = at(3, 1)
    s = moveSelection(s, 'down', bounds, true)
    s = moveSelection(s, 'down', bounds, true)
    s = moveSelection(s, 'right', bounds, true)
    expect(s).toEqual({ anchor: { row: 3, col: 1 }, focus: { row: 5, col: 2 } })
    expect(rangeOf(s)).toEqual({ top: 3, bottom: 5, left: 1, right: 2 })
    expect(inRange(rangeOf(s), 4, 2)).toBe(true)
    expect(inRange(rangeOf(s), 6, 2)).toBe(false)
    // A plain move collapses the range to the cursor.
    expect(moveSelection(s, 'up', bounds, false)).toEqual(at(4, 2))
  })

  it('normalises a range dragged up and to the left', () => {
    expect(rangeOf({ anchor: { row: 9, col: 3 }, focus: { row: 2, col: 0 } })).toEqual({ top: 2, bottom: 9, left: 0, right: 3 })
  })

  it('skips group headers and never lands on one', () => {
    const headers = new Set([0, 4, 9])
    const grouped: Bounds = { rows: 10, cols: 3, pageRows: 3, isDataRow: (r) => !headers.has(r) }
    expect(moveSelection(at(3, 0), 'down', grouped, false)).toEqual(at(5, 0))
    expect(moveSelection(at(5, 0), 'up', grouped, false)).toEqual(at(3, 0))
    expect(moveSelection(at(5, 0), 'top', grouped, false)).toEqual(at(1, 0))
    expect(moveSelection(at(1, 0), 'up', grouped, false)).toEqual(at(1, 0))
    // The last row is a collapsed group's header: Ctrl+Down stops on the last record above it.
    expect(moveSelection(at(1, 0), 'bottom', grouped, false)).toEqual(at(8, 0))
    expect(moveSelection(at(8, 0), 'down', grouped, false)).toEqual(at(8, 0))
  })

  it('tabs along a row and wraps to the next one, and back', () => {
    expect(tabSelection(at(2, 3), false, bounds)).toEqual(at(2, 4))
    expect(tabSelection(at(2, 4), false, bounds)).toEqual(at(3, 0))
    expect(tabSelection(at(3, 0), true, bounds)).toEqual(at(2, 4))
    expect(tabSelection(at(0, 0), true, bounds)).toEqual(at(0, 0))
    expect(tabSelection(at(99, 4), false, bounds)).toEqual(at(99, 4))
  })

  it('selects whole rows from the row numbers, and clamps after rows go away', () => {
    expect(rowsSelection(7, 3, 5)).toEqual({ anchor: { row: 7, col: 0 }, focus: { row: 3, col: 4 } })
    expect(clampSelection({ anchor: { row: 50, col: 9 }, focus: { row: 80, col: 1 } }, { rows: 60, cols: 4, pageRows: 10 })).toEqual({
      anchor: { row: 50, col: 3 },
      focus: { row: 59, col: 1 },
    })
  })
})

describe('grid keys', () => {
  const key = (k: string, mods: Partial<{ ctrl: boolean; shift: boolean; meta: boolean; alt: boolean }> = {}) =>
    gridCommand({ key: k, ctrlKey: !!mods.ctrl, shiftKey: !!mods.shift, metaKey: !!mods.meta, altKey: !!mods.alt })

  it('maps navigation, editing and history keys as Excel users expect', () => {
    expect(key('ArrowDown')).toEqual({ type: 'move', move: 'down', extend: false })
    expect(key('ArrowDown', { shift: true })).toEqual({ type: 'move', move: 'down', extend: true })
    expect(key('ArrowDown', { ctrl: true })).toEqual({ type: 'move', move: 'bottom', extend: false })
    expect(key('ArrowLeft', { meta: true, shift: true })).toEqual({ type: 'move', move: 'rowStart', extend: true })
    expect(key('Home', { ctrl: true })).toEqual({ type: 'move', move: 'first', extend: false })
    expect(key('PageDown')).toEqual({ type: 'move', move: 'pageDown', extend: false })
    expect(key('Tab', { shift: true })).toEqual({ type: 'tab', backward: true })
    expect(key('Enter')).toEqual({ type: 'edit' })
    expect(key('F2')).toEqual({ type: 'edit' })
    expect(key('Delete')).toEqual({ type: 'clear' })
    expect(key('d', { ctrl: true })).toEqual({ type: 'fillDown' })
    expect(key('z', { ctrl: true })).toEqual({ type: 'undo' })
    expect(key('Z', { ctrl: true, shift: true })).toEqual({ type: 'redo' })
    expect(key('y', { ctrl: true })).toEqual({ type: 'redo' })
    expect(key('a', { meta: true })).toEqual({ type: 'selectAll' })
    expect(key('Escape')).toEqual({ type: 'collapse' })
    expect(key(' ')).toEqual({ type: 'open' })
  })

  it('starts editing on a printable key and leaves copy/paste to their events', () => {
    expect(key('x')).toEqual({ type: 'type', text: 'x' })
    expect(key('中')).toEqual({ type: 'type', text: '中' })
    expect(key('c', { ctrl: true })).toBeNull()
    expect(key('v', { ctrl: true })).toBeNull()
    expect(key('Shift', { shift: true })).toBeNull()
  })
})
