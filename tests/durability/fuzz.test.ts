import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi, type MockInstance } from 'vitest'
import { Api, MethodNames, isMethodName, type MethodName } from '../../shared/api'
import { ErrorCode, ErrorMessages } from '../../shared/errors'
import { dispatch, openCore, type Core } from '../../electron/core'
import { hostileValue, mutated, validish } from './arbitraries'
import { commitWatcher } from './helpers'

/** Inputs per method; the whole file stays within seconds. */
const RUNS = 60
/**
 * A fixed seed keeps CI reproducible; FUZZ_SEED=<n> replays another run and
 * FUZZ_SEED=random explores afresh (fast-check prints the seed of any failure).
 */
const SEED = process.env.FUZZ_SEED === 'random' ? undefined : Number(process.env.FUZZ_SEED ?? 20261121)
const meta = { locale: 'en', userId: null }
/** What a leaked stack trace looks like: `at fn (file.ts:12:5)`. */
const STACK_TRACE = /\bat .*:\d+:\d+|\.[cm]?[jt]s:\d+/

let dir: string
let core: Core
let watcher: ReturnType<typeof commitWatcher>
let internalErrors: MockInstance<Console['error']>

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'workbench-fuzz-'))
  // Only the workspace's own folders are allowed: every other path must be refused, so nothing is written
  // outside this folder (imports, exports and backups to random paths all answer PATH_NOT_ALLOWED).
  core = await openCore({ dbPath: path.join(dir, 'workspace.db'), surface: 'test', clock: () => new Date('2026-11-20T08:00:00Z') })
  const demo = await dispatch(core, 'workspace.loadDemo', { scale: 60 }, meta)
  expect(demo.ok).toBe(true)
  watcher = commitWatcher(core.dbPath)
  // Dispatch logs the cause of an INTERNAL error; the assertion below reports it instead.
  internalErrors = vi.spyOn(console, 'error').mockImplementation(() => {})
})

afterAll(() => {
  watcher.close()
  core.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

/**
 * The promise every method keeps, whatever it is sent: a result its output
 * schema accepts, or a typed error with the sentence for its code, no stack
 * trace, and no commit to the database.
 */
async function keepsThePromise(method: unknown, input: unknown, callMeta: unknown = meta): Promise<void> {
  const name = typeof method === 'string' ? method : `(a ${typeof method} as method)`
  const before = watcher.dataVersion()
  const envelope = await dispatch(core, method, input, callMeta)
  if (envelope.ok) {
    expect(isMethodName(method)).toBe(true)
    const parsed = Api[method as MethodName].output.safeParse(envelope.value)
    expect(parsed.error?.issues.slice(0, 3), `${name} answered outside its output schema`).toBeUndefined()
    return
  }
  const { code, message, details } = envelope.error
  expect(ErrorCode.options).toContain(code)
  expect(code, `${name} failed inside: ${String(internalErrors.mock.lastCall?.at(-1))}`).not.toBe('INTERNAL')
  const locale = (callMeta as { locale?: unknown } | null)?.locale === 'zh-CN' ? 'zh-CN' : 'en'
  expect([ErrorMessages[code][locale], ErrorMessages[code].en, ErrorMessages[code]['zh-CN']]).toContain(message)
  expect(JSON.stringify(details ?? null)).not.toMatch(STACK_TRACE)
  expect(watcher.dataVersion(), `${name} wrote to the database and then failed with ${code}`).toBe(before)
}

describe('fuzzing every method of the contract', () => {
  it.each(MethodNames)('%s', async (method) => {
    const valid = validish(Api[method].input)
    const inputs = fc.oneof(
      { arbitrary: valid, weight: 2 },
      { arbitrary: mutated(valid), weight: 2 },
      { arbitrary: hostileValue, weight: 1 },
    )
    await fc.assert(
      fc.asyncProperty(inputs, (input) => keepsThePromise(method, input)),
      { numRuns: RUNS, seed: SEED },
    )
  })

  it('answers unknown methods and malformed call metadata with typed errors', async () => {
    const methods = fc.oneof(fc.constantFrom(...MethodNames), hostileValue, fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty'))
    const metas = fc.oneof(fc.constant(meta), fc.constant({ locale: 'zh-CN', userId: null }), hostileValue)
    await fc.assert(
      fc.asyncProperty(methods, hostileValue, metas, (method, input, callMeta) => keepsThePromise(method, input, callMeta)),
      { numRuns: 300, seed: SEED },
    )
  })
})
