import type { CallMeta, ParsedInput } from '../../../../shared/api'
import type { Activity, Lead, Task } from '../../../../shared/entities'
import type { FieldIssue } from '../../../../shared/errors'
import type { DuplicateMatch, LeadDetail, LeadFormField, PoolStatus } from '../../../../shared/methods/loop'
import type { Core } from '../../core'
import { parseBant } from '../../domain/leadRating'
import { normalizeCompanyName, normalizeEmail, normalizePhone } from '../../domain/normalize'
import { AppError } from '../../errors'
import { writeAudit } from '../../store/audit'
import { readLoopConfig } from '../../store/loop/config'
import { findDuplicateRows } from '../../store/loop/duplicates'
import { countHeldLeads, readBantText } from '../../store/loop/leads'
import { getLiveRow, updateRecord } from '../../store/records'
import { getGridRow, rowsAttachedTo } from '../../store/rows'
import type { WriteContext } from '../../store/writeContext'
import { inTransaction, writeContext } from '../context'
import { insertOne } from '../records'
import { requireUser } from '../references'
import { assignLead } from './assignment'
import { resolveUser } from './who'

type Versions = { rows: { id: number; version: number }[] }

/** A company that only starts alike is worth showing from four characters on. */
const SIMILAR_FROM = 4

export function findDuplicates(core: Core, input: ParsedInput<'duplicates.find'>): DuplicateMatch[] {
  const company = input.company?.trim() ? normalizeCompanyName(input.company) : ''
  return findDuplicateRows(core.db, {
    companyNorm: company === '' ? null : company,
    phoneNorm: normalizePhone(input.phone),
    emailNorm: normalizeEmail(input.email),
    similarFrom: SIMILAR_FROM,
    exclude: input.exclude,
    limit: input.limit,
  })
}

const blank = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '')

function missingLeadFields(required: readonly LeadFormField[], fields: Record<string, unknown>): FieldIssue[] {
  return required.flatMap((field): FieldIssue[] => {
    if (field === 'phoneOrEmail') {
      return blank(fields.phone) && blank(fields.email)
        ? [{ path: ['phone'], code: 'required', message: 'A phone or an email is required' }]
        : []
    }
    return blank(fields[field]) ? [{ path: [field], code: 'required', message: `${field} is required` }] : []
  })
}

/**
 * The lead entry form: required fields as configured, a likely duplicate
 * refused unless the user chose to save anyway, then assignment rules (or
 * the pool), all in one transaction.
 */
export function captureLead(core: Core, input: ParsedInput<'leads.capture'>, meta: CallMeta): Lead {
  const { bant, duplicateAction, ...fields } = input
  const issues = missingLeadFields(readLoopConfig(core.db).leadRequiredFields, fields)
  if (issues.length > 0) throw new AppError('VALIDATION', { issues })
  if (duplicateAction === 'check') {
    const matches = findDuplicates(core, { company: fields.company, phone: fields.phone ?? undefined, email: fields.email ?? undefined, limit: 10 })
      .filter((match) => match.exact)
    if (matches.length > 0) throw new AppError('DUPLICATE_FOUND', { matches })
  }
  const id = inTransaction(core, () => {
    const ctx = writeContext(core, meta)
    const ownerId = assignLead(core, ctx, fields)
    const leadId = insertOne(core, ctx, meta, 'lead', { ...fields, ownerId, bant: JSON.stringify(bant ?? {}) })
    if (ownerId !== null && fields.ownerId == null) {
      writeAudit(core.db, ctx, 'lead', leadId, 'assign', [{ field: 'owner_id', oldValue: null, newValue: ownerId }])
    }
    return leadId
  })
  core.events.emit('data-changed', { entities: ['lead'], reason: 'create' })
  return getGridRow<Lead>(core.db, 'lead', id)
}

export function leadDetail(core: Core, id: number): LeadDetail {
  const lead = getGridRow<Lead>(core.db, 'lead', id)
  const row = getLiveRow(core.db, 'lead', id)
  return {
    lead,
    bant: parseBant(readBantText(core.db, id)),
    convertedAccountId: (row.converted_account_id as number | null) ?? null,
    convertedContactId: (row.converted_contact_id as number | null) ?? null,
    activities: rowsAttachedTo<Activity>(core.db, 'activity', 'lead', id),
    tasks: rowsAttachedTo<Task>(core.db, 'task', 'lead', id),
  }
}

/** Recording BANT answers re-rates the lead (the rating trigger follows the bant column). */
export function qualifyLead(core: Core, input: ParsedInput<'leads.qualify'>, meta: CallMeta): Lead {
  // JSON drops the answers made unknown again (null).
  const bant = JSON.stringify({ ...parseBant(readBantText(core.db, input.id)), ...input.bant }, (_key, value: unknown) => value ?? undefined)
  inTransaction(core, () => updateRecord(core.db, writeContext(core, meta), 'lead', input.id, input.version, { bant }))
  core.events.emit('data-changed', { entities: ['lead'], reason: 'update' })
  return getGridRow<Lead>(core.db, 'lead', input.id)
}

/** Gives a lead to a user (stamping the claim) or back to the pool, audited as an assignment. */
export function setLeadOwner(core: Core, ctx: WriteContext, id: number, version: number, ownerId: number | null): number {
  updateRecord(core.db, ctx, 'lead', id, version, { owner_id: ownerId, claimed_at: ownerId === null ? null : ctx.now }, 'assign')
  return getLiveRow(core.db, 'lead', id).version as number
}

export function assignLeads(core: Core, input: ParsedInput<'leads.assign'>, meta: CallMeta): Versions {
  requireUser(core, 'ownerId', input.ownerId)
  const rows = inTransaction(core, () => {
    const ctx = writeContext(core, meta)
    return input.rows.map((row) => ({ id: row.id, version: setLeadOwner(core, ctx, row.id, row.version, input.ownerId) }))
  })
  core.events.emit('data-changed', { entities: ['lead'], reason: 'assign' })
  return { rows }
}

export function poolStatus(core: Core, input: ParsedInput<'pool.status'>, meta: CallMeta): PoolStatus {
  const userId = resolveUser(core, meta, input.userId)
  const { pool } = readLoopConfig(core.db)
  return { userId, claimLimit: pool.claimLimit, held: countHeldLeads(core.db, userId), returnDays: pool.returnDays }
}

const OPEN_STATUSES = new Set(['new', 'contacted', 'qualified'])

/** The caller claims unowned open leads, as long as they stay within the claim limit. */
export function claimLeads(core: Core, input: ParsedInput<'pool.claim'>, meta: CallMeta): Versions {
  const userId = resolveUser(core, meta)
  const rows = inTransaction(core, () => {
    const { claimLimit } = readLoopConfig(core.db).pool
    const held = countHeldLeads(core.db, userId)
    if (held + input.rows.length > claimLimit) {
      throw new AppError('CLAIM_LIMIT', { limit: claimLimit, held, requested: input.rows.length })
    }
    const ctx = writeContext(core, meta)
    return input.rows.map((row) => {
      const lead = getLiveRow(core.db, 'lead', row.id)
      if (lead.owner_id !== null) throw new AppError('CONFLICT', { entity: 'lead', id: row.id, reason: 'claimed', current: lead })
      if (!OPEN_STATUSES.has(String(lead.status))) {
        throw new AppError('VALIDATION', { issues: [{ path: ['rows'], code: 'not_open', message: `Lead ${row.id} is ${String(lead.status)}` }] })
      }
      return { id: row.id, version: setLeadOwner(core, ctx, row.id, row.version, userId) }
    })
  })
  core.events.emit('data-changed', { entities: ['lead'], reason: 'assign' })
  return { rows }
}

export function releaseLead(core: Core, input: ParsedInput<'pool.release'>, meta: CallMeta): Lead {
  inTransaction(core, () => setLeadOwner(core, writeContext(core, meta), input.id, input.version, null))
  core.events.emit('data-changed', { entities: ['lead'], reason: 'assign' })
  return getGridRow<Lead>(core.db, 'lead', input.id)
}
