import { describe, expect, it } from 'vitest'
import {
  canRedo,
  canUndo,
  emptyHistory,
  pushStep,
  redone,
  redoRequests,
  takeRedo,
  takeUndo,
  undone,
  undoRequests,
  type EditStep,
} from '../../renderer/src/modules/grid/utils/undoStack'

const paste: EditStep = {
  kind: 'paste',
  changes: [
    { id: 1, before: { amount: 100 }, after: { amount: 120000 }, version: 4 },
    { id: 2, before: { amount: null, ownerId: 3 }, after: { amount: 5, ownerId: 7 }, version: 2 },
  ],
  created: [],
}
const edit: EditStep = { kind: 'edit', changes: [{ id: 9, before: { name: 'a' }, after: { name: 'b' }, version: 3 }], created: [] }

describe('the undo stack', () => {
  it('undoes one paste as one step, sending the old values with the versions the write returned', () => {
    const history = pushStep(emptyHistory, paste)
    expect(canUndo(history)).toBe(true)
    const taken = takeUndo(history)!
    expect(taken.step).toBe(paste)
    expect(undoRequests(taken.step)).toEqual({
      update: [
        { id: 1, version: 4, patch: { amount: 100 } },
        { id: 2, version: 2, patch: { amount: null, ownerId: 3 } },
      ],
      remove: [],
      create: [],
    })
    expect(canUndo(taken.history)).toBe(false)
  })

  it('redoes with the versions the undo returned', () => {
    const taken = takeUndo(pushStep(emptyHistory, paste))!
    const afterUndo = undone(taken.history, taken.step, { versions: new Map([[1, 5], [2, 3]]) })
    expect(canRedo(afterUndo)).toBe(true)
    const redo = takeRedo(afterUndo)!
    expect(redoRequests(redo.step).update).toEqual([
      { id: 1, version: 5, patch: { amount: 120000 } },
      { id: 2, version: 3, patch: { amount: 5, ownerId: 7 } },
    ])
    const afterRedo = redone(redo.history, redo.step, { versions: new Map([[1, 6], [2, 4]]) })
    expect(canRedo(afterRedo)).toBe(false)
    expect(takeUndo(afterRedo)!.step.changes.map((c) => c.version)).toEqual([6, 4])
  })

  it('undoes in reverse order, and a new step clears the redo list', () => {
    let history = pushStep(pushStep(emptyHistory, paste), edit)
    const first = takeUndo(history)!
    expect(first.step).toBe(edit)
    history = undone(first.history, first.step, { versions: new Map([[9, 4]]) })
    expect(takeUndo(history)!.step).toBe(paste)
    history = pushStep(history, { ...edit, changes: [{ ...edit.changes[0]!, id: 10 }] })
    expect(canRedo(history)).toBe(false)
  })

  it('sends created rows to the trash on undo and creates them again on redo', () => {
    const step: EditStep = {
      kind: 'paste',
      changes: [],
      created: [{ id: 41, version: 1, input: { name: 'New', stageId: 2 } }],
    }
    const taken = takeUndo(pushStep(emptyHistory, step))!
    expect(undoRequests(taken.step).remove).toEqual([{ id: 41, version: 1 }])
    const history = undone(taken.history, taken.step, { versions: new Map() })
    const redo = takeRedo(history)!
    expect(redoRequests(redo.step).create).toEqual([{ name: 'New', stageId: 2 }])
    const again = redone(redo.history, redo.step, { versions: new Map(), created: [{ id: 57, version: 1 }] })
    expect(undoRequests(takeUndo(again)!.step).remove).toEqual([{ id: 57, version: 1 }])
  })

  it('ignores empty steps and keeps at most the limit', () => {
    expect(pushStep(emptyHistory, { kind: 'edit', changes: [], created: [] })).toBe(emptyHistory)
    let history = emptyHistory
    for (let i = 0; i < 5; i += 1) history = pushStep(history, { ...edit, changes: [{ ...edit.changes[0]!, id: i + 1 }] }, 3)
    expect(history.past.map((s) => s.changes[0]!.id)).toEqual([3, 4, 5])
    expect(takeUndo(emptyHistory)).toBeNull()
    expect(takeRedo(emptyHistory)).toBeNull()
  })
})
