import type { MethodInput } from '../../../../../shared/api'
import type { CustomValue } from '../../../../../shared/entities'
import { customInput } from '../../customFields/utils/customFormValues'
import type { LeadFormField } from '../../../../../shared/methods/loop'

/** What the capture form holds; empty inputs are undefined or ''. */
export interface CaptureValues {
  company?: string
  contactName?: string
  phone?: string
  email?: string
  source?: string
  region?: string
  industry?: string
  productInterest?: string
  ownerId?: number | null
  notes?: string
  /** The lead's custom fields, by key. */
  custom?: Record<string, CustomValue | null | undefined>
}

const textFields = ['contactName', 'phone', 'email', 'source', 'region', 'industry', 'productInterest', 'notes'] as const

const clean = (value: string | undefined) => {
  const trimmed = value?.trim() ?? ''
  return trimmed === '' ? null : trimmed
}

/** The form's values as `leads.capture` takes them: blanks as null, nothing else changed. */
export function toCaptureInput(values: CaptureValues, duplicateAction: 'check' | 'save'): MethodInput<'leads.capture'> {
  const input: MethodInput<'leads.capture'> = { company: values.company?.trim() ?? '', duplicateAction }
  for (const field of textFields) input[field] = clean(values[field])
  if (values.ownerId !== undefined) input.ownerId = values.ownerId
  if (values.custom) input.custom = customInput(values.custom)
  return input
}

/** Whether a form field is required by the workspace's lead rules; `phoneOrEmail` asks for either. */
export function isRequired(required: readonly LeadFormField[], field: keyof CaptureValues, values: CaptureValues): boolean {
  if (field === 'company') return true
  if (required.includes(field as LeadFormField)) return true
  if ((field === 'phone' || field === 'email') && required.includes('phoneOrEmail')) {
    const other = field === 'phone' ? values.email : values.phone
    return clean(other) === null
  }
  return false
}

/** The probe `duplicates.find` gets while the person types; null when there is nothing to look for yet. */
export function duplicateProbe(values: CaptureValues): MethodInput<'duplicates.find'> | null {
  const company = clean(values.company)
  const phone = clean(values.phone)
  const email = clean(values.email)
  if (company === null && phone === null && email === null) return null
  return { ...(company && { company }), ...(phone && { phone }), ...(email && { email }), limit: 8 }
}
