/**
 * Worker-thread entry: reads one workbook off the main thread and posts
 * progress, then the result. Started by parseInWorker; never imported.
 */
import fs from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { defaultReadLimits } from './limits'
import type { WorkerMessage, WorkerRequest } from './parseInWorker'
import { readWorkbook, type ReadProgress, type ReadResult } from './read'

const request = workerData as WorkerRequest
const post = (message: WorkerMessage) => parentPort!.postMessage(message)
const onProgress = (progress: ReadProgress) => post({ type: 'progress', progress })

function readSource(path: string): Buffer | ReadResult {
  const maxFileBytes = request.limits?.maxFileBytes ?? defaultReadLimits.maxFileBytes
  try {
    // A file too large is refused before it is read into memory.
    if (fs.statSync(path).size > maxFileBytes) return { ok: false, failure: { code: 'TOO_LARGE', detail: 'file size' } }
    return fs.readFileSync(path)
  } catch (err) {
    return { ok: false, failure: { code: 'UNREADABLE', detail: (err as Error).message } }
  }
}

async function run(): Promise<ReadResult> {
  const bytes = typeof request.source === 'string' ? readSource(request.source) : request.source
  if (!(bytes instanceof Uint8Array)) return bytes
  return readWorkbook(bytes, request.fileName, { limits: request.limits, onProgress })
}

post({ type: 'result', result: await run() })
