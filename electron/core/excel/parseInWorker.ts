import path from 'node:path'
import { startWorkerBeside } from '../workerThread'
import type { ImportFailureCode } from './failures'
import type { ReadLimits } from './limits'
import type { ReadProgress, ReadResult } from './read'

/** What the worker is given (workerData). */
export interface WorkerRequest {
  /** A file path, or the file's bytes. */
  readonly source: string | Uint8Array
  readonly fileName: string
  readonly limits?: Partial<ReadLimits>
}

export type WorkerMessage =
  | { readonly type: 'progress'; readonly progress: ReadProgress }
  | { readonly type: 'result'; readonly result: ReadResult }

export interface ParseOptions {
  /** The file's name, for its extension and the sheet name of a CSV; defaults to the path's base name. */
  readonly fileName?: string
  readonly limits?: Partial<ReadLimits>
  /** The hard stop for files no check foresaw. */
  readonly timeoutMs?: number
  /** The worker's JavaScript heap; past it the worker dies instead of the app. */
  readonly maxHeapMb?: number
}

const defaultTimeoutMs = 120_000
const defaultMaxHeapMb = 2048


const failed = (code: ImportFailureCode, detail?: string): ReadResult => ({ ok: false, failure: { code, detail } })

/**
 * Reads a workbook in a worker thread, so a 100k-row file never blocks the
 * app. Reports progress; `signal` cancels; a timeout and a heap limit stop
 * what the reader's own checks did not foresee. Never rejects.
 */
export function parseInWorker(
  source: string | Uint8Array,
  options: ParseOptions = {},
  onProgress?: (progress: ReadProgress) => void,
  signal?: AbortSignal,
): Promise<ReadResult> {
  if (signal?.aborted) return Promise.resolve(failed('CANCELLED'))
  const fileName = options.fileName ?? (typeof source === 'string' ? path.basename(source) : 'workbook')
  const request: WorkerRequest = { source, fileName, limits: options.limits }
  return new Promise((resolve) => {
    const worker = startWorkerBeside(import.meta.url, 'parseWorker', {
      workerData: request,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? defaultMaxHeapMb },
    })
    let settled = false
    const settle = (result: ReadResult) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      signal?.removeEventListener('abort', cancel)
      void worker.terminate()
      resolve(result)
    }
    const cancel = () => settle(failed('CANCELLED'))
    const timer = setTimeout(() => settle(failed('TIMEOUT')), options.timeoutMs ?? defaultTimeoutMs)
    signal?.addEventListener('abort', cancel, { once: true })
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress?.(message.progress)
      else settle(message.result)
    })
    worker.on('error', (err: Error & { code?: string }) =>
      settle(failed(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'TOO_LARGE' : 'UNREADABLE', err.message)),
    )
    worker.on('exit', (code) => settle(failed('UNREADABLE', `worker stopped with exit code ${code}`)))
  })
}
