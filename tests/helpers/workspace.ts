import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach } from 'vitest'
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api'
import type { Envelope } from '../../shared/envelope'
import { dispatch, openCore, type Core } from '../../electron/core'

const cleanups: (() => void)[] = []

afterEach(() => {
  while (cleanups.length > 0) cleanups.pop()!()
})

/** A fresh folder removed after the test. */
export function tempDir(prefix = 'workbench-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }))
  return dir
}

export interface TestWorkspace {
  core: Core
  dir: string
  /** Calls through the same door as every surface and returns the raw envelope. */
  raw(method: string, input: unknown, meta?: unknown): Promise<Envelope<unknown>>
  /** Calls a method and returns its value, failing the test on an error envelope. */
  call<M extends MethodName>(method: M, input: MethodInput<M>, meta?: { userId?: number | null }): Promise<MethodOutput<M>>
}

/** A real workspace file in a temp folder, with a controllable clock. */
export async function openWorkspace(options: { now?: () => Date; file?: string; parallelChartsFrom?: number } = {}): Promise<TestWorkspace> {
  const dir = tempDir()
  const core = await openCore({
    dbPath: options.file ?? path.join(dir, 'workspace.db'),
    surface: 'test',
    clock: options.now ?? (() => new Date('2026-11-20T08:00:00.000Z')),
    parallelChartsFrom: options.parallelChartsFrom,
  })
  cleanups.push(() => core.close())
  const raw = (method: string, input: unknown, meta: unknown = { locale: 'en', userId: null }) =>
    dispatch(core, method, input, meta)
  return {
    core,
    dir,
    raw,
    call: async (method, input, meta = {}) => {
      const result = await raw(method, input, { locale: 'en', userId: meta.userId ?? null })
      if (!result.ok) throw new Error(`${method} failed: ${JSON.stringify(result.error)}`)
      return result.value as never
    },
  }
}
