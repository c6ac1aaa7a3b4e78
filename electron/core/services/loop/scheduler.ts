import type { EntityType } from '../../../../shared/enums'
import type { AutomationReport } from '../../../../shared/methods/loop'
import type { Core } from '../../core'
import { startWorkerBeside } from '../../workerThread'

/** First run soon after start (the window is up by then), then every few minutes. */
export const FIRST_RUN_DELAY_MS = 30_000
export const RUN_EVERY_MS = 5 * 60_000

export interface AutomationScheduleOptions {
  /** Runs every rule once; null when there is no workspace to run them on. */
  run(): Promise<AutomationReport | null>
  firstDelayMs?: number
  everyMs?: number
  onReport?(report: AutomationReport): void
  onError?(error: unknown): void
}

export interface AutomationSchedule {
  /** Runs now unless a run is under way, in which case it answers with that run's report. */
  runNow(): Promise<AutomationReport | null>
  /** Stops the timer and waits for a run under way. */
  stop(): Promise<void>
}

/**
 * Runs the automatic rules on a timer, never two at once: a tick that comes
 * while a run is still going (8–15 s at 100k deals) is skipped, not queued.
 */
export function scheduleAutomations(options: AutomationScheduleOptions): AutomationSchedule {
  let running: Promise<AutomationReport | null> | null = null
  let stopped = false

  const runNow = (): Promise<AutomationReport | null> => {
    if (running) return running
    if (stopped) return Promise.resolve(null)
    running = options
      .run()
      .then((report) => {
        if (report) options.onReport?.(report)
        return report
      })
      .catch((error: unknown) => {
        options.onError?.(error)
        return null
      })
      .finally(() => {
        running = null
      })
    return running
  }

  const tick = () => void runNow()
  let interval: NodeJS.Timeout | undefined
  const first = setTimeout(() => {
    tick()
    interval = setInterval(tick, options.everyMs ?? RUN_EVERY_MS)
    interval.unref()
  }, options.firstDelayMs ?? FIRST_RUN_DELAY_MS)
  // The schedule never keeps a CLI or test process alive on its own.
  first.unref()

  return {
    runNow,
    async stop() {
      stopped = true
      clearTimeout(first)
      clearInterval(interval)
      await running
    },
  }
}

/** What the worker is given (workerData). */
export interface AutomationWorkerData {
  readonly dbPath: string
}

export type AutomationWorkerMessage =
  | { readonly type: 'report'; readonly report: AutomationReport }
  | { readonly type: 'error'; readonly message: string }


export interface AutomationWorker {
  run(): Promise<AutomationReport>
  close(): Promise<void>
}

/** What a run changed, so a run that did nothing makes no screen refetch. */
export function touchedBy(report: AutomationReport): EntityType[] {
  const touched: [EntityType, number][] = [
    ['task', report.rottingTasks + report.followUpReminders + report.uncontactedReminders + report.renewalTasks + report.birthdayReminders + report.remindersClosed],
    ['lead', report.returnedToPool + report.leadsRerated],
    ['opportunity', report.rottingTasks + report.renewalOpportunities],
    ['account', report.lifecyclesChanged + report.renewalOpportunities],
  ]
  return touched.filter(([, count]) => count > 0).map(([entity]) => entity)
}

/**
 * A worker thread with its own connection to the workspace file (WAL lets
 * the window keep reading while it writes). The core's own event bus does not
 * hear the worker's writes, so after each run the change is announced here.
 */
export function automationWorker(core: Core): AutomationWorker {
  const data: AutomationWorkerData = { dbPath: core.dbPath }
  const worker = startWorkerBeside(import.meta.url, 'schedulerWorker', { workerData: data })
  worker.unref()
  let pending: { resolve(report: AutomationReport): void; reject(error: Error): void } | null = null
  const fail = (error: Error) => {
    pending?.reject(error)
    pending = null
  }
  worker.on('message', (message: AutomationWorkerMessage) => {
    if (message.type === 'report') {
      const entities = touchedBy(message.report)
      if (entities.length > 0) core.events.emit('data-changed', { entities, reason: 'automation' })
      pending?.resolve(message.report)
    } else {
      pending?.reject(new Error(message.message))
    }
    pending = null
  })
  worker.on('error', fail)
  worker.on('exit', (code) => fail(new Error(`The automation worker exited with code ${code}`)))

  return {
    run: () =>
      new Promise<AutomationReport>((resolve, reject) => {
        if (pending) throw new Error('An automation run is already under way')
        pending = { resolve, reject }
        worker.postMessage('run')
      }),
    async close() {
      await worker.terminate()
    },
  }
}

/**
 * The one line each host calls: the rules in a worker thread, once shortly
 * after start and then every few minutes. `source` is the core, or for the
 * desktop app whichever workspace is open (a switch gets a new worker).
 */
export function startAutomations(
  source: Core | (() => Core | null),
  options: Partial<Pick<AutomationScheduleOptions, 'firstDelayMs' | 'everyMs' | 'onReport'>> = {},
): AutomationSchedule {
  const currentCore = typeof source === 'function' ? source : () => source
  let worker: { core: Core; runner: AutomationWorker } | null = null
  const drop = () => {
    void worker?.runner.close()
    worker = null
  }
  const schedule = scheduleAutomations({
    ...options,
    run: async () => {
      const core = currentCore()
      if (worker && worker.core !== core) drop()
      if (!core) return null
      worker ??= { core, runner: automationWorker(core) }
      return worker.runner.run()
    },
    onError: (error) => {
      console.error('[workbench] automatic rules failed:', error instanceof Error ? error.message : error)
      // A worker that failed is replaced on the next run.
      drop()
    },
  })
  return {
    runNow: schedule.runNow,
    async stop() {
      await schedule.stop()
      await worker?.runner.close()
      worker = null
    },
  }
}
