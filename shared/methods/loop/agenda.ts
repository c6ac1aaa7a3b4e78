import { z } from 'zod'
import { AuditEntry, Opportunity } from '../../entities'
import { TaskPriority } from '../../enums'
import { Id, IsoDate } from '../../primitives'
import { Done, Empty, method } from '../define'

export const RecordType = z.enum(['lead', 'account', 'contact', 'opportunity'])
export type RecordType = z.infer<typeof RecordType>

/** One line of My Day: a planned follow-up on a record, or a task. Either opens its record in one click. */
export const AgendaItem = z.object({
  kind: z.enum(['followUp', 'task']),
  entityType: RecordType.nullable(),
  entityId: Id.nullable(),
  taskId: Id.nullable(),
  title: z.string(),
  subtitle: z.string().nullable(),
  date: IsoDate.nullable(),
  priority: TaskPriority.nullable(),
})
export type AgendaItem = z.infer<typeof AgendaItem>

const section = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() })

export const Collection = z.object({
  contractId: Id,
  contractNumber: z.string(),
  opportunityId: Id,
  opportunityName: z.string(),
  accountId: Id.nullable(),
  accountName: z.string().nullable(),
  currency: z.string(),
  balance: z.number(),
  overdue: z.number(),
  nextDueDate: IsoDate.nullable(),
  nextDueAmount: z.number().nullable(),
})
export type Collection = z.infer<typeof Collection>

export const MyDay = z.object({
  userId: Id,
  today: IsoDate,
  overdue: section(AgendaItem),
  dueToday: section(AgendaItem),
  upcoming: section(AgendaItem),
  staleDeals: section(Opportunity),
  collections: section(Collection).extend({
    baseCurrency: z.string(),
    overdueTotal: z.number(),
    outstandingTotal: z.number(),
  }),
})
export type MyDay = z.infer<typeof MyDay>

export const Notification = z.object({
  taskId: Id,
  title: z.string(),
  dueDate: IsoDate.nullable(),
  entityType: RecordType.nullable(),
  entityId: Id.nullable(),
  priority: TaskPriority,
})
export type Notification = z.infer<typeof Notification>

/** What one run of the automatic rules did. Running again at once does nothing new. */
export const AutomationReport = z.object({
  returnedToPool: z.number().int(),
  rottingTasks: z.number().int(),
  followUpReminders: z.number().int(),
  uncontactedReminders: z.number().int(),
  renewalTasks: z.number().int(),
  renewalOpportunities: z.number().int(),
  birthdayReminders: z.number().int(),
  remindersClosed: z.number().int(),
  leadsRerated: z.number().int(),
  lifecyclesChanged: z.number().int(),
})
export type AutomationReport = z.infer<typeof AutomationReport>

/** A user: the one named, else the caller, else the workspace's current user. */
const ForUser = z.object({ userId: Id.optional() })

/** My Day, reminders, the bell, the automatic rules, and each record's whole history. */
export const loopAgendaMethods = {
  'myDay.get': method(ForUser.extend({ upcomingDays: z.number().int().min(1).max(60).default(7) }).strict(), MyDay),
  /** Due tasks not yet seen, newest due first, for the bell and OS notifications. */
  'notifications.list': method(ForUser.strict(), z.object({ unseen: z.number().int(), items: z.array(Notification) })),
  /** Marks the given tasks seen, or every due one of the user's when none are given. */
  'notifications.markSeen': method(ForUser.extend({ taskIds: z.array(Id).max(500).optional() }).strict(), Done),
  'automations.run': method(Empty, AutomationReport),
  /** The record's audit trail together with that of its follow-ups, tasks, contracts and payments. */
  'history.list': method(
    z.object({ entityType: RecordType, entityId: Id, limit: z.number().int().min(1).max(2000).default(500) }).strict(),
    z.array(AuditEntry),
  ),
} as const
