import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads'
import type { Core } from '../../core'
import { largestId } from '../../store/records'
import { startWorkerBeside } from '../../workerThread'
import { ANSWERS, READY, type ChartAnswer, type ChartRequest } from './chartProtocol'

/**
 * A helper thread with its own read-only connection computes part of a large
 * workspace's dashboard while the calling thread computes the rest: SQLite
 * runs one statement per connection at a time, and the charts' reads are
 * independent. The caller blocks until the helper answers, so the dashboard
 * stays one synchronous call and nothing of this process writes in between:
 * both halves read the workspace as of the same last write.
 */

/** The longest the caller waits beyond its own half's time before computing the helper's half itself. */
const GRACE_MS = 2_000

interface Helper {
  readonly worker: Worker
  readonly port: MessagePort
  readonly state: Int32Array
  requests: number
  failed: boolean
}

const helpers = new WeakMap<Core['db'], Helper>()

function startHelper(core: Core): Helper {
  const { port1, port2 } = new MessageChannel()
  const state = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT))
  const worker = startWorkerBeside(import.meta.url, 'chartWorker', {
    workerData: { dbPath: core.dbPath, surface: core.surface, state, port: port2 },
    transferList: [port2],
  })
  worker.unref()
  port1.unref()
  const helper: Helper = { worker, port: port1, state, requests: 0, failed: false }
  worker.on('error', () => (helper.failed = true))
  worker.on('exit', () => (helper.failed = true))
  core.onClose(() => release(core, helper))
  return helper
}

function release(core: Core, helper: Helper): void {
  if (helpers.get(core.db) === helper) helpers.delete(core.db)
  helper.port.close()
  void helper.worker.terminate()
}

const isLarge = (core: Core): boolean => largestId(core.db, 'opportunity') >= core.parallelChartsFrom

const isOpen = (helper: Helper): boolean => Atomics.load(helper.state, READY) === 1

/** The helper of a large workspace when its connection is open; starts one (for the next call) when there is none. */
function readyHelper(core: Core): Helper | null {
  let helper = helpers.get(core.db)
  if (helper?.failed) {
    release(core, helper)
    helper = undefined
  }
  if (!helper) {
    if (!isLarge(core)) return null
    helpers.set(core.db, (helper = startHelper(core)))
  }
  return isOpen(helper) ? helper : null
}

/** Waits until the answer to request `id` arrives or `deadline` (a performance.now() time) passes. */
function answerTo(helper: Helper, id: number, deadline: number): ChartAnswer | null {
  for (;;) {
    const seen = Atomics.load(helper.state, ANSWERS)
    const answer = receiveMessageOnPort(helper.port)?.message as ChartAnswer | undefined
    if (answer?.id === id) return answer
    if (answer) continue
    const left = deadline - performance.now()
    if (left <= 0 || Atomics.wait(helper.state, ANSWERS, seen, left) === 'timed-out') return null
  }
}

/**
 * Hands the charts `names` to the workspace's helper thread. Returns how to
 * wait for them (given how long the caller's own half took), which answers
 * null when the helper failed or took too long; or null at once when there
 * is no helper ready, and the caller computes everything itself.
 */
export function askHelper(core: Core, request: Omit<ChartRequest, 'id'>): ((ownMs: number) => Record<string, unknown> | null) | null {
  const helper = readyHelper(core)
  if (!helper) return null
  const id = ++helper.requests
  helper.port.postMessage({ ...request, id } satisfies ChartRequest)
  return (ownMs) => {
    const answer = answerTo(helper, id, performance.now() + GRACE_MS + 4 * ownMs)
    if (answer?.ok) return answer.charts
    // A helper that failed or hung is replaced on the next call; this one's charts are computed here.
    helper.failed = true
    return null
  }
}

/** Whether a large workspace's helper thread has its connection open (the benchmark waits for it, as a person's second look at the dashboard would). */
export const helperReady = (core: Core): boolean => {
  const helper = helpers.get(core.db)
  return helper !== undefined && !helper.failed && isOpen(helper)
}
