import type { CallMeta, ParsedInput } from '../../../../shared/api'
import type { AgendaItem, Collection, MyDay } from '../../../../shared/methods/loop'
import type { Core } from '../../core'
import { followUpsOf, markTasksSeen, openTasksOf, staleDealsOf, unseenDueTasks } from '../../store/loop/agenda'
import { openContractRowsOfOwner } from '../../store/loop/contracts'
import { historyOf } from '../../store/loop/history'
import { contractsWithBalance, inBaseCurrency } from './contracts'
import { addDays, resolveUser, todayOf } from './who'

/** Each section of My Day shows this many lines and says how many there are. */
const SECTION_SIZE = 100

const section = <T>(items: readonly T[]) => ({ items: items.slice(0, SECTION_SIZE), total: items.length })

/** Outstanding collections: what is overdue first, then what falls due within the window. */
function collectionsOf(core: Core, userId: number, until: string) {
  const contracts = contractsWithBalance(core, openContractRowsOfOwner(core.db, userId))
  const { baseCurrency, convert } = inBaseCurrency(core)
  const items: Collection[] = contracts
    .filter((c) => c.overdue > 0 || (c.nextDueDate !== null && c.nextDueDate <= until))
    .sort((a, b) => b.overdue - a.overdue || (a.nextDueDate ?? '').localeCompare(b.nextDueDate ?? ''))
    .map((c) => ({
      contractId: c.id,
      contractNumber: c.number,
      opportunityId: c.opportunityId,
      opportunityName: c.opportunityName,
      accountId: c.accountId,
      accountName: c.accountName,
      currency: c.currency,
      balance: c.balance,
      overdue: c.overdue,
      nextDueDate: c.nextDueDate,
      nextDueAmount: c.nextDueAmount,
    }))
  const total = (pick: (c: (typeof contracts)[number]) => number) =>
    Math.round(contracts.reduce((sum, c) => sum + convert(pick(c), c.currency), 0) * 100) / 100
  return { ...section(items), baseCurrency, overdueTotal: total((c) => c.overdue), outstandingTotal: total((c) => c.balance) }
}

/**
 * A rep's day on one screen: planned follow-ups and tasks, overdue, today
 * and in the next days; deals gone stale; money to collect.
 */
export function myDay(core: Core, input: ParsedInput<'myDay.get'>, meta: CallMeta): MyDay {
  const userId = resolveUser(core, meta, input.userId)
  const today = todayOf(core)
  const until = addDays(today, input.upcomingDays)
  const byDate = (a: AgendaItem, b: AgendaItem) => (a.date ?? '').localeCompare(b.date ?? '')
  const agenda = [...followUpsOf(core.db, userId, until), ...openTasksOf(core.db, userId, until)].sort(byDate)
  return {
    userId,
    today,
    overdue: section(agenda.filter((item) => item.date! < today)),
    dueToday: section(agenda.filter((item) => item.date === today)),
    upcoming: section(agenda.filter((item) => item.date! > today)),
    staleDeals: staleDealsOf(core.db, userId, SECTION_SIZE),
    collections: collectionsOf(core, userId, until),
  }
}

const BELL_SIZE = 50

export function notifications(core: Core, input: ParsedInput<'notifications.list'>, meta: CallMeta) {
  return unseenDueTasks(core.db, resolveUser(core, meta, input.userId), todayOf(core), BELL_SIZE)
}

export function markNotificationsSeen(core: Core, input: ParsedInput<'notifications.markSeen'>, meta: CallMeta): { ok: true } {
  const userId = resolveUser(core, meta, input.userId)
  markTasksSeen(core.db, userId, todayOf(core), core.clock().toISOString(), input.taskIds)
  core.events.emit('data-changed', { entities: ['task'], reason: 'seen' })
  return { ok: true }
}

export const recordHistory = (core: Core, input: ParsedInput<'history.list'>) =>
  historyOf(core.db, input.entityType, input.entityId, input.limit)
