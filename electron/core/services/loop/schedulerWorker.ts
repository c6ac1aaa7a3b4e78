/**
 * Worker-thread entry: runs the automatic rules against the workspace file
 * with its own connection, so a long run never blocks the window or the web
 * host. Started by scheduler.ts; one message 'run' → one report back. The
 * connection lives for one run only: between runs the file may be restored
 * from a backup or swapped, and no handle of ours should hold the old one.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openCore } from '../../core'
import { runAutomations } from './automations'
import type { AutomationWorkerData, AutomationWorkerMessage } from './scheduler'

const { dbPath } = workerData as AutomationWorkerData
const post = (message: AutomationWorkerMessage) => parentPort!.postMessage(message)

parentPort!.on('message', async () => {
  try {
    const core = await openCore({ dbPath, surface: 'cli' })
    try {
      post({ type: 'report', report: runAutomations(core) })
    } finally {
      core.close()
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) })
  }
})
