import {
  AccountLifecycle,
  ActivityType,
  Currency,
  LeadGrade,
  LeadStatus,
  StageKind,
  TaskPriority,
  TaskStatus,
} from '../../../../../shared/enums'

/** The enums that GridColumns name in `options`, by that name. */
const enums: Record<string, readonly string[]> = {
  currency: Currency.options,
  leadStatus: LeadStatus.options,
  leadGrade: LeadGrade.options,
  accountLifecycle: AccountLifecycle.options,
  activityType: ActivityType.options,
  taskPriority: TaskPriority.options,
  taskStatus: TaskStatus.options,
  stageKind: StageKind.options,
}

export function enumValues(name: string | undefined): readonly string[] {
  return (name && enums[name]) || []
}
