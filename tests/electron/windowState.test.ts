import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { EventEmitter } from 'node:events'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { persistWindowState, readWindowState, restoreWindowState } from '../../electron/main/windowState'

const laptop = [{ x: 0, y: 0, width: 1920, height: 1040 }]

describe('restoreWindowState', () => {
  it('restores a saved window that is on screen', () => {
    const saved = { x: 100, y: 80, width: 1400, height: 900, maximized: true }
    expect(restoreWindowState(saved, laptop)).toEqual(saved)
  })

  it('drops a position on a monitor that is gone, keeping the size', () => {
    const saved = { x: 2500, y: 100, width: 1400, height: 900, maximized: false }
    expect(restoreWindowState(saved, laptop)).toEqual({ width: 1400, height: 900, maximized: false })
  })

  it('keeps a position on a second monitor that is still attached', () => {
    const saved = { x: 2500, y: 100, width: 1400, height: 900, maximized: false }
    const twoScreens = [...laptop, { x: 1920, y: 0, width: 2560, height: 1400 }]
    expect(restoreWindowState(saved, twoScreens)).toEqual(saved)
  })

  it('uses the default size for a missing, malformed or too small state', () => {
    for (const saved of [undefined, null, 'x', { width: 'wide' }, { width: 200, height: 100, maximized: false }]) {
      const state = restoreWindowState(saved, laptop)
      expect(state.x).toBeUndefined()
      expect(state.width).toBeGreaterThanOrEqual(1024)
      expect(state.maximized).toBe(false)
    }
  })
})

describe('the state file', () => {
  const dirs: string[] = []
  afterEach(() => {
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('round-trips through persistWindowState and readWindowState', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'window-state-'))
    dirs.push(dir)
    const file = path.join(dir, 'window-state.json')
    const win = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 40, y: 30, width: 1500, height: 950 }),
      isMaximized: () => true,
    })

    persistWindowState(win as never, file)
    expect(fs.existsSync(file)).toBe(false)
    win.emit('close')

    expect(readWindowState(file, laptop)).toEqual({ x: 40, y: 30, width: 1500, height: 950, maximized: true })
  })

  it('reads a corrupt file as the default', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'window-state-'))
    dirs.push(dir)
    const file = path.join(dir, 'window-state.json')
    fs.writeFileSync(file, '{not json')
    expect(readWindowState(file, laptop)).toEqual(restoreWindowState(undefined, laptop))
  })

  it('does not let a failed write interrupt closing', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const win = Object.assign(new EventEmitter(), {
      getNormalBounds: () => ({ x: 0, y: 0, width: 1500, height: 950 }),
      isMaximized: () => false,
    })
    persistWindowState(win as never, path.join(os.tmpdir(), 'no-such-dir', 'deeper', 'state.json'))
    expect(() => win.emit('close')).not.toThrow()
    expect(warn).toHaveBeenCalled()
  })
})
