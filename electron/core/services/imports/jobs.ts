import { MessageChannel, receiveMessageOnPort, type MessagePort } from 'node:worker_threads'
import type { ErrorCode } from '../../../../shared/errors'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { defaultReadLimits } from '../../excel'
import { startWorkerBeside } from '../../workerThread'
import { refusal, type Prepared, type PrepareRequest, type RowDraft } from './prepare'
import { RepeatedTexts } from './repeats'

/** What the prepare worker is given (workerData). */
export interface PrepareJob {
  readonly path: string
  readonly request: PrepareRequest
  readonly withRows: boolean
  readonly maxFileBytes: number
  /** Where the worker posts its rows, in chunks (RowDraft[]); see prepareInWorker. */
  readonly rows: MessagePort
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly phase: string; readonly done: number; readonly total: number }
  | { readonly type: 'result'; readonly prepared: Prepared }
  | { readonly type: 'error'; readonly code: ErrorCode; readonly details: unknown }

/** Running jobs by id, so `imports.cancel` can stop one. */
const running = new Map<string, AbortController>()

export function newJobId(): string {
  return `job-${crypto.randomUUID()}`
}

/** Stops a running job; false when no job has that id (it may have finished). */
export function cancelJob(jobId: string): boolean {
  const controller = running.get(jobId)
  controller?.abort()
  return controller !== undefined
}

/** Registers a job for the time `work` runs; the work checks the signal where it can stop. */
export async function asJob<T>(jobId: string, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController()
  running.set(jobId, controller)
  try {
    return await work(controller.signal)
  } finally {
    running.delete(jobId)
  }
}

export function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new AppError('JOB_CANCELLED')
}


/**
 * The worker's heap; a file that needs more is refused as too large, and the
 * app lives on. With a high limit and V8's default young generation, a heap
 * grows to well over twice its live data before it collects: these bounds
 * keep the worker's pages near what the read really holds (the 100k-row
 * bench's peak: about 150 MB less), and a 200k-row × 20-column sheet still
 * reads within 768 MB.
 */
const workerHeap = { maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 16 }

/**
 * The rows the worker posted, taken off their port one chunk at a time.
 * Each message brings its own copy of every text: repeated ones are shared again as they arrive.
 */
function drainRows(port: MessagePort): RowDraft[] {
  const drafts: RowDraft[] = []
  const repeats = new RepeatedTexts()
  for (let message = receiveMessageOnPort(port); message; message = receiveMessageOnPort(port)) {
    for (const draft of message.message as RowDraft[]) {
      repeats.share(draft.values)
      repeats.share(draft.labels)
      drafts.push(draft)
    }
  }
  port.close()
  return drafts
}

/**
 * Reads and coerces an import file in a worker thread: progress goes out as
 * `progress` events under the job's id, and cancelling terminates the worker.
 *
 * The rows wait, serialized, on a port of their own until the worker has
 * ended: V8 keeps a dead worker's heap pages for the process to reuse, so
 * the main thread builds its drafts in the pages the read has just let go
 * instead of beside a worker heap at its largest.
 */
export function prepareInWorker(core: Core, jobId: string, signal: AbortSignal, path: string, request: PrepareRequest, withRows: boolean): Promise<Prepared> {
  throwIfCancelled(signal)
  const { port1: rowsIn, port2: rowsOut } = new MessageChannel()
  const job: PrepareJob = { path, request, withRows, maxFileBytes: defaultReadLimits.maxFileBytes, rows: rowsOut }
  return new Promise((resolve, reject) => {
    const worker = startWorkerBeside(import.meta.url, 'prepareWorker', { workerData: job, transferList: [rowsOut], resourceLimits: workerHeap })
    let settled = false
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', cancel)
      void worker.terminate().then(outcome, outcome)
    }
    const fail = (err: Error) =>
      settle(() => {
        rowsIn.close()
        reject(err)
      })
    const cancel = () => fail(new AppError('JOB_CANCELLED'))
    signal.addEventListener('abort', cancel, { once: true })
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') core.events.emit('progress', { jobId, phase: message.phase, done: message.done, total: message.total })
      else if (message.type === 'result') settle(() => resolve({ ...message.prepared, drafts: drainRows(rowsIn) }))
      else fail(new AppError(message.code, message.details))
    })
    worker.on('error', (err: Error & { code?: string }) =>
      fail(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refusal({ code: 'TOO_LARGE', detail: err.message }, request.locale) : err),
    )
    worker.on('exit', (code) => fail(new Error(`import worker stopped with exit code ${code}`)))
  })
}
