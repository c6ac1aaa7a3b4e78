import type { TFunction } from 'i18next'
import { FieldIssue } from '../../../../../shared/errors'
import type { ApiCallError } from '../../../api/ApiCallError'
import { issueField, issueMessage } from './issueMessage'

export interface FieldError {
  /** A form field: a built-in field's name, or ['custom', key] for a custom field. */
  name: string | [string, string]
  errors: string[]
}

const names = (list: unknown): string[] => (Array.isArray(list) ? list.filter((f): f is string => typeof f === 'string') : [])

/**
 * Field errors carried by a failed call: VALIDATION lists zod issues,
 * STAGE_REQUIREMENTS lists the keys of the fields the target stage needs,
 * CUSTOM_FIELD_REQUIRED the custom fields left empty and
 * CUSTOM_VALUE_INVALID the custom field whose value does not fit.
 */
export function serverFieldErrors(error: ApiCallError, t: TFunction, requiredForStage: string): FieldError[] {
  const details = (error.details ?? {}) as { issues?: unknown; missing?: unknown; field?: unknown }
  switch (error.code) {
    case 'VALIDATION': {
      const issues = FieldIssue.array().safeParse(details.issues)
      if (!issues.success) return []
      return issues.data.flatMap((issue) => {
        const name = issueField(issue)
        return name ? [{ name, errors: [issueMessage(issue, t)] }] : []
      })
    }
    case 'STAGE_REQUIREMENTS':
      return names(details.missing).map((name) => ({ name, errors: [requiredForStage] }))
    case 'CUSTOM_FIELD_REQUIRED':
      return names(details.missing).map((key) => ({ name: ['custom', key], errors: [t('validation.required')] }))
    case 'CUSTOM_VALUE_INVALID':
      return typeof details.field === 'string' ? [{ name: ['custom', details.field], errors: [t('validation.invalid')] }] : []
    default:
      return []
  }
}
