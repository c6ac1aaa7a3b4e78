import type { ColumnValue } from '../../../../shared/coerce'
import { coerceDateTime } from '../../../../shared/coerce'
import type { Stage } from '../../../../shared/entities'
import type { Currency, Locale } from '../../../../shared/enums'
import {
  ImportFillMessages,
  importIssueMessage,
  type ImportCounts,
  type ImportEntity,
  type ImportFill,
  type ImportIssueReason,
  type ImportReport,
  type RowIssue,
  type SkippedRow,
} from '../../../../shared/methods/imports'
import { normalizeCompanyName, normalizeEmail, normalizePhone } from '../../domain/normalize'
import { missingForStage, type StageFacts } from '../../domain/stageRules'
import { contactsAmong, liveIdsByKey, liveRecord, opportunitiesNamed, opportunitiesNamedAmong, type ImportableEntity } from '../../store/imports'
import { toColumn, type Row } from '../../store/records'
import { Fresh, FreshPicklistValue, FreshRecord, FreshStage, FreshUser, stagePhase, type FreshFields } from './fresh'
import type { ChosenMapping } from './mapping'
import type { DraftIssue, RowDraft } from './prepare'
import { CUSTOM_PREFIX, findTarget } from './targets'
import type { ImportWorkspace, Resolved } from './workspace'

/** A row the commit writes. */
export type PlannedWrite =
  | {
      readonly kind: 'create'
      readonly row: number
      readonly fields: FreshFields
      /** History the file carries: when the record was created, when a deal entered its stage and closed. */
      readonly history: { createdAt: string | null; stageEnteredAt: string | null; closedAt: string | null }
      /** Accounts: the contact person the row names. */
      readonly contact?: FreshFields
    }
  | { readonly kind: 'update'; readonly row: number; readonly id: number; readonly version: number; readonly fields: FreshFields }

export interface Plan {
  readonly counts: ImportCounts
  readonly issues: RowIssue[]
  readonly skipped: SkippedRow[]
  readonly creates: ImportReport['creates']
  readonly fills: ImportReport['fills']
  /** Rows (by number) rejected, for the error-rows workbook. */
  readonly rejected: Map<number, RowIssue[]>
}

/** Opportunity fields that go to its account when the import creates that account. */
const accountDetailKeys = ['industry', 'region'] as const

/** Mapped fields that are not columns of the record itself: relations, history, and what is handled apart. */
const notOwn: Record<ImportEntity, ReadonlySet<string>> = {
  opportunity: new Set(['recordId', 'createdDate', 'pipelineId', 'stageId', 'ownerId', 'accountName', 'contactName', 'phone', 'email', ...accountDetailKeys]),
  lead: new Set(['recordId', 'createdDate', 'ownerId']),
  account: new Set(['recordId', 'createdDate', 'ownerId', 'contactName']),
  contact: new Set(['recordId', 'createdDate', 'ownerId', 'accountName']),
}

/** The field a record cannot lose or lack. */
const nameKey: Record<ImportEntity, string> = { opportunity: 'name', lead: 'company', account: 'name', contact: 'name' }

interface RowOutcome {
  readonly decision: 'create' | 'update' | 'unchanged' | 'skip' | 'reject'
  readonly write?: PlannedWrite
  readonly issues?: DraftIssue[]
  readonly skipped?: SkippedRow
}

const reject = (reason: ImportIssueReason, column: string | null = null, value: string | null = null, fields?: string[]) => ({
  decision: 'reject' as const,
  issues: [{ column, value, reason, fields }],
})

type Issue = DraftIssue & { fields?: string[] }

/**
 * Decides every row: create, update, leave unchanged, skip as a duplicate,
 * or reject with its reasons. Reads the workspace and writes nothing itself:
 * a preview only counts, a commit writes each row as it is decided (inside
 * its transaction), so a 100k-row import never holds the whole plan.
 */
export class Planner {
  private readonly headerOf = new Map<string, string>()
  /** The file speaks for every field it maps (an export re-imported): a blank cell clears the field. */
  private readonly blanksClear: boolean
  private readonly seen = new Map<string, number>()
  private readonly used = new Set<Fresh>()
  private readonly fills = new Map<ImportFill, number>()
  /** Existing deals by name, for the names the file carries (read once per plan); null before. */
  private dealsByName: Map<string, { id: number; accountNorm: string | null }[]> | null = null
  /** Names of deals this plan updated (renamed or moved to another account): those are looked up afresh. */
  private readonly movedNames = new Set<string>()
  /** What dayStart made of each date text. */
  private readonly dayStarts = new Map<string, string | null>()

  constructor(
    private readonly ws: ImportWorkspace,
    private readonly entity: ImportEntity,
    mapping: readonly ChosenMapping[],
    private readonly locale: Locale,
    private readonly mappedCurrency: Currency | null,
  ) {
    for (const m of mapping) if (m.target) this.headerOf.set(m.target, m.header)
    this.blanksClear = this.headerOf.has('recordId')
  }

  /** Consumes the drafts (each is let go once decided) and hands every row to write to `write`. */
  plan(drafts: RowDraft[], write: (planned: PlannedWrite) => void = () => {}): Plan {
    const counts: ImportCounts = { rows: drafts.length, create: 0, update: 0, unchanged: 0, skip: 0, reject: 0 }
    const issues: RowIssue[] = []
    const skipped: SkippedRow[] = []
    const rejected = new Map<number, RowIssue[]>()
    this.lookUpMatches(drafts)
    const queue = drafts.reverse()
    for (let draft = queue.pop(); draft; draft = queue.pop()) {
      const outcome = draft.issues.length > 0 ? { decision: 'reject' as const, issues: [...draft.issues, ...this.stageIssues(draft)] } : this.decide(draft)
      counts[outcome.decision]++
      if (outcome.write) write(outcome.write)
      if (outcome.skipped) skipped.push(outcome.skipped)
      if (outcome.issues) {
        const rowIssues = outcome.issues.map((i) => this.rowIssue(draft.row, i))
        issues.push(...rowIssues)
        rejected.set(draft.row, rowIssues)
      }
    }
    return { counts, issues, skipped, rejected, creates: this.creates(), fills: this.fillReport() }
  }

  /**
   * Reads, in one pass each, the existing deals and contacts the rows may
   * match, instead of a query per row: the deals named as the file names
   * them, and the contacts with the file's phones, emails and names.
   */
  private lookUpMatches(drafts: readonly RowDraft[]): void {
    if (this.entity !== 'opportunity') return
    const names = new Set<string>()
    const keys = { phones: new Set<string>(), emails: new Set<string>(), names: new Set<string>() }
    for (const { values } of drafts) {
      const name = textOf(values, 'name')
      const phone = textOf(values, 'phone')
      const email = textOf(values, 'email')
      const contactName = textOf(values, 'contactName') ?? phone ?? email
      if (name) names.add(name)
      if (contactName) keys.names.add(contactName)
      const phoneNorm = normalizePhone(phone)
      const emailNorm = normalizeEmail(email)
      if (phoneNorm) keys.phones.add(phoneNorm)
      if (emailNorm) keys.emails.add(emailNorm)
    }
    const db = this.ws.core.db
    this.dealsByName = opportunitiesNamedAmong(db, names)
    this.ws.knowContacts(contactsAmong(db, keys))
  }

  /** Live deals with this name: as read at the start, unless this plan has since moved one of that name. */
  private dealsNamed(name: string): { id: number; accountNorm: string | null }[] {
    if (this.dealsByName && !this.movedNames.has(name)) return this.dealsByName.get(name) ?? []
    return opportunitiesNamed(this.ws.core.db, name)
  }

  /**
   * The stages the rows name that the import will create, in the order deals
   * pass them (prospecting before negotiation): the commit creates them
   * first, so they land in the pipeline in that order.
   */
  stagesToCreate(drafts: readonly RowDraft[]): FreshStage[] {
    const fresh = new Set<FreshStage>()
    for (const draft of drafts) {
      const label = draft.labels.stageId
      if (this.entity !== 'opportunity' || label === undefined || draft.issues.length > 0) continue
      const found = this.ws.stage((draft.values.pipelineId as number | null | undefined) ?? this.ws.defaultPipelineId, label)
      if (found.ok && found.value instanceof FreshStage) fresh.add(found.value)
    }
    return [...fresh].sort((a, b) => stagePhase(a.label) - stagePhase(b.label))
  }

  /** A row rejected for its cells still hears about an unknown stage, so one round of fixes is enough. */
  private stageIssues(draft: RowDraft): Issue[] {
    const label = draft.labels.stageId
    if (this.entity !== 'opportunity' || label === undefined) return []
    const found = this.ws.stage((draft.values.pipelineId as number | null | undefined) ?? this.ws.defaultPipelineId, label)
    return found.ok ? [] : [{ column: this.headerOf.get('stageId') ?? null, value: label, reason: found.reason }]
  }

  private rowIssue(row: number, issue: Issue): RowIssue {
    const fields = (issue.fields ?? []).map((key) => this.fieldLabel(key))
    return { row, column: issue.column, value: issue.value, reason: issue.reason, message: importIssueMessage(issue.reason, this.locale, fields) }
  }

  private fieldLabel(key: string): string {
    const target = findTarget('opportunity', key === 'contactId' ? 'contactName' : key)
    return target ? (this.locale === 'en' ? target.labelEn : target.labelZh) : key
  }

  // ───────────────────────────── matching ─────────────────────────────

  /**
   * Keys that say two rows (or a row and a record) are the same thing. A
   * record id, or else the other system's key, is the row's identity on its
   * own: two deals of one name at one account with different ids are two deals.
   */
  private identityKeys(values: Record<string, ColumnValue>): string[] {
    const text = (key: string) => (typeof values[key] === 'string' && values[key] !== '' ? (values[key] as string) : null)
    if (values.recordId != null) return [`id:${values.recordId}`]
    if (text('externalId')) return [`x:${text('externalId')}`]
    const phone = normalizePhone(text('phone'))
    const email = normalizeEmail(text('email'))
    const keys: (string | null)[] = []
    switch (this.entity) {
      case 'opportunity':
        keys.push(text('name') && `n:${text('name')}|${normalizeCompanyName(text('accountName') ?? '')}`)
        break
      case 'lead':
        keys.push(text('company') && `c:${normalizeCompanyName(text('company')!)}`, phone && `p:${phone}`, email && `e:${email}`)
        break
      case 'account':
        keys.push(text('name') && `c:${normalizeCompanyName(text('name')!)}`)
        break
      case 'contact':
        keys.push(phone && `p:${phone}`, email && `e:${email}`, text('name') && `n:${text('name')}|${normalizeCompanyName(text('accountName') ?? '')}`)
        break
    }
    return keys.filter((k): k is string => k !== null)
  }

  /** The live record a row matches, by the same keys; a record id that matches nothing rejects the row. */
  private existing(values: Record<string, ColumnValue>): Resolved<number | null> {
    const db = this.ws.core.db
    const entity = this.entity as ImportableEntity
    if (values.recordId != null) {
      const id = Number(values.recordId)
      return Number.isSafeInteger(id) && liveRecord(db, entity, id) ? { ok: true, value: id } : { ok: false, reason: 'RECORD_ID_UNKNOWN' }
    }
    const text = (key: string) => (typeof values[key] === 'string' && values[key] !== '' ? (values[key] as string) : null)
    const first = (ids: number[]) => ids[0] ?? null
    const external = text('externalId')
    if (external) return { ok: true, value: first(liveIdsByKey(db, entity, 'external_id', external)) }
    const phone = normalizePhone(text('phone'))
    const email = normalizeEmail(text('email'))
    let found: number | null = null
    switch (this.entity) {
      case 'opportunity': {
        const name = text('name')
        const accountNorm = normalizeCompanyName(text('accountName') ?? '')
        found = name ? (this.dealsNamed(name).find((o) => (o.accountNorm ?? '') === accountNorm)?.id ?? null) : null
        break
      }
      case 'lead':
        found = text('company') ? first(liveIdsByKey(db, 'lead', 'company_norm', normalizeCompanyName(text('company')!))) : null
        found ??= phone ? first(liveIdsByKey(db, 'lead', 'phone_norm', phone)) : null
        found ??= email ? first(liveIdsByKey(db, 'lead', 'email_norm', email)) : null
        break
      case 'account':
        found = text('name') ? first(liveIdsByKey(db, 'account', 'name_norm', normalizeCompanyName(text('name')!))) : null
        break
      case 'contact':
        found = phone ? first(liveIdsByKey(db, 'contact', 'phone_norm', phone)) : null
        found ??= email ? first(liveIdsByKey(db, 'contact', 'email_norm', email)) : null
        break
    }
    return { ok: true, value: found }
  }

  private decide(draft: RowDraft): RowOutcome {
    const policy = this.ws.request.onDuplicate
    const keys = this.identityKeys(draft.values)
    const ofRow = keys.map((k) => this.seen.get(k)).find((r) => r !== undefined)
    const remember = () => keys.forEach((k) => this.seen.has(k) || this.seen.set(k, draft.row))
    if (ofRow !== undefined && policy !== 'create') return { decision: 'skip', skipped: { row: draft.row, ofRow, recordId: null } }
    const match = this.existing(draft.values)
    if (!match.ok) return reject(match.reason, this.headerOf.get('recordId') ?? null, String(draft.values.recordId))
    const outcome =
      match.value === null || policy === 'create'
        ? this.create(draft)
        : policy === 'skip'
          ? { decision: 'skip' as const, skipped: { row: draft.row, ofRow: null, recordId: match.value } }
          : this.update(draft, match.value)
    if (outcome.decision !== 'reject') remember()
    return outcome
  }

  // ───────────────────────────── field values ─────────────────────────────

  /** A label-typed field: the matched value, or the owner or picklist value to create. */
  private labelled(draft: RowDraft, key: string): unknown {
    const label = draft.labels[key]
    if (label === undefined) return draft.values[key]
    const target = findTarget(this.entity, key)!
    return target.type === 'user' ? this.ws.user(label) : this.ws.picklistValue(target.options!, label)
  }

  private mapped(draft: RowDraft, key: string): boolean {
    return key in draft.values || key in draft.labels
  }

  /** The record's own fields the row gives (not relations), with custom fields gathered into `custom`. */
  private ownFields(draft: RowDraft, current: Row | null): FreshFields {
    const fields: FreshFields = {}
    const custom: Record<string, unknown> = current ? JSON.parse((current.custom as string) || '{}') : {}
    let customChanged = false
    for (const key of new Set([...Object.keys(draft.values), ...Object.keys(draft.labels)])) {
      if (key.startsWith(CUSTOM_PREFIX) || (key === 'notes' && this.entity === 'opportunity')) {
        const name = key === 'notes' ? 'notes' : key.slice(CUSTOM_PREFIX.length)
        const value = draft.values[key] ?? null
        if (value === null && !this.blanksClear && current) continue
        if (JSON.stringify(custom[name] ?? null) !== JSON.stringify(value)) {
          if (value === null) delete custom[name]
          else custom[name] = value
          customChanged = true
        }
      } else if (!notOwn[this.entity].has(key)) {
        fields[key] = this.labelled(draft, key)
      }
    }
    if (customChanged) fields.custom = JSON.stringify(custom)
    if ('ownerId' in draft.values || 'ownerId' in draft.labels) fields.ownerId = this.labelled(draft, 'ownerId')
    return fields
  }

  /** Fields that differ from the record, as the update's patch. Blanks clear only when the file speaks for every field. */
  private changed(fields: FreshFields, current: Row): FreshFields {
    const patch: FreshFields = {}
    for (const [key, value] of Object.entries(fields)) {
      if (value === null && !this.blanksClear) continue
      if (value instanceof Fresh || !sameValue(current[toColumn(key)], value)) patch[key] = value
    }
    return patch
  }

  private fill(fill: ImportFill): void {
    this.fills.set(fill, (this.fills.get(fill) ?? 0) + 1)
  }

  private accept(fields: FreshFields): void {
    const visit = (value: unknown) => {
      if (!(value instanceof Fresh) || this.used.has(value)) return
      this.used.add(value)
      if (value instanceof FreshRecord) Object.values(value.fields).forEach(visit)
    }
    Object.values(fields).forEach(visit)
  }

  // ───────────────────────────── create and update ─────────────────────────────

  private create(draft: RowDraft): RowOutcome {
    const fields = this.ownFields(draft, null)
    const history = { createdAt: this.dayStart(draft.values.createdDate), stageEnteredAt: null as string | null, closedAt: null as string | null }
    if (this.entity === 'opportunity') {
      const opportunity = this.opportunityFields(draft, fields, null)
      if ('decision' in opportunity) return opportunity
      Object.assign(history, opportunity.history)
    } else {
      const name = nameKey[this.entity]
      if (fields[name] == null || fields[name] === '') return reject('NAME_MISSING', this.headerOf.get(name) ?? null)
      if (this.entity === 'contact' && typeof draft.values.accountName === 'string' && draft.values.accountName !== '') {
        const account = this.ws.account(draft.values.accountName, () => ({ ownerId: fields.ownerId }))
        if (!account.ok) return reject(account.reason, this.headerOf.get('accountName') ?? null, draft.values.accountName)
        fields.accountId = account.value
      }
    }
    const contact = this.entity === 'account' && typeof draft.values.contactName === 'string' && draft.values.contactName !== ''
      ? { name: draft.values.contactName, phone: fields.phone ?? null, email: fields.email ?? null, ownerId: fields.ownerId }
      : undefined
    this.accept(fields)
    if (contact) this.accept(contact)
    return { decision: 'create', write: { kind: 'create', row: draft.row, fields, history, contact } }
  }

  private update(draft: RowDraft, id: number): RowOutcome {
    const current = liveRecord(this.ws.core.db, this.entity as ImportableEntity, id)!
    const fields = this.ownFields(draft, current)
    if (this.entity === 'opportunity') {
      const opportunity = this.opportunityFields(draft, fields, current)
      if ('decision' in opportunity) return opportunity
    } else if (this.entity === 'contact' && this.mapped(draft, 'accountName')) {
      const name = draft.values.accountName
      if (typeof name !== 'string' || name === '') {
        if (this.blanksClear) fields.accountId = null
      } else if (this.ws.accountNormOf(current.account_id) !== normalizeCompanyName(name)) {
        const account = this.ws.account(name, () => ({ ownerId: current.owner_id }))
        if (!account.ok) return reject(account.reason, this.headerOf.get('accountName') ?? null, name)
        fields.accountId = account.value
      }
    }
    const patch = this.changed(fields, current)
    const name = nameKey[this.entity]
    if (name in patch && (patch[name] === null || patch[name] === '')) return reject('NAME_MISSING', this.headerOf.get(name) ?? null)
    if (Object.keys(patch).length === 0) return { decision: 'unchanged' }
    if (this.entity === 'opportunity' && ('name' in patch || 'accountId' in patch)) {
      this.movedNames.add(current.name as string)
      if (typeof patch.name === 'string') this.movedNames.add(patch.name)
    }
    this.accept(patch)
    return { decision: 'update', write: { kind: 'update', row: draft.row, id, version: current.version as number, fields: patch } }
  }

  /**
   * An opportunity's stage, name, account, contact and currency, with what
   * the file leaves out filled where that is safe, and its stage's required
   * fields checked. Adds to `fields`; returns the history dates, or a rejection.
   */
  private opportunityFields(draft: RowDraft, fields: FreshFields, current: Row | null): RowOutcome | { history: { stageEnteredAt: string | null; closedAt: string | null } } {
    const values = draft.values
    const pipelineId = (values.pipelineId as number | null | undefined) ?? (current?.pipeline_id as number | undefined) ?? this.ws.defaultPipelineId
    const stageLabel = draft.labels.stageId
    let stage: Stage | FreshStage | undefined
    if (stageLabel !== undefined) {
      const found = this.ws.stage(pipelineId, stageLabel)
      if (!found.ok) return reject(found.reason, this.headerOf.get('stageId') ?? null, stageLabel)
      stage = found.value
    } else if (!current) {
      stage = this.ws.firstStage(pipelineId)
      if (!stage) return reject('STAGE_MISSING', this.headerOf.get('stageId') ?? null)
    }
    if (stage) fields.stageId = stage instanceof FreshStage ? stage : stage.id

    if (!current) {
      const name = this.opportunityName(draft)
      if (!name) return reject('NAME_MISSING', this.headerOf.get('name') ?? null)
      fields.name = name
    }
    const account = this.opportunityAccount(draft, fields, current)
    if (account) return account
    if (!current || current.contact_id == null) this.opportunityContact(draft, fields)
    this.opportunityCurrency(draft, fields, current)

    const kind = stage instanceof FreshStage ? 'open' : (stage?.kind ?? null)
    if (kind === 'won' && !this.mappedValue(draft, 'signedDate', current, 'signed_date') && typeof values.expectedCloseDate === 'string') {
      fields.signedDate = values.expectedCloseDate
      this.fill('SIGNED_DATE_FROM_CLOSE_DATE')
    }
    if (kind === 'lost' && this.ws.request.onUnknown === 'create' && !this.mappedValue(draft, 'lossReason', current, 'loss_reason')) {
      fields.lossReason = this.ws.notRecordedLossReason()
      this.fill('LOSS_REASON_NOT_RECORDED')
    }
    if (stage && !(stage instanceof FreshStage)) {
      const missing = this.missingFields(stage, fields, current)
      if (missing.length > 0) return reject('STAGE_REQUIREMENTS', this.headerOf.get('stageId') ?? null, stageLabel ?? null, missing)
    }
    return { history: current ? { stageEnteredAt: null, closedAt: null } : this.stageHistory(draft, kind) }
  }

  /** Whether the row (or, for an update, the record) already holds this field. */
  private mappedValue(draft: RowDraft, key: string, current: Row | null, column: string): boolean {
    const value = key in draft.labels ? draft.labels[key] : draft.values[key]
    if (value !== undefined && value !== null && value !== '') return true
    return current !== null && current[column] != null && !(this.blanksClear && key in draft.values)
  }

  /** Without a name column, a deal is called after its account and product (or the other system's key). */
  private opportunityName(draft: RowDraft): string | null {
    const values = draft.values
    if (typeof values.name === 'string' && values.name !== '') return values.name
    if (this.mapped(draft, 'name')) return null
    const product = draft.labels.productLine ?? (typeof values.productLine === 'string' ? values.productLine : null)
    const parts = [values.accountName, product].filter((p): p is string => typeof p === 'string' && p !== '')
    const name = parts.length > 0 ? parts.join(' · ') : typeof values.externalId === 'string' ? values.externalId : null
    if (name) this.fill('NAME_FROM_ACCOUNT_AND_PRODUCT')
    return name
  }

  private opportunityAccount(draft: RowDraft, fields: FreshFields, current: Row | null): RowOutcome | null {
    if (!this.mapped(draft, 'accountName')) return null
    const name = draft.values.accountName
    if (typeof name !== 'string' || name === '') {
      if (!current || this.blanksClear) fields.accountId = null
      return null
    }
    if (current && this.ws.accountNormOf(current.account_id) === normalizeCompanyName(name)) return null
    const details: FreshFields = { ownerId: fields.ownerId ?? current?.owner_id ?? null }
    for (const key of accountDetailKeys) if (key in draft.values || key in draft.labels) details[key] = this.labelled(draft, key)
    const account = this.ws.account(name, () => details)
    if (!account.ok) return reject(account.reason, this.headerOf.get('accountName') ?? null, name)
    fields.accountId = account.value
    return null
  }

  private opportunityContact(draft: RowDraft, fields: FreshFields): void {
    const text = (key: string) => (typeof draft.values[key] === 'string' && draft.values[key] !== '' ? (draft.values[key] as string) : null)
    const phone = text('phone')
    const email = text('email')
    const name = text('contactName') ?? phone ?? email
    if (!name) return
    const account = (fields.accountId ?? null) as number | FreshRecord | null
    fields.contactId = this.ws.contact({ name, phone, email }, account)
  }

  /**
   * The amount's currency: the currency column, else what the cell or header
   * named, else (for a new deal) the import's or the workspace's. An update
   * that names none keeps the deal's currency.
   */
  private opportunityCurrency(draft: RowDraft, fields: FreshFields, current: Row | null): void {
    if (typeof draft.values.currency === 'string') return
    delete fields.currency
    const named = draft.currency ?? this.mappedCurrency
    if (named) fields.currency = named
    else if (!current) fields.currency = this.ws.request.currency ?? this.ws.baseCurrency
  }

  /** The stage's required fields the deal would still lack (for an update: as the store's own rule decides). */
  private missingFields(stage: Stage, fields: FreshFields, current: Row | null): string[] {
    const facts = (row: Row | null): StageFacts =>
      row
        ? {
            amount: row.amount as number | null,
            expectedCloseDate: row.expected_close_date as string | null,
            signedDate: row.signed_date as string | null,
            lossReason: row.loss_reason as string | null,
            competitor: row.competitor as string | null,
            contactId: row.contact_id as number | null,
            nextStep: row.next_step as string | null,
          }
        : {}
    const given = Object.fromEntries(
      Object.entries(fields)
        .filter(([, v]) => v !== null || this.blanksClear || !current)
        .map(([k, v]) => [k, v instanceof Fresh ? -1 : v]),
    )
    const missing = missingForStage(stage, { ...facts(current), ...(given as StageFacts) })
    const moves = !current || current.stage_id !== stage.id
    return moves ? missing : missing.filter((f) => f in given)
  }

  /** A deal imported from history entered its stage when it was created there, and closed on its close date. */
  private stageHistory(draft: RowDraft, kind: 'open' | 'won' | 'lost' | null): { stageEnteredAt: string | null; closedAt: string | null } {
    const created = this.dayStart(draft.values.createdDate)
    if (kind === 'won' || kind === 'lost') {
      const closed = this.dayStart(kind === 'won' ? (draft.values.signedDate ?? draft.values.expectedCloseDate) : draft.values.expectedCloseDate)
      return { stageEnteredAt: closed ?? created, closedAt: closed }
    }
    return { stageEnteredAt: created, closedAt: null }
  }

  /** The local midnight of a 'YYYY-MM-DD', as the instant a record's history starts; null for none. Dates repeat down a file. */
  private dayStart(value: ColumnValue | undefined): string | null {
    if (typeof value !== 'string') return null
    let instant = this.dayStarts.get(value)
    if (instant === undefined) {
      const coerced = coerceDateTime(value)
      this.dayStarts.set(value, (instant = coerced.ok ? coerced.value : null))
    }
    return instant
  }

  // ───────────────────────────── report ─────────────────────────────

  private creates(): ImportReport['creates'] {
    const used = [...this.used]
    return {
      stages: used.filter((f) => f instanceof FreshStage).sort((a, b) => stagePhase(a.label) - stagePhase(b.label)).map((f) => f.label),
      users: used.filter((f) => f instanceof FreshUser).map((f) => f.label),
      picklistValues: used.filter((f) => f instanceof FreshPicklistValue).map((f) => ({ list: (f as FreshPicklistValue).listKey, label: f.label })),
      accounts: used.filter((f) => f instanceof FreshRecord && f.entity === 'account').length,
      contacts: used.filter((f) => f instanceof FreshRecord && f.entity === 'contact').length,
    }
  }

  private fillReport(): ImportReport['fills'] {
    return [...this.fills].map(([fill, rows]) => ({ fill, rows, message: ImportFillMessages[fill][this.locale] }))
  }
}

/** A field's text, or null when it is not text or blank. */
function textOf(values: Record<string, ColumnValue>, key: string): string | null {
  const value = values[key]
  return typeof value === 'string' && value !== '' ? value : null
}

function sameValue(stored: unknown, value: unknown): boolean {
  const a = stored ?? null
  const b = value ?? null
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a))
  if (typeof b === 'boolean') return a === (b ? 1 : 0)
  return a === b
}
