import { Worker, type WorkerOptions } from 'node:worker_threads'
import type { ErrorCode } from '../../../../shared/errors'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { defaultReadLimits } from '../../excel'
import { refusal, type Prepared, type PrepareRequest, type RowDraft } from './prepare'
import { RepeatedTexts } from './repeats'

/** What the prepare worker is given (workerData). */
export interface PrepareJob {
  readonly path: string
  readonly request: PrepareRequest
  readonly withRows: boolean
  readonly maxFileBytes: number
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly phase: string; readonly done: number; readonly total: number }
  | { readonly type: 'rows'; readonly drafts: RowDraft[] }
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
 * From source (tests, the CLI and the web host run TypeScript through tsx)
 * the worker is the .ts file, started by a bootstrap that registers tsx in
 * the new thread first; in a build it is the prepareWorker.js emitted beside
 * the main bundle.
 */
function startWorker(options: WorkerOptions): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./prepareWorker.js', import.meta.url), options)
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'))
  const entry = JSON.stringify(new URL('./prepareWorker.ts', import.meta.url).href)
  const bootstrap = `import(${tsx}).then(({ register }) => { register(); return import(${entry}) })`
  return new Worker(bootstrap, { ...options, eval: true })
}

/** The worker's heap; a file that needs more is refused as too large, and the app lives on. */
const workerHeapMb = 2048

/**
 * Reads and coerces an import file in a worker thread: progress goes out as
 * `progress` events under the job's id, and cancelling terminates the worker.
 */
export function prepareInWorker(core: Core, jobId: string, signal: AbortSignal, path: string, request: PrepareRequest, withRows: boolean): Promise<Prepared> {
  throwIfCancelled(signal)
  const job: PrepareJob = { path, request, withRows, maxFileBytes: defaultReadLimits.maxFileBytes }
  return new Promise((resolve, reject) => {
    const worker = startWorker({ workerData: job, resourceLimits: { maxOldGenerationSizeMb: workerHeapMb } })
    let settled = false
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      signal.removeEventListener('abort', cancel)
      void worker.terminate()
      outcome()
    }
    const cancel = () => settle(() => reject(new AppError('JOB_CANCELLED')))
    signal.addEventListener('abort', cancel, { once: true })
    const drafts: RowDraft[] = []
    // Each message brings its own copy of every text: repeated ones are shared again as they arrive.
    const repeats = new RepeatedTexts()
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') core.events.emit('progress', { jobId, phase: message.phase, done: message.done, total: message.total })
      else if (message.type === 'rows') {
        for (const draft of message.drafts) {
          repeats.share(draft.values)
          repeats.share(draft.labels)
          drafts.push(draft)
        }
      } else if (message.type === 'result') settle(() => resolve({ ...message.prepared, drafts }))
      else settle(() => reject(new AppError(message.code, message.details)))
    })
    worker.on('error', (err: Error & { code?: string }) =>
      settle(() =>
        reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? refusal({ code: 'TOO_LARGE', detail: err.message }, request.locale) : err),
      ),
    )
    worker.on('exit', (code) => settle(() => reject(new Error(`import worker stopped with exit code ${code}`))))
  })
}
