/**
 * Worker-thread entry: computes the charts it is asked for on its own
 * read-only connection, beside the main thread computing the others (see
 * chartHelper.ts). Each answer is posted on the request port, then counted
 * in the shared state, so the main thread can wait for it without an event loop.
 */
import { workerData, type MessagePort } from 'node:worker_threads'
import { openReaderCore, type Surface } from '../../core'
import { chartsOf } from './charts'
import { ANSWERS, READY, type ChartAnswer, type ChartRequest } from './chartProtocol'

const { dbPath, surface, state, port } = workerData as { dbPath: string; surface: Surface; state: Int32Array; port: MessagePort }
let now = new Date()
const core = openReaderCore(dbPath, surface, () => now)
Atomics.store(state, READY, 1)

port.on('message', (request: ChartRequest) => {
  now = new Date(request.now)
  let answer: ChartAnswer
  try {
    answer = { id: request.id, ok: true, charts: chartsOf(core, request.names, request.filters, request.meta) }
  } catch {
    answer = { id: request.id, ok: false }
  }
  port.postMessage(answer)
  Atomics.add(state, ANSWERS, 1)
  Atomics.notify(state, ANSWERS)
})
