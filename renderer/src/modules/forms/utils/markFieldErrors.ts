import type { FormInstance } from 'antd'
import type { TFunction } from 'i18next'
import type { ApiCallError } from '../../../api/ApiCallError'
import { reloadCustomFields } from '../../customFields/utils/customFieldLoader'
import { serverFieldErrors } from './serverFieldErrors'

const customRefusals = new Set(['CUSTOM_FIELD_REQUIRED', 'CUSTOM_VALUE_INVALID', 'CUSTOM_FIELD_UNKNOWN'])

/**
 * Marks the fields a refusal names on the form, next to the inputs (the
 * refusal's sentence shows above). A refusal about custom fields may come
 * from definitions changed since the form opened (a field added or made
 * required by a colleague): they are fetched again first, so the form shows
 * the field the mark belongs to.
 */
export async function markFieldErrors<Values>(
  form: FormInstance<Values>,
  error: ApiCallError,
  t: TFunction,
  requiredForStage = t('validation.required'),
): Promise<void> {
  if (customRefusals.has(error.code)) {
    await reloadCustomFields()
    // Let the form render the fields the fresh definitions add before marking them.
    await new Promise((resolve) => setTimeout(resolve, 0))
  }
  form.setFields(serverFieldErrors(error, t, requiredForStage) as Parameters<FormInstance<Values>['setFields']>[0])
}
