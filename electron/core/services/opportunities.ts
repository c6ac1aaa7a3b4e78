import type { CallMeta, OpportunityDetail, ParsedInput } from '../../../shared/api'
import type { Account, Activity, Contact, Opportunity, Stage, Task } from '../../../shared/entities'
import type { Core } from '../core'
import { missingForStage, type StageFacts } from '../domain/stageRules'
import { AppError } from '../errors'
import { listAudit } from '../store/audit'
import { insertOpportunity, stageHistoryOf, updateOpportunity, type StageEntry } from '../store/opportunities'
import { softDelete } from '../store/records'
import { contactsOfAccount, getGridRow, rowsAttachedTo } from '../store/rows'
import type { WriteContext } from '../store/writeContext'
import { inTransaction, writeContext } from './context'
import { checkReferences, toRow } from './recordColumns'
import { requireStage } from './references'
import { withCustomColumn } from './config/values'
import type { CreateOptions } from './records'

type CreateInput = ParsedInput<'opportunities.create'>
type UpdateInput = ParsedInput<'opportunities.update'>

const DAY_MS = 86_400_000

/** Fields as columns; the stage moves through its own path (history, probability, closing). */
function toColumns(fields: Record<string, unknown>) {
  const { stageId: _stage, ...rest } = fields
  return toRow('opportunity', rest)
}

function assertStageRequirements(stage: Stage, facts: StageFacts, onlyFields?: readonly string[]): void {
  const missing = missingForStage(stage, facts).filter((f) => !onlyFields || onlyFields.includes(f))
  if (missing.length > 0) throw new AppError('STAGE_REQUIREMENTS', { stageId: stage.id, missing })
}

/** A batch's create options for deals: also the stage, read once per batch, and when the deal entered it (an import from history). */
export interface OpportunityCreateOptions extends CreateOptions {
  /** The stage `input.stageId` names, live and active, as requireStage reads it. */
  readonly stage?: Stage
  readonly entry?: StageEntry
}

/** Inserts one deal inside the caller's transaction, enforcing its stage's requirements. */
export function insertOneOpportunity(core: Core, ctx: WriteContext, meta: CallMeta, input: CreateInput, options: OpportunityCreateOptions = {}): number {
  const stage = options.stage ?? requireStage(core, input.stageId)
  if (options.checkReferences) options.checkReferences(input)
  else checkReferences(core, input)
  assertStageRequirements(stage, input)
  const fields = { ...input, probability: input.probability ?? stage.probability, ownerId: input.ownerId ?? meta.userId }
  const values = toColumns(withCustomColumn(core, 'opportunity', fields, null, { stageId: stage.id, fields: options.customFields }))
  return insertOpportunity(core.db, ctx, values, stage, { createdAt: options.createdAt, entry: options.entry })
}

export function createOpportunity(core: Core, input: CreateInput, meta: CallMeta): Opportunity {
  const id = inTransaction(core, () => insertOneOpportunity(core, writeContext(core, meta), meta, input))
  core.events.emit('data-changed', { entities: ['opportunity'], reason: 'create' })
  return getGridRow<Opportunity>(core.db, 'opportunity', id)
}

/**
 * Applies one edit inside the caller's transaction. A stage move must satisfy
 * the target stage's requirements; an edit that stays in the stage may not
 * blank a field that stage requires. Returns whether the stage moved.
 */
export function applyOpportunityUpdate(core: Core, ctx: WriteContext, input: UpdateInput): boolean {
  const { id, version, patch } = input
  const current = getGridRow<Opportunity>(core.db, 'opportunity', id)
  checkReferences(core, patch)
  const targetStage = requireStage(core, patch.stageId ?? current.stageId)
  const stageChanges = targetStage.id !== current.stageId
  assertStageRequirements(targetStage, { ...current, ...patch }, stageChanges ? undefined : Object.keys(patch))
  const probability = stageChanges && patch.probability == null ? targetStage.probability : patch.probability
  const fields = withCustomColumn(core, 'opportunity', { ...patch, probability }, () => current.custom, {
    stageId: targetStage.id,
    checkAll: stageChanges,
  })
  updateOpportunity(core.db, ctx, id, version, toColumns(fields), stageChanges ? targetStage : undefined)
  return stageChanges
}

export function updateOpportunityFields(core: Core, input: UpdateInput, meta: CallMeta): Opportunity {
  const stageChanged = inTransaction(core, () => applyOpportunityUpdate(core, writeContext(core, meta), input))
  core.events.emit('data-changed', { entities: ['opportunity'], reason: stageChanged ? 'stage' : 'update' })
  return getGridRow<Opportunity>(core.db, 'opportunity', input.id)
}

export function deleteOpportunity(core: Core, input: { id: number; version: number }, meta: CallMeta): { ok: true } {
  inTransaction(core, () => softDelete(core.db, writeContext(core, meta), 'opportunity', input.id, input.version))
  core.events.emit('data-changed', { entities: ['opportunity'], reason: 'delete' })
  return { ok: true }
}

/** The 360° view: the deal, its account and people, its stage timeline, follow-ups, tasks and trace. */
export function opportunityDetail(core: Core, id: number): OpportunityDetail {
  const db = core.db
  const opportunity = getGridRow<Opportunity>(db, 'opportunity', id)
  const account = opportunity.accountId ? getGridRow<Account>(db, 'account', opportunity.accountId) : null
  const history = stageHistoryOf(db, id)
  const now = core.clock().getTime()
  return {
    opportunity,
    account,
    contacts: account ? contactsOfAccount<Contact>(db, account.id) : [],
    stageHistory: history.map((entry, i) => {
      const until = history[i + 1]?.changedAt
      const end = until ? Date.parse(until) : now
      return { ...entry, daysInStage: Math.max(0, Math.round(((end - Date.parse(entry.changedAt)) / DAY_MS) * 10) / 10) }
    }),
    activities: rowsAttachedTo<Activity>(db, 'activity', 'opportunity', id),
    tasks: rowsAttachedTo<Task>(db, 'task', 'opportunity', id),
    audit: listAudit(db, 'opportunity', id, 200),
  }
}
