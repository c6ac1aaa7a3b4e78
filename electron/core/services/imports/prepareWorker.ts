/**
 * Worker-thread entry: reads, maps and coerces one import file off the main
 * thread, posting progress and then the prepared rows (on their own port). Started by jobs.ts.
 */
import fs from 'node:fs'
import { parentPort, workerData } from 'node:worker_threads'
import { AppError } from '../../errors'
import type { PrepareJob, WorkerMessage } from './jobs'
import { prepareRows, refusal } from './prepare'

const job = workerData as PrepareJob
const post = (message: WorkerMessage) => parentPort!.postMessage(message)

async function run(): Promise<void> {
  try {
    // A file too large is refused before it is read into memory.
    if (fs.statSync(job.path).size > job.maxFileBytes) throw refusal({ code: 'TOO_LARGE' }, job.request.locale)
    const bytes = fs.readFileSync(job.path)
    const prepared = await prepareRows(
      bytes,
      job.request,
      job.withRows,
      (phase, done, total) => post({ type: 'progress', phase, done, total }),
      (drafts) => job.rows.postMessage(drafts),
    )
    post({ type: 'result', prepared })
  } catch (err) {
    if (err instanceof AppError) post({ type: 'error', code: err.code, details: err.details })
    else if ((err as { code?: string }).code === 'ENOENT') post({ type: 'error', code: 'IMPORT_FILE_REFUSED', details: refusal({ code: 'UNREADABLE' }, job.request.locale).details })
    else throw err
  }
}

await run()
