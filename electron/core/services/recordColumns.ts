import type { TrashableEntity } from '../../../shared/enums'
import type { Core } from '../core'
import { normalizeCompanyName, normalizeEmail, normalizePhone } from '../domain/normalize'
import { toColumn, type Row } from '../store/records'
import { requireRecord, requireUser } from './references'

/**
 * Contract fields as table columns, plus the normalised copies that duplicate
 * detection searches (kept in step on every write, whatever the surface).
 */
export function toRow(entity: TrashableEntity, fields: Record<string, unknown>): Row {
  const row: Row = {}
  for (const [field, value] of Object.entries(fields)) if (value !== undefined) row[toColumn(field)] = value
  const has = (field: string) => Object.hasOwn(fields, field) && fields[field] !== undefined
  if (entity === 'account' && has('name')) row.name_norm = normalizeCompanyName(String(fields.name))
  if (entity === 'lead' && has('company')) row.company_norm = normalizeCompanyName(String(fields.company))
  if ((entity === 'lead' || entity === 'contact') && has('phone')) row.phone_norm = normalizePhone(fields.phone as string | null)
  if ((entity === 'lead' || entity === 'contact') && has('email')) row.email_norm = normalizeEmail(fields.email as string | null)
  return row
}

/** Every id a person typed or picked must point at a live record or a user. */
export function checkReferences(core: Core, fields: Record<string, unknown>): void {
  requireUser(core, 'ownerId', fields.ownerId as number | null | undefined)
  requireUser(core, 'assigneeId', fields.assigneeId as number | null | undefined)
  requireRecord(core, 'account', 'accountId', fields.accountId as number | null | undefined)
  requireRecord(core, 'contact', 'contactId', fields.contactId as number | null | undefined)
  const entityType = fields.entityType as 'lead' | 'account' | 'contact' | 'opportunity' | null | undefined
  if (entityType) requireRecord(core, entityType, 'entityId', fields.entityId as number | null | undefined)
}
