import fs from 'node:fs'
import path from 'node:path'
import { dispatch, openCore, type Core } from '../electron/core'
import { openDatabase } from '../electron/core/store/database'
import { LATEST_VERSION } from '../electron/core/store/migrations'

/** The fixed "now" of every benchmark workspace, so runs compare like with like. */
export const BENCH_ANCHOR = new Date('2026-11-20T08:00:00.000Z')
export const BENCH_DIR = path.resolve('.bench')

/**
 * A demo workspace of `scale` deals, generated once and reused while its
 * schema is current. Returns the seconds generation took, or null when reused.
 */
export async function ensureBenchWorkspace(scale: number): Promise<{ file: string; generatedSeconds: number | null }> {
  fs.mkdirSync(BENCH_DIR, { recursive: true })
  const file = path.join(BENCH_DIR, `demo-${scale}.db`)
  if (fs.existsSync(file) && (await schemaVersion(file)) === LATEST_VERSION) return { file, generatedSeconds: null }
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(`${file}${suffix}`, { force: true })
  const core = await openBenchCore(file)
  const started = performance.now()
  const result = await dispatch(core, 'workspace.loadDemo', { scale }, {})
  const generatedSeconds = (performance.now() - started) / 1000
  core.close()
  if (!result.ok) throw new Error(`demo failed: ${result.error.message}`)
  return { file, generatedSeconds }
}

async function schemaVersion(file: string): Promise<number> {
  try {
    const { db } = await openDatabase(file, { readonly: true })
    const version = db.pragma('user_version', { simple: true }) as number
    db.close()
    return version
  } catch {
    return -1
  }
}

export function openBenchCore(file: string): Promise<Core> {
  return openCore({ dbPath: file, surface: 'cli', clock: () => BENCH_ANCHOR })
}
