import type { Dayjs } from 'dayjs'
import type { z } from 'zod'
import type { ActivityInput, CustomValue } from '../../../../../shared/entities'
import type { ActivityType } from '../../../../../shared/enums'
import { customInput } from '../../customFields/utils/customFormValues'
import type { FollowUpTarget } from '../states/followUpEntry'

/** What the follow-up form's controls hold. */
export interface FollowUpFormValues {
  type: ActivityType
  occurredAt?: Dayjs | null
  content?: string
  feedback?: string
  nextPlan?: string
  nextDate?: Dayjs | null
  /** The follow-up's custom fields, by key. */
  custom?: Record<string, CustomValue | null | undefined>
}

const textOrNull = (value: string | undefined) => (value?.trim() ? value.trim() : null)

/** Turns the form's values into the shape `activities.create` validates. */
export function toActivityInput(target: Pick<FollowUpTarget, 'entityType' | 'entityId'>, values: FollowUpFormValues): z.input<typeof ActivityInput> {
  return {
    entityType: target.entityType,
    entityId: target.entityId,
    type: values.type,
    occurredAt: values.occurredAt ? values.occurredAt.toISOString() : undefined,
    content: values.content?.trim() ?? '',
    feedback: textOrNull(values.feedback),
    nextPlan: textOrNull(values.nextPlan),
    nextDate: values.nextDate ? values.nextDate.format('YYYY-MM-DD') : null,
    ...(values.custom ? { custom: customInput(values.custom) } : {}),
  }
}
