import type { AutomationReport, LoopConfig } from '../../../../shared/methods/loop'
import type { Currency, Locale } from '../../../../shared/enums'
import type { Core } from '../../core'
import { AUTOMATIONS_LAST_RUN_KEY } from '../../domain/loopDefaults'
import { reminderText, type ReminderText } from '../../domain/reminderText'
import { AppError } from '../../errors'
import {
  answeredReminders,
  birthdaysOn,
  dueFollowUps,
  endingContracts,
  leadsLeavingWindow,
  neglectedLeads,
  rottingDeals,
  ruleFired,
  uncontactedLeads,
  type EndingContract,
} from '../../store/loop/automation'
import { readLoopConfig, rerateLeads } from '../../store/loop/config'
import { refreshLifecycles } from '../../store/loop/lifecycle'
import { firstStageOfKind, pipelineIdByKey } from '../../store/loop/pipelines'
import { insertRecord, updateRecord } from '../../store/records'
import { readSetting, writeSetting } from '../../store/reference'
import type { WriteContext } from '../../store/writeContext'
import { inTransaction } from '../context'
import { insertOneOpportunity } from '../opportunities'
import { getSettings } from '../settings'
import { setLeadOwner } from './leads'
import { addDays } from './who'

const HOUR_MS = 3_600_000
const DAY_MS = 24 * HOUR_MS

interface Reminder {
  key: string
  text: ReminderText
  values: Record<string, string>
  dueDate: string
  assigneeId: number | null
  entityType: 'lead' | 'opportunity' | 'account' | 'contact'
  entityId: number
  priority: 'low' | 'normal' | 'high'
}

/** What one run needs to know: the clock, the last run, the rules' settings, and who writes (the system). */
interface Run {
  core: Core
  ctx: WriteContext
  now: Date
  today: string
  lastRun: Date
  config: LoopConfig
  locale: Locale
}

/** Creates the rule's task unless that rule already fired for this key. */
function remind(run: Run, reminder: Reminder): boolean {
  if (ruleFired(run.core.db, reminder.key)) return false
  insertRecord(run.core.db, run.ctx, 'task', {
    title: reminderText(reminder.text, run.locale, reminder.values).slice(0, 200),
    due_date: reminder.dueDate,
    assignee_id: reminder.assigneeId,
    entity_type: reminder.entityType,
    entity_id: reminder.entityId,
    priority: reminder.priority,
    rule_key: reminder.key,
  })
  return true
}

const count = (results: boolean[]) => results.filter(Boolean).length

function returnNeglectedLeads(run: Run): number {
  const cutoff = new Date(run.now.getTime() - run.config.pool.returnDays * DAY_MS).toISOString()
  const leads = neglectedLeads(run.core.db, cutoff)
  for (const lead of leads) setLeadOwner(run.core, run.ctx, lead.id, lead.version, null)
  return leads.length
}

/** Follow-up, uncontacted and rotting reminders close themselves once the record is followed up. */
function closeAnsweredReminders(run: Run): number {
  const tasks = answeredReminders(run.core.db)
  for (const task of tasks) updateRecord(run.core.db, run.ctx, 'task', task.id, task.version, { status: 'done', done_at: run.ctx.now })
  return tasks.length
}

function remindRottingDeals(run: Run): number {
  return count(
    rottingDeals(run.core.db, run.ctx.now).map((deal) =>
      remind(run, {
        key: `rotting:${deal.id}:${deal.since}`,
        text: 'rotting',
        values: { name: deal.name },
        dueDate: run.today,
        assigneeId: deal.ownerId,
        entityType: 'opportunity',
        entityId: deal.id,
        priority: 'high',
      }),
    ),
  )
}

function remindDueFollowUps(run: Run): number {
  const from = addDays(run.today, -run.config.reminders.followUpLookbackDays)
  return count(
    dueFollowUps(run.core.db, from, run.today).map((due) =>
      remind(run, {
        key: `followup:${due.entityType}:${due.id}:${due.date}`,
        text: 'followUp',
        values: { name: due.title },
        dueDate: due.date,
        assigneeId: due.ownerId,
        entityType: due.entityType,
        entityId: due.id,
        priority: 'normal',
      }),
    ),
  )
}

function remindUncontactedLeads(run: Run): number {
  const cutoff = new Date(run.now.getTime() - run.config.reminders.uncontactedHours * HOUR_MS).toISOString()
  return count(
    uncontactedLeads(run.core.db, cutoff).map((lead) =>
      remind(run, {
        key: `uncontacted:${lead.id}:${lead.claimedAt}`,
        text: 'uncontacted',
        values: { name: lead.company },
        dueDate: run.today,
        assigneeId: lead.ownerId,
        entityType: 'lead',
        entityId: lead.id,
        priority: 'high',
      }),
    ),
  )
}

/** A renewal deal in the 续约 pipeline following the contract's deal; null when the pipeline cannot take one. */
function createRenewalDeal(run: Run, contract: EndingContract, pipelineId: number | undefined): number | null {
  const stage = pipelineId === undefined ? undefined : firstStageOfKind(run.core.db, pipelineId, 'open')
  if (!stage) return null
  try {
    return insertOneOpportunity(run.core, run.ctx, { locale: run.locale, userId: null }, {
      name: reminderText('renewalDeal', run.locale, { name: contract.opportunityName }).slice(0, 200),
      stageId: stage.id,
      accountId: contract.accountId,
      contactId: contract.contactId,
      amount: contract.amount,
      currency: contract.currency as Currency,
      expectedCloseDate: contract.endDate,
      ownerId: contract.ownerId,
      source: contract.source,
      productLine: contract.productLine,
      // Passed through to the row: the deal being renewed.
      previousOpportunityId: contract.opportunityId,
    } as Parameters<typeof insertOneOpportunity>[3])
  } catch (err) {
    // A renewal stage that requires more than a contract can tell gets the task only.
    if (err instanceof AppError && err.code === 'STAGE_REQUIREMENTS') return null
    throw err
  }
}

/** Contracts nearing their end: a renewal task, and once per deal a renewal opportunity. */
function remindRenewals(run: Run): { tasks: number; deals: number } {
  const pipelineId = pipelineIdByKey(run.core.db, 'renewal')
  const ending = endingContracts(run.core.db, run.today, addDays(run.today, run.config.reminders.renewalDays), pipelineId ?? null)
  let deals = 0
  let tasks = 0
  for (const contract of ending) {
    const renewalId = contract.renewalId ?? createRenewalDeal(run, contract, pipelineId)
    if (contract.renewalId === null && renewalId !== null) deals += 1
    const made = remind(run, {
      key: `renewal:${contract.contractId}`,
      text: 'renewal',
      values: { number: contract.number, date: contract.endDate, name: contract.accountName ?? contract.opportunityName },
      dueDate: run.today,
      assigneeId: contract.ownerId,
      entityType: 'opportunity',
      entityId: renewalId ?? contract.opportunityId,
      priority: 'high',
    })
    if (made) tasks += 1
  }
  return { tasks, deals }
}

/** The days of the window as dates, each with the birthdays ('MM-DD') celebrated on it. */
function birthdayDays(from: string, days: number): { date: string; monthDays: string[] }[] {
  return Array.from({ length: days + 1 }, (_, i) => {
    const date = addDays(from, i)
    const monthDay = date.slice(5)
    const leap = addDays(`${date.slice(0, 4)}-02-28`, 1).endsWith('02-29')
    // Born on 29 February: celebrated on the 28th when the year has no 29th.
    return { date, monthDays: monthDay === '02-28' && !leap ? [monthDay, '02-29'] : [monthDay] }
  })
}

function remindBirthdays(run: Run): number {
  const days = birthdayDays(run.today, run.config.reminders.birthdayDaysAhead)
  const dateOf = new Map(days.flatMap((day) => day.monthDays.map((md) => [md, day.date] as const)))
  return count(
    birthdaysOn(run.core.db, [...dateOf.keys()]).map((contact) => {
      const date = dateOf.get(contact.monthDay)!
      return remind(run, {
        key: `birthday:${contact.id}:${date.slice(0, 4)}`,
        text: 'birthday',
        values: { name: contact.name, date },
        dueDate: date,
        assigneeId: contact.ownerId,
        entityType: 'contact',
        entityId: contact.id,
        priority: 'low',
      })
    }),
  )
}

/** Leads whose last follow-up left a "recent activity" window since the last run lose those points. */
function rerateAgedLeads(run: Run): number {
  const windows = new Set(run.config.leadRating.scoring.flatMap((rule) => (rule.kind === 'recentActivity' ? [rule.withinDays] : [])))
  const ids = new Set<number>()
  for (const days of windows) {
    const from = new Date(run.lastRun.getTime() - days * DAY_MS).toISOString()
    const to = new Date(run.now.getTime() - days * DAY_MS).toISOString()
    for (const id of leadsLeavingWindow(run.core.db, from, to)) ids.add(id)
  }
  return rerateLeads(run.core.db, [...ids])
}

/**
 * Lifecycles follow stage moves as they happen; what time alone changes (a
 * contract running out) changes only when the date does, so the full
 * recount runs on the first run of each day. It also catches moves no
 * trigger saw, such as a deal's account changed in the grid.
 */
function refreshLifecyclesDaily(run: Run): number {
  return run.lastRun.toISOString().slice(0, 10) < run.today ? refreshLifecycles(run.core.db) : 0
}

/**
 * Runs every automatic rule once, as of the workspace clock, in one
 * transaction. Idempotent: each reminder has a rule key and is made once,
 * so running again at once changes nothing.
 */
export function runAutomations(core: Core): AutomationReport {
  const now = core.clock()
  const run: Run = {
    core,
    now,
    today: now.toISOString().slice(0, 10),
    lastRun: new Date(String(readSetting(core.db, AUTOMATIONS_LAST_RUN_KEY) ?? now.toISOString())),
    ctx: { userId: null, now: now.toISOString(), batchId: null },
    config: readLoopConfig(core.db),
    locale: getSettings(core).locale ?? 'zh-CN',
  }
  const result = inTransaction(core, (): AutomationReport => {
    const returnedToPool = returnNeglectedLeads(run)
    const remindersClosed = closeAnsweredReminders(run)
    const renewals = remindRenewals(run)
    const report: AutomationReport = {
      returnedToPool,
      remindersClosed,
      rottingTasks: remindRottingDeals(run),
      followUpReminders: remindDueFollowUps(run),
      uncontactedReminders: remindUncontactedLeads(run),
      renewalTasks: renewals.tasks,
      renewalOpportunities: renewals.deals,
      birthdayReminders: remindBirthdays(run),
      leadsRerated: rerateAgedLeads(run),
      lifecyclesChanged: refreshLifecyclesDaily(run),
    }
    writeSetting(core.db, AUTOMATIONS_LAST_RUN_KEY, run.ctx.now)
    return report
  })
  core.events.emit('data-changed', { entities: ['task', 'lead', 'opportunity', 'account'], reason: 'automation' })
  return result
}
