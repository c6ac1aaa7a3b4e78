import { findColumn, type ColumnDef } from '../../../../../shared/columns'
import type { EntityType, GridEntity } from '../../../../../shared/enums'
import { GridEntity as GridEntities } from '../../../../../shared/enums'

/** Audit rows name store columns (owner_id); the contract and the translations name fields (ownerId). */
export function fieldKey(field: string): string {
  return field.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())
}

/** Fields an audit row may name that no grid column shows; their labels are in `history.fields`. */
export const extraFields = [
  'claimedAt',
  'convertedAccountId',
  'convertedContactId',
  'convertedOpportunityId',
  'mergedFrom',
  'mergedInto',
  'merge',
  'bant',
  'leadId',
  'accountId',
  'contactId',
  'notes',
  'lossNote',
  'previousOpportunityId',
  'stageEnteredAt',
  'satisfaction',
  // A contract's own fields, and the payments and plan audited on it.
  'number',
  'amount',
  'currency',
  'signedDate',
  'startDate',
  'endDate',
  'paymentPlan',
  'payment',
] as const

/** How a value of this field is shown: ids become names, codes become labels. */
export type ValueKind =
  | { kind: 'user' }
  | { kind: 'stage' }
  | { kind: 'enum'; options: string }
  | { kind: 'picklist'; options: string }
  | { kind: 'datetime' }
  | { kind: 'date' }
  /** An amount; the record's currency is not in the audit row, so it shows as a grouped number. */
  | { kind: 'amount' }
  /** A payment received (or removed), stored as JSON. */
  | { kind: 'payment' }
  /** A contract's whole payment plan, stored as JSON. */
  | { kind: 'plan' }
  /** Another record, shown by its number. */
  | { kind: 'record' }
  | { kind: 'text' }

const recordFields: ReadonlySet<string> = new Set([
  'convertedAccountId',
  'convertedContactId',
  'convertedOpportunityId',
  'accountId',
  'contactId',
  'leadId',
  'previousOpportunityId',
  'mergedFrom',
  'mergedInto',
  'merge',
])

export function gridColumnOf(entityType: EntityType, key: string): ColumnDef | undefined {
  return GridEntities.safeParse(entityType).success ? findColumn(entityType as GridEntity, key) : undefined
}

export function valueKindOf(entityType: EntityType, key: string): ValueKind {
  if (key === 'ownerId' || key === 'assigneeId' || key === 'userId') return { kind: 'user' }
  if (key === 'stageId') return { kind: 'stage' }
  if (key === 'claimedAt' || key === 'stageEnteredAt') return { kind: 'datetime' }
  if (key === 'payment') return { kind: 'payment' }
  if (key === 'paymentPlan') return { kind: 'plan' }
  if (entityType === 'contract' && (key === 'signedDate' || key === 'startDate' || key === 'endDate')) return { kind: 'date' }
  if ((entityType === 'contract' || entityType === 'payment') && key === 'amount') return { kind: 'amount' }
  if (recordFields.has(key)) return { kind: 'record' }
  const column = gridColumnOf(entityType, key)
  if (column?.type === 'enum' && column.options) return { kind: 'enum', options: column.options }
  if (column?.type === 'picklist' && column.options) return { kind: 'picklist', options: column.options }
  if (column?.type === 'datetime') return { kind: 'datetime' }
  if (column?.type === 'currency') return { kind: 'amount' }
  return { kind: 'text' }
}
