import { once } from 'node:events'
import { createRequire } from 'node:module'
import path from 'node:path'
import { setImmediate } from 'node:timers/promises'
import { Worker } from 'node:worker_threads'
import { describe, expect, it } from 'vitest'
import { dispatch, openCore, type Core } from '../../electron/core'
import { openWorkspace } from '../helpers/workspace'
import { spawnScript } from './helpers'

const meta = { locale: 'en', userId: null }

async function call(core: Core, method: string, input: unknown) {
  return dispatch(core, method, input, meta)
}

/** In a thread of its own (so this one can wait on it), holds a write transaction for `holdMs`, then commits. */
function holdWriteLock(dbPath: string, holdMs: number): Worker {
  const source = `
    const { workerData, parentPort } = require('node:worker_threads')
    const Database = require(workerData.driver)
    const db = new Database(workerData.dbPath)
    db.exec('BEGIN IMMEDIATE')
    db.prepare("UPDATE opportunities SET next_step = 'held by the other writer' WHERE id = 1").run()
    parentPort.postMessage('locked')
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, workerData.holdMs)
    db.exec('COMMIT')
    db.close()
  `
  return new Worker(source, { eval: true, workerData: { dbPath, holdMs, driver: createRequire(import.meta.url).resolve('better-sqlite3') } })
}

describe('two windows on one workspace', () => {
  it('see each other’s edits, and a stale edit is refused with CONFLICT and changes nothing', async () => {
    const ws = await openWorkspace()
    const other = await openCore({ dbPath: ws.core.dbPath, surface: 'test' })
    try {
      const [stage] = await ws.call('stages.list', {})
      const created = await ws.call('opportunities.create', { name: '共享商机', stageId: stage!.id, amount: 100 })
      const seenByOther = await call(other, 'opportunities.get', { id: created.id })
      expect(seenByOther).toMatchObject({ ok: true, value: { name: '共享商机', version: 1 } })

      await ws.call('opportunities.update', { id: created.id, version: 1, patch: { amount: 200 } })
      const stale = await call(other, 'opportunities.update', { id: created.id, version: 1, patch: { amount: 300 } })

      expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
      expect(await ws.call('opportunities.get', { id: created.id })).toMatchObject({ amount: 200, version: 2 })
      const retried = await call(other, 'opportunities.update', { id: created.id, version: 2, patch: { amount: 300 } })
      expect(retried).toMatchObject({ ok: true, value: { amount: 300, version: 3 } })
      // A stale bulk edit is refused whole: the row that was current is not changed either.
      const second = await ws.call('opportunities.create', { name: 'Second', stageId: stage!.id })
      const bulk = await call(other, 'grid.update', {
        entity: 'opportunity',
        changes: [
          { id: second.id, version: 1, patch: { nextStep: 'bulk' } },
          { id: created.id, version: 2, patch: { nextStep: 'bulk' } },
        ],
      })
      expect(bulk).toMatchObject({ ok: false, error: { code: 'CONFLICT', details: { row: 1 } } })
      expect((await ws.call('opportunities.get', { id: second.id })).nextStep).toBeNull()
    } finally {
      other.close()
    }
  })

  it('makes a writer wait for another connection’s write transaction instead of failing', async () => {
    const ws = await openWorkspace()
    const [stage] = await ws.call('stages.list', {})
    await ws.call('opportunities.create', { name: 'First', stageId: stage!.id })
    const holder = holdWriteLock(ws.core.dbPath, 400)
    await once(holder, 'message')

    const started = Date.now()
    const created = await ws.raw('opportunities.create', { name: 'Waited', stageId: stage!.id })
    const waited = Date.now() - started

    expect(created).toMatchObject({ ok: true })
    expect(waited).toBeGreaterThanOrEqual(300)
    await once(holder, 'exit')
    expect((await ws.call('opportunities.get', { id: 1 })).nextStep).toBe('held by the other writer')
    expect((await ws.call('opportunities.list', { offset: 0, limit: 1 })).total).toBe(2)
  })
})

describe('a window and the CLI on one workspace', () => {
  it('both write at once without a single DB_BUSY, and every row of both lands', async () => {
    const ws = await openWorkspace()
    const [stage] = await ws.call('stages.list', {})
    const child = spawnScript(path.resolve('tests/durability/crashWorker.ts'), [ws.core.dbPath, 'cli', '200', '2'])
    let output = ''
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    const exited = once(child, 'exit')
    while (!output.includes('begin create')) await setImmediate()

    const failures: unknown[] = []
    let windowRows = 0
    while (!output.includes('done') && child.exitCode === null) {
      const result = await ws.raw('opportunities.create', { name: `window ${windowRows}`, stageId: stage!.id })
      if (result.ok) windowRows += 1
      else failures.push(result.error)
      await setImmediate()
    }
    const [code] = await exited

    expect(code, output).toBe(0)
    expect(failures).toEqual([])
    expect(windowRows).toBeGreaterThan(0)
    // Two rounds of 200 created and 200 imported by the CLI, and the window's own.
    expect((await ws.call('opportunities.list', { offset: 0, limit: 1 })).total).toBe(2 * 400 + windowRows)
  })
})
