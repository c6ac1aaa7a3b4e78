import { z } from 'zod'

/** UI and message languages. zh-CN is the default. */
export const Locale = z.enum(['zh-CN', 'en'])
export type Locale = z.infer<typeof Locale>

export const UserRole = z.enum(['rep', 'manager', 'admin'])
export type UserRole = z.infer<typeof UserRole>

/** Entities that the API, the grid, the audit log and the trash talk about. */
export const EntityType = z.enum([
  'user',
  'account',
  'contact',
  'lead',
  'opportunity',
  'activity',
  'task',
  'contract',
  'payment',
])
export type EntityType = z.infer<typeof EntityType>

/** Entities that own a window-queried grid. */
export const GridEntity = z.enum(['opportunity', 'lead', 'account', 'contact', 'activity', 'task'])
export type GridEntity = z.infer<typeof GridEntity>

/** Entities that go to the trash instead of being deleted. */
export const TrashableEntity = z.enum(['account', 'contact', 'lead', 'opportunity', 'activity', 'task'])
export type TrashableEntity = z.infer<typeof TrashableEntity>

export const StageKind = z.enum(['open', 'won', 'lost'])
export type StageKind = z.infer<typeof StageKind>

export const ForecastCategory = z.enum(['pipeline', 'best_case', 'commit', 'closed', 'omitted'])
export type ForecastCategory = z.infer<typeof ForecastCategory>

export const Currency = z.enum(['CNY', 'USD', 'EUR', 'HKD', 'JPY', 'GBP'])
export type Currency = z.infer<typeof Currency>

export const ActivityType = z.enum(['call', 'visit', 'meeting', 'wechat', 'email', 'other'])
export type ActivityType = z.infer<typeof ActivityType>

export const TaskStatus = z.enum(['open', 'done'])
export type TaskStatus = z.infer<typeof TaskStatus>

export const TaskPriority = z.enum(['low', 'normal', 'high'])
export type TaskPriority = z.infer<typeof TaskPriority>

export const LeadStatus = z.enum(['new', 'contacted', 'qualified', 'converted', 'disqualified'])
export type LeadStatus = z.infer<typeof LeadStatus>

export const LeadGrade = z.enum(['A', 'B', 'C'])
export type LeadGrade = z.infer<typeof LeadGrade>

export const AccountLifecycle = z.enum(['prospect', 'customer', 'repeat_customer', 'churned'])
export type AccountLifecycle = z.infer<typeof AccountLifecycle>

/** Keys of the editable picklists that ship with every workspace. */
export const PicklistKey = z.enum(['source', 'industry', 'region', 'product_line', 'loss_reason'])
export type PicklistKey = z.infer<typeof PicklistKey>

export const AuditAction = z.enum([
  'create',
  'update',
  'delete',
  'restore',
  'stage',
  'merge',
  'assign',
  'import',
  'undo',
])
export type AuditAction = z.infer<typeof AuditAction>
