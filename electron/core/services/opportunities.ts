import type { CallMeta, OpportunityDetail, ParsedInput } from '../../../shared/api'
import type { Account, Activity, Contact, Opportunity, Stage, Task } from '../../../shared/entities'
import type { Core } from '../core'
import { missingForStage, type StageFacts } from '../domain/stageRules'
import { AppError } from '../errors'
import { listAudit } from '../store/audit'
import { insertOpportunity, stageHistoryOf, updateOpportunity } from '../store/opportunities'
import { softDelete, toColumn, type Row } from '../store/records'
import { contactsOfAccount, getGridRow, rowsAttachedTo } from '../store/rows'
import { inTransaction, writeContext } from './context'
import { requireRecord, requireStage, requireUser } from './references'

type CreateInput = ParsedInput<'opportunities.create'>
type UpdateInput = ParsedInput<'opportunities.update'>

const DAY_MS = 86_400_000

/** Input fields (except the stage, which moves through its own path) as table columns. */
function toColumns(fields: Record<string, unknown>): Row {
  const row: Row = {}
  for (const [field, value] of Object.entries(fields)) {
    if (field !== 'stageId' && value !== undefined) row[toColumn(field)] = value
  }
  return row
}

function assertStageRequirements(stage: Stage, facts: StageFacts, onlyFields?: readonly string[]): void {
  const missing = missingForStage(stage, facts).filter((f) => !onlyFields || onlyFields.includes(f))
  if (missing.length > 0) throw new AppError('STAGE_REQUIREMENTS', { stageId: stage.id, missing })
}

function checkReferences(core: Core, input: Partial<CreateInput>): void {
  requireRecord(core, 'account', 'accountId', input.accountId)
  requireRecord(core, 'contact', 'contactId', input.contactId)
  requireUser(core, 'ownerId', input.ownerId)
}

export function createOpportunity(core: Core, input: CreateInput, meta: CallMeta): Opportunity {
  const stage = requireStage(core, input.stageId)
  checkReferences(core, input)
  assertStageRequirements(stage, input)
  const values = toColumns({ ...input, probability: input.probability ?? stage.probability, ownerId: input.ownerId ?? meta.userId })
  const id = inTransaction(core, () => insertOpportunity(core.db, writeContext(core, meta), values, stage))
  core.events.emit('data-changed', { entities: ['opportunity'], reason: 'create' })
  return getGridRow<Opportunity>(core.db, 'opportunity', id)
}

/**
 * A stage move must satisfy the target stage's requirements; an edit that
 * stays in the stage may not blank a field that stage requires.
 */
export function updateOpportunityFields(core: Core, input: UpdateInput, meta: CallMeta): Opportunity {
  const { id, version, patch } = input
  const current = getGridRow<Opportunity>(core.db, 'opportunity', id)
  checkReferences(core, patch)
  const targetStage = requireStage(core, patch.stageId ?? current.stageId)
  const stageChanges = targetStage.id !== current.stageId
  const facts = { ...current, ...patch }
  assertStageRequirements(targetStage, facts, stageChanges ? undefined : Object.keys(patch))
  const probability = stageChanges && patch.probability == null ? targetStage.probability : patch.probability
  const values = toColumns({ ...patch, probability })
  inTransaction(core, () =>
    updateOpportunity(core.db, writeContext(core, meta), id, version, values, stageChanges ? targetStage : undefined),
  )
  core.events.emit('data-changed', { entities: ['opportunity'], reason: stageChanges ? 'stage' : 'update' })
  return getGridRow<Opportunity>(core.db, 'opportunity', id)
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
