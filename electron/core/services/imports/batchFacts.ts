import type { CustomField, CustomFieldEntity, Stage } from '../../../../shared/entities'
import type { Core } from '../../core'
import { listFields } from '../../store/customFields'
import type { OpportunityCreateOptions } from '../opportunities'
import { checkReferences } from '../recordColumns'
import type { CreateOptions } from '../records'
import { requireStage } from '../references'

/** The references a memo can vouch for by id alone; a record that points at a record by type and id is checked every time. */
const idReferences = ['ownerId', 'assigneeId', 'accountId', 'contactId'] as const

/** History a created record may carry from the file. */
export interface HistoryDates {
  readonly createdAt: string | null
  readonly stageEnteredAt: string | null
  readonly closedAt: string | null
}

/**
 * What the creates of one import batch share, read or checked once for the
 * batch instead of once per record: each entity's custom fields, each stage,
 * each id a record points at. It holds for the batch's one transaction, in
 * which an import only adds (a checked id stays live, a field list stays as read).
 */
export class BatchFacts {
  private readonly fields = new Map<string, readonly CustomField[]>()
  private readonly stages = new Map<number, Stage>()
  private readonly checked = new Set<string>()

  constructor(private readonly core: Core) {}

  /** Every reference checked as checkReferences checks it, each id once per batch. */
  private readonly checkReferences = (fields: Record<string, unknown>): void => {
    if (fields.entityType != null) return checkReferences(this.core, fields)
    const unchecked: Record<string, unknown> = {}
    const keys: string[] = []
    for (const key of idReferences) {
      const id = fields[key]
      if (id == null || this.checked.has(`${key}:${String(id)}`)) continue
      unchecked[key] = id
      keys.push(`${key}:${String(id)}`)
    }
    if (keys.length === 0) return
    checkReferences(this.core, unchecked)
    for (const key of keys) this.checked.add(key)
  }

  /** A record the batch just created is live: a later record pointing at it needs no check. */
  created(entity: 'account' | 'contact', id: number): void {
    this.checked.add(`${entity}Id:${id}`)
  }

  /** The create options of a record of this entity, with the day it was created when the file gives one. */
  options(entity: CustomFieldEntity, createdAt: string | null = null): CreateOptions {
    let fields = this.fields.get(entity)
    if (!fields) this.fields.set(entity, (fields = listFields(this.core.db, entity)))
    return { customFields: fields, checkReferences: this.checkReferences, createdAt: createdAt ?? undefined }
  }

  /** A deal's create options: also its stage, and when it entered it and closed when the file says so. */
  opportunityOptions(stageId: number, history: HistoryDates): OpportunityCreateOptions {
    let stage = this.stages.get(stageId)
    if (!stage) this.stages.set(stageId, (stage = requireStage(this.core, stageId)))
    const entry = history.stageEnteredAt ? { enteredAt: history.stageEnteredAt, closedAt: history.closedAt } : undefined
    return { ...this.options('opportunity', history.createdAt), stage, entry }
  }
}
