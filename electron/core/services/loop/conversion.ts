import type { CallMeta, ParsedInput } from '../../../../shared/api'
import type { Lead } from '../../../../shared/entities'
import type { LeadConversion } from '../../../../shared/methods/loop'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { findAccountByNameNorm, findContactByPhoneOrEmail, isActivePicklistValue } from '../../store/loop/leads'
import { firstPipelineId, firstStageOfKind, pipelineIdByKey } from '../../store/loop/pipelines'
import { getLiveRow, updateRecord, type Row } from '../../store/records'
import { getGridRow } from '../../store/rows'
import type { WriteContext } from '../../store/writeContext'
import { inTransaction, writeContext } from '../context'
import { insertOneOpportunity } from '../opportunities'
import { insertOne } from '../records'
import { requireRecord } from '../references'

type ConvertInput = ParsedInput<'leads.convert'>

/** Only the fields a caller actually sent, so that they override defaults and nothing else. */
const sent = <T extends object>(fields: T) => Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<T>

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null)

/** The given account, else one whose normalised name is the lead's company, else a new one from the lead. */
function accountFor(core: Core, ctx: WriteContext, meta: CallMeta, lead: Row, ownerId: number | null, chosen?: number) {
  if (chosen !== undefined) return { id: chosen, reused: true }
  const match = findAccountByNameNorm(core.db, String(lead.company_norm))
  if (match !== null) return { id: match, reused: true }
  const id = insertOne(core, ctx, meta, 'account', {
    name: lead.company,
    industry: lead.industry,
    region: lead.region,
    source: lead.source,
    ownerId,
  })
  return { id, reused: false }
}

/** The given contact, else one with the lead's phone or email, else a new one when the lead names a person. */
function contactFor(core: Core, ctx: WriteContext, meta: CallMeta, lead: Row, accountId: number, ownerId: number | null, chosen?: number) {
  if (chosen !== undefined) return { id: chosen, reused: true }
  const match = findContactByPhoneOrEmail(core.db, lead.phone_norm as string | null, lead.email_norm as string | null, accountId)
  if (match !== null) return { id: match, reused: true }
  const name = text(lead.contact_name)
  if (name === null) return { id: null, reused: false }
  const id = insertOne(core, ctx, meta, 'contact', { name, accountId, phone: lead.phone, email: lead.email, ownerId })
  return { id, reused: false }
}

function defaultStageId(core: Core): number {
  const pipelineId = pipelineIdByKey(core.db, 'new_business') ?? firstPipelineId(core.db)
  const stage = pipelineId === undefined ? undefined : firstStageOfKind(core.db, pipelineId, 'open')
  if (!stage) throw new AppError('VALIDATION', { issues: [{ path: ['opportunity', 'stageId'], code: 'required', message: 'No open stage' }] })
  return stage.id
}

/**
 * One action, one transaction: the lead becomes (or joins) an account, a
 * contact and a new deal that keeps the link back to the lead. The deal's
 * stage must have what it requires, as on every other path.
 */
export function convertLead(core: Core, input: ConvertInput, meta: CallMeta): LeadConversion {
  requireRecord(core, 'account', 'accountId', input.accountId)
  requireRecord(core, 'contact', 'contactId', input.contactId)
  const result = inTransaction(core, () => {
    const ctx = writeContext(core, meta)
    const lead = getLiveRow(core.db, 'lead', input.id)
    if (lead.version !== input.version) throw new AppError('CONFLICT', { entity: 'lead', id: input.id, current: lead })
    if (lead.status === 'converted') {
      throw new AppError('VALIDATION', { issues: [{ path: ['id'], code: 'converted', message: 'This lead is already converted' }] })
    }
    const ownerId = (lead.owner_id as number | null) ?? meta.userId
    const account = accountFor(core, ctx, meta, lead, ownerId, input.accountId)
    const contact = contactFor(core, ctx, meta, lead, account.id, ownerId, input.contactId)
    const interest = text(lead.product_interest)
    const deal = input.opportunity
    const opportunityId = insertOneOpportunity(core, ctx, meta, {
      name: deal.name ?? [lead.company, interest].filter(Boolean).join(' '),
      stageId: deal.stageId ?? defaultStageId(core),
      currency: deal.currency ?? 'CNY',
      source: text(lead.source),
      productLine: interest !== null && isActivePicklistValue(core.db, 'product_line', interest) ? interest : null,
      ownerId,
      ...sent(deal),
      accountId: account.id,
      contactId: contact.id,
      // Passed through to the row: the deal remembers the lead it came from.
      leadId: input.id,
    } as ParsedInput<'opportunities.create'>)
    updateRecord(core.db, ctx, 'lead', input.id, input.version, {
      status: 'converted',
      converted_account_id: account.id,
      converted_contact_id: contact.id,
      converted_opportunity_id: opportunityId,
    })
    return { accountId: account.id, contactId: contact.id, opportunityId, reusedAccount: account.reused, reusedContact: contact.reused }
  })
  core.events.emit('data-changed', { entities: ['lead', 'account', 'contact', 'opportunity'], reason: 'convert' })
  return { lead: getGridRow<Lead>(core.db, 'lead', input.id), ...result }
}
