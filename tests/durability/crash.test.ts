import type { ChildProcess } from 'node:child_process'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/workspace'
import { makeWorkspaceFile, spawnScript } from './helpers'

const KILLS = 20
/** Rows per batch: big enough that a batch takes a good part of a second, so kills land inside transactions. */
const ROWS = 1000
const WORKER = path.resolve('tests/durability/crashWorker.ts')

const PHASES = ['create', 'update', 'import'] as const
type Phase = (typeof PHASES)[number]

/** A small seeded generator, so a failing run can be replayed from the seed in its message. */
function randomFrom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32
  }
}

/**
 * How long each kind of batch takes on this machine, learned from the runs
 * so far, so that kills are spread over the whole of a batch however loaded
 * the machine is.
 */
class PhaseTimes {
  private readonly seen: Record<Phase, number[]> = { create: [], update: [], import: [] }

  record(phase: Phase, ms: number): void {
    this.seen[phase].push(ms)
  }

  expected(phase: Phase): number {
    const times = this.seen[phase]
    if (times.length > 0) return Math.max(...times)
    if (phase === 'create') return 800
    return (phase === 'update' ? 2.5 : 2) * this.expected('create')
  }
}

/** Runs the writer over `args`, timing its batches into `times` and handing each line it prints to `onLine`. */
function runWriter(args: string[], times: PhaseTimes, onLine: (line: string, child: ChildProcess) => void): { child: ChildProcess; stderr: () => string } {
  const child = spawnScript(WORKER, args)
  const began = new Map<string, number>()
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout!.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().trim().split('\n')) {
      const [event, kind, batch] = line.split(' ') as [string, Phase, string]
      if (event === 'begin') began.set(`${kind} ${batch}`, Date.now())
      if (event === 'end') times.record(kind, Date.now() - began.get(`${kind} ${batch}`)!)
      onLine(line, child)
    }
  })
  return { child, stderr: () => stderr }
}

/**
 * One round of every kind of batch, left to commit: the kills that follow
 * must leave these whole, and their times seed the guesses of how long a batch takes.
 */
function writeOneRound(db: string, times: PhaseTimes): Promise<void> {
  return new Promise((resolve, reject) => {
    const { child, stderr } = runWriter([db, 'committed', String(ROWS), '1'], times, () => {})
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the writer failed (${code}): ${stderr()}`))))
  })
}

/**
 * Starts the writer and kills it at `fraction` of the expected length of the
 * first batch of `phase` (past its end when the guess is long: that is a
 * random moment too). Resolves with the last line the writer printed.
 */
function killWhileWriting(db: string, tag: string, phase: Phase, fraction: number, times: PhaseTimes): Promise<string> {
  return new Promise((resolve, reject) => {
    let lastLine = ''
    let killed = false
    const args = [db, tag, String(ROWS), '0', ...(phase === 'import' ? ['--import-first'] : [])]
    const { child, stderr } = runWriter(args, times, (line, writer) => {
      lastLine = line
      if (line === `begin ${phase} ${tag}-0`) {
        setTimeout(() => {
          killed = true
          writer.kill('SIGKILL')
        }, fraction * times.expected(phase))
      }
    })
    child.on('exit', (code, signal) => {
      if (killed && signal === 'SIGKILL') resolve(lastLine)
      else reject(new Error(`the writer stopped by itself (${signal ?? code}): ${stderr()}`))
    })
  })
}

interface Tally {
  batchesCommitted: number
  editsCommitted: number
  importsCommitted: number
}

/**
 * After a crash: the file passes SQLite's integrity check, and every batch
 * is all there or not there at all, in the rows and in the audit log alike;
 * every import that left rows left its one batch record, and no other.
 */
function verify(db: string): Tally {
  const conn = new BetterSqlite3(db)
  try {
    expect(conn.pragma('integrity_check', { simple: true })).toBe('ok')
    const created = conn
      .prepare(
        `WITH crash AS (
           SELECT id, substr(name, 7, instr(substr(name, 7), '|') - 1) AS tag FROM opportunities WHERE name LIKE 'crash|%'
         )
         SELECT c.tag, count(DISTINCT c.id) AS n, count(a.id) AS audited
         FROM crash c
         LEFT JOIN audit_log a ON a.entity_type = 'opportunity' AND a.action = 'create' AND a.entity_id = c.id
         GROUP BY c.tag`,
      )
      .all() as { tag: string; n: number; audited: number }[]
    for (const batch of created) expect(batch, `create batch ${batch.tag}`).toEqual({ ...batch, n: ROWS, audited: ROWS })

    const edited = conn
      .prepare(
        `SELECT new_value AS edit, count(*) AS audited,
           (SELECT count(*) FROM opportunities o WHERE o.next_step = a.new_value) AS n
         FROM audit_log a WHERE field = 'next_step' AND new_value LIKE 'edit %' GROUP BY new_value`,
      )
      .all() as { edit: string; n: number; audited: number }[]
    for (const batch of edited) expect(batch, `bulk edit ${batch.edit}`).toEqual({ ...batch, n: ROWS, audited: ROWS })

    const imported = conn
      .prepare(
        `WITH imported AS (
           SELECT id, substr(name, 5, instr(substr(name, 5), '|') - 1) AS tag FROM opportunities WHERE name LIKE 'imp|%'
         )
         SELECT i.tag, count(DISTINCT i.id) AS n, count(a.id) AS audited, count(DISTINCT a.batch_id) AS batches
         FROM imported i
         LEFT JOIN audit_log a ON a.entity_type = 'opportunity' AND a.action = 'create' AND a.entity_id = i.id
         GROUP BY i.tag`,
      )
      .all() as { tag: string; n: number; audited: number; batches: number }[]
    for (const batch of imported) expect(batch, `import ${batch.tag}`).toEqual({ ...batch, n: ROWS, audited: ROWS, batches: 1 })
    expect(conn.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(imported.length)
    return { batchesCommitted: created.length, editsCommitted: edited.length, importsCommitted: imported.length }
  } finally {
    conn.close()
  }
}

describe('crash safety', () => {
  // About 40 s on two idle cores: each run starts a Node process, writes, is killed and is checked.
  it(`keeps the file sound and every batch whole across ${KILLS} SIGKILLs at random moments`, { timeout: 300_000 }, async () => {
    const seed = Date.now()
    const random = randomFrom(seed)
    const db = path.join(tempDir(), 'crash.db')
    await makeWorkspaceFile(db, 0)
    const landedIn: string[] = []
    let tally: Tally = { batchesCommitted: 0, editsCommitted: 0, importsCommitted: 0 }

    const times = new PhaseTimes()
    await writeOneRound(db, times)

    for (let run = 0; run < KILLS; run += 1) {
      const phase = PHASES[Math.floor(random() * PHASES.length)]!
      landedIn.push(await killWhileWriting(db, `r${run}`, phase, random() * 1.2, times))
      tally = verify(db)
    }

    const midWrite = (phase: Phase) => landedIn.filter((line) => line.startsWith(`begin ${phase}`)).length
    const context = `seed ${seed}; kills landed after: ${landedIn.join(', ')}`
    // The kills must really interrupt transactions, of every kind, for the test to mean anything.
    for (const phase of PHASES) expect(midWrite(phase), `${phase}: ${context}`).toBeGreaterThanOrEqual(1)
    expect(PHASES.map(midWrite).reduce((a, b) => a + b), context).toBeGreaterThanOrEqual(KILLS / 2)
    // And the batches of every kind committed before the kills (and any committed between them) are still whole.
    expect(tally.batchesCommitted, context).toBeGreaterThan(0)
    expect(tally.editsCommitted, context).toBeGreaterThan(0)
    expect(tally.importsCommitted, context).toBeGreaterThan(0)
  })
})
