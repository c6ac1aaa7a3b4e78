import type { CallMeta } from '../../../../shared/api'
import { matchKey, matchStage } from '../../../../shared/coerce'
import type { Pipeline, Stage } from '../../../../shared/entities'
import type { ImportIssueReason, ImportRequest } from '../../../../shared/methods/imports'
import type { Core } from '../../core'
import { normalizeCompanyName, normalizeEmail, normalizePhone } from '../../domain/normalize'
import { contactsNamed, liveIdsByKey, liveRecord, type ContactIndex } from '../../store/imports'
import { listPicklists, listPipelines, listStages, readSetting } from '../../store/reference'
import { Fresh, FreshPicklistValue, FreshRecord, FreshStage, FreshUser, type FreshFields } from './fresh'

/** The loss reason recorded for a lost deal whose file gives none (with `onUnknown: create`). */
export const NOT_RECORDED = { value: 'not_recorded', zh: '未记录', en: 'Not recorded' }

export type Resolved<T> = { ok: true; value: T } | { ok: false; reason: ImportIssueReason }

const ok = <T>(value: T): Resolved<T> => ({ ok: true, value })
const fail = <T>(reason: ImportIssueReason): Resolved<T> => ({ ok: false, reason })

/**
 * The workspace as an import sees it: stages, accounts and contacts looked
 * up once per name, and the things the import will create, each created
 * once however many rows name it.
 */
export class ImportWorkspace {
  readonly pipelines: Pipeline[]
  readonly baseCurrency: string
  private readonly stages: Stage[]
  private readonly freshStages = new Map<string, FreshStage>()
  private readonly stageLabels = new Map<string, Resolved<Stage | FreshStage>>()
  private readonly freshUsers = new Map<string, FreshUser>()
  private readonly freshValues = new Map<string, FreshPicklistValue>()
  private readonly accounts = new Map<string, number | FreshRecord | 'ambiguous'>()
  private readonly contacts = new Map<string, number | FreshRecord>()
  /** The existing contacts the file's rows may name, read at once (see knowContacts); null to ask per row. */
  private contactIndex: ContactIndex | null = null
  private readonly knownValues: Set<string>

  constructor(
    readonly core: Core,
    readonly request: ImportRequest,
    readonly meta: CallMeta,
  ) {
    this.pipelines = listPipelines(core.db)
    this.stages = listStages(core.db).filter((s) => s.active)
    this.baseCurrency = (readSetting(core.db, 'baseCurrency') as string | undefined) ?? 'CNY'
    this.knownValues = new Set(listPicklists(core.db).map((p) => `${p.listKey}|${p.value}`))
  }

  get defaultPipelineId(): number {
    return this.request.pipelineId ?? this.pipelines[0]!.id
  }

  stagesOf(pipelineId: number): Stage[] {
    return this.stages.filter((s) => s.pipelineId === pipelineId)
  }

  /** A new deal with no stage given starts at its pipeline's first open stage. */
  firstStage(pipelineId: number): Stage | undefined {
    return this.stagesOf(pipelineId).find((s) => s.kind === 'open')
  }

  /** A stage by name or meaning within a pipeline; an unknown one is created (open) when the import may create. */
  stage(pipelineId: number, label: string): Resolved<Stage | FreshStage> {
    const key = `${pipelineId}|${label}`
    let found = this.stageLabels.get(key)
    if (!found) this.stageLabels.set(key, (found = this.matchStage(pipelineId, label)))
    return found
  }

  private matchStage(pipelineId: number, label: string): Resolved<Stage | FreshStage> {
    const matched = matchStage(label, this.stagesOf(pipelineId))
    if (matched.ok) return ok(this.stages.find((s) => s.id === matched.value)!)
    if (matched.reason !== 'STAGE_UNKNOWN' || this.request.onUnknown !== 'create') return fail(matched.reason)
    const key = `${pipelineId}|${matchKey(label)}`
    let fresh = this.freshStages.get(key)
    if (!fresh) this.freshStages.set(key, (fresh = new FreshStage(label, pipelineId)))
    return ok(fresh)
  }

  /** An owner the workspace does not know, created as a rep (the cell already failed to match anyone). */
  user(label: string): FreshUser {
    const key = matchKey(label)
    let fresh = this.freshUsers.get(key)
    if (!fresh) this.freshUsers.set(key, (fresh = new FreshUser(label)))
    return fresh
  }

  /** A picklist value the workspace does not have; the cell's text becomes its value and label. */
  picklistValue(listKey: string, label: string): FreshPicklistValue {
    const key = `${listKey}|${matchKey(label)}`
    let fresh = this.freshValues.get(key)
    if (!fresh) this.freshValues.set(key, (fresh = new FreshPicklistValue(label, listKey)))
    return fresh
  }

  /** The loss reason for lost deals whose file gives none: the existing 未记录 value, or a new one. */
  notRecordedLossReason(): string | FreshPicklistValue {
    if (this.knownValues.has(`loss_reason|${NOT_RECORDED.value}`)) return NOT_RECORDED.value
    const key = `loss_reason|${matchKey(NOT_RECORDED.value)}`
    let fresh = this.freshValues.get(key)
    if (!fresh) this.freshValues.set(key, (fresh = new FreshPicklistValue(NOT_RECORDED.zh, 'loss_reason', NOT_RECORDED.value, NOT_RECORDED.en)))
    return fresh
  }

  /**
   * The account a row names, by normalised name: the one there, a new one
   * (created with the first row's details), or ambiguous when several share it.
   */
  account(name: string, details: () => FreshFields): Resolved<number | FreshRecord> {
    const norm = normalizeCompanyName(name)
    let found = this.accounts.get(norm)
    if (found === undefined) {
      const ids = liveIdsByKey(this.core.db, 'account', 'name_norm', norm)
      found = ids.length > 1 ? 'ambiguous' : (ids[0] ?? new FreshRecord(name, 'account', { name, ...details() }))
      this.accounts.set(norm, found)
    }
    return found === 'ambiguous' ? fail('ACCOUNT_AMBIGUOUS') : ok(found)
  }

  /**
   * The existing contacts the rows' phones, emails and names find, read in
   * one pass. Contacts this import creates are remembered by contact() under
   * the same keys, so the index never needs to learn them.
   */
  knowContacts(index: ContactIndex): void {
    this.contactIndex = index
  }

  /** The oldest live contact with this phone, else this email, else this name at this account (a number or none). */
  private existingContact(name: string, phone: string | null, email: string | null, account: number | FreshRecord | null): number | undefined {
    const named = typeof account === 'number' || account === null
    const index = this.contactIndex
    if (index) {
      return (phone && index.byPhone.get(phone)) || (email && index.byEmail.get(email)) || (named ? index.byNameAt.get(`${name}|${account ?? ''}`) : undefined)
    }
    const db = this.core.db
    return (
      (phone && liveIdsByKey(db, 'contact', 'phone_norm', phone)[0]) ||
      (email && liveIdsByKey(db, 'contact', 'email_norm', email)[0]) ||
      (named ? contactsNamed(db, name, account)[0] : undefined)
    )
  }

  /** A deal's contact: one with the same phone or email, or the same name at the same account; else a new one. */
  contact(fields: { name: string; phone: string | null; email: string | null }, account: number | FreshRecord | null): number | FreshRecord {
    const phone = normalizePhone(fields.phone)
    const email = normalizeEmail(fields.email)
    const keys = [phone && `p:${phone}`, email && `e:${email}`, `n:${fields.name}|${account instanceof Fresh ? account.label : (account ?? '')}`]
    for (const key of keys) if (key && this.contacts.has(key)) return this.contacts.get(key)!
    const existing = this.existingContact(fields.name, phone, email, account) || undefined
    const contact = existing ?? new FreshRecord(fields.name, 'contact', { ...fields, accountId: account })
    for (const key of keys) if (key) this.contacts.set(key, contact)
    return contact
  }

  /** The normalised name of a record's account, to tell whether a row names the same one. */
  accountNormOf(accountId: unknown): string | null {
    if (typeof accountId !== 'number') return null
    return (liveRecord(this.core.db, 'account', accountId)?.name_norm as string | undefined) ?? null
  }
}
