import { afterEach, describe, expect, it, vi } from 'vitest'
import type { AutomationReport } from '../../shared/methods/loop'
import { scheduleAutomations, startAutomations } from '../../electron/core/services/loop/scheduler'
import { openWorkspace } from '../helpers/workspace'
import { addUser, ruleTasks } from './helpers'

const emptyReport: AutomationReport = {
  returnedToPool: 0,
  rottingTasks: 0,
  followUpReminders: 0,
  uncontactedReminders: 0,
  renewalTasks: 0,
  renewalOpportunities: 0,
  birthdayReminders: 0,
  remindersClosed: 0,
  leadsRerated: 0,
  lifecyclesChanged: 0,
}

/** A run the test finishes by hand. */
function controlledRuns() {
  const finishers: (() => void)[] = []
  const run = vi.fn(
    () =>
      new Promise<AutomationReport>((resolve) => {
        finishers.push(() => resolve(emptyReport))
      }),
  )
  return { run, finishNext: () => finishers.shift()?.() }
}

describe('the automation schedule', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('runs shortly after start, then every few minutes, skipping ticks while a run is still going', async () => {
    vi.useFakeTimers()
    const { run, finishNext } = controlledRuns()
    const onReport = vi.fn()
    const schedule = scheduleAutomations({ run, firstDelayMs: 1000, everyMs: 60_000, onReport })

    await vi.advanceTimersByTimeAsync(999)
    expect(run).toHaveBeenCalledTimes(0)
    await vi.advanceTimersByTimeAsync(1)
    expect(run).toHaveBeenCalledTimes(1)

    // Two intervals pass while the first run is still going: no second run starts.
    await vi.advanceTimersByTimeAsync(120_000)
    expect(run).toHaveBeenCalledTimes(1)
    finishNext()
    await vi.advanceTimersByTimeAsync(0)
    expect(onReport).toHaveBeenCalledTimes(1)

    await vi.advanceTimersByTimeAsync(60_000)
    expect(run).toHaveBeenCalledTimes(2)
    finishNext()
    await schedule.stop()
    await vi.advanceTimersByTimeAsync(600_000)
    expect(run).toHaveBeenCalledTimes(2)
  })

  it('a run asked for while one is under way gets that run’s report', async () => {
    const { run, finishNext } = controlledRuns()
    const schedule = scheduleAutomations({ run, firstDelayMs: 3_600_000 })
    const first = schedule.runNow()
    const second = schedule.runNow()
    expect(run).toHaveBeenCalledTimes(1)
    finishNext()
    expect(await first).toEqual(emptyReport)
    expect(await second).toEqual(emptyReport)
    await schedule.stop()
  })

  it('a failing run is reported and the next one still happens', async () => {
    const run = vi.fn().mockRejectedValueOnce(new Error('disk full')).mockResolvedValueOnce(emptyReport)
    const onError = vi.fn()
    const schedule = scheduleAutomations({ run, firstDelayMs: 3_600_000, onError })
    expect(await schedule.runNow()).toBeNull()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk full' }))
    expect(await schedule.runNow()).toEqual(emptyReport)
    await schedule.stop()
  })
})

describe('the rules in a worker thread', () => {
  it('writes the reminders through its own connection to the same file and tells the window', async () => {
    const ws = await openWorkspace({ now: () => new Date() })
    const rep = addUser(ws, '李娜')
    const today = new Date().toISOString().slice(0, 10)
    const account = await ws.call('accounts.create', { name: '华南物流有限公司', ownerId: rep })
    await ws.call('activities.create', { entityType: 'account', entityId: account.id, type: 'call', content: '回访', nextDate: today }, { userId: rep })
    const changes: unknown[] = []
    ws.core.events.subscribe((event, payload) => {
      if (event === 'data-changed') changes.push(payload)
    })

    const schedule = startAutomations(ws.core, { firstDelayMs: 3_600_000 })
    try {
      const [report, again] = await Promise.all([schedule.runNow(), schedule.runNow()])
      expect(report?.followUpReminders).toBe(1)
      expect(again).toBe(report)
      expect(ruleTasks(ws, 'followup:')).toEqual([expect.objectContaining({ entityType: 'account', entityId: account.id, assigneeId: rep })])
      expect(changes).toContainEqual(expect.objectContaining({ reason: 'automation' }))
      // Idempotent across runs, through the same worker.
      expect((await schedule.runNow())?.followUpReminders).toBe(0)
    } finally {
      await schedule.stop()
    }
  }, 30_000)
})
