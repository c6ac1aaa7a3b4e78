import type { TFunction } from 'i18next'
import { FieldIssue } from '../../../../../shared/errors'
import type { ApiCallError } from '../../../api/ApiCallError'
import { issueField, issueMessage } from './issueMessage'

export interface FieldError {
  name: string
  errors: string[]
}

/**
 * Field errors carried by a failed call: VALIDATION lists zod issues,
 * STAGE_REQUIREMENTS lists the keys of the fields the target stage needs.
 */
export function serverFieldErrors(error: ApiCallError, t: TFunction, requiredForStage: string): FieldError[] {
  const details = (error.details ?? {}) as { issues?: unknown; missing?: unknown }
  if (error.code === 'VALIDATION') {
    const issues = FieldIssue.array().safeParse(details.issues)
    if (!issues.success) return []
    return issues.data.flatMap((issue) => {
      const name = issueField(issue)
      return name ? [{ name, errors: [issueMessage(issue, t)] }] : []
    })
  }
  if (error.code === 'STAGE_REQUIREMENTS' && Array.isArray(details.missing)) {
    return details.missing.filter((f): f is string => typeof f === 'string').map((name) => ({ name, errors: [requiredForStage] }))
  }
  return []
}
