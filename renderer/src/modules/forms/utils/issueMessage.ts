import type { TFunction } from 'i18next'
import type { z } from 'zod'
import type { FieldIssue } from '../../../../../shared/errors'

type Issue = z.core.$ZodIssue | FieldIssue

/**
 * A sentence for one validation problem in the person's language. Zod's own
 * messages are English, and the server's issues carry only the code, so the
 * wording comes from our translations; details are used when zod gives them.
 */
export function issueMessage(issue: Issue, t: TFunction): string {
  switch (issue.code) {
    case 'too_small':
      if ('origin' in issue && issue.origin !== 'string') return t('validation.tooSmall', { min: Number(issue.minimum) })
      return t('validation.required')
    case 'too_big':
      if ('origin' in issue && issue.origin !== 'string') return t('validation.tooBig', { max: Number(issue.maximum) })
      return 'maximum' in issue ? t('validation.tooLong', { max: Number(issue.maximum) }) : t('validation.invalid')
    case 'invalid_type':
      // Form controls hand over undefined or null for an empty field; wrong types cannot be typed in.
      return t('validation.required')
    case 'invalid_format':
      if ('format' in issue && issue.format === 'email') return t('validation.invalidEmail')
      if ('format' in issue && issue.format === 'date') return t('validation.invalidDate')
      return t('validation.invalid')
    default:
      return t('validation.invalid')
  }
}

/** The form field an issue belongs to: the first step of its path. */
export function issueField(issue: Issue): string | undefined {
  const first = issue.path[0]
  return typeof first === 'string' ? first : undefined
}
