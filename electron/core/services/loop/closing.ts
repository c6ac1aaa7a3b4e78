import type { CallMeta, ParsedInput } from '../../../../shared/api'
import type { Account, Opportunity, Stage } from '../../../../shared/entities'
import type { StageKind } from '../../../../shared/enums'
import type { Core } from '../../core'
import { reminderText } from '../../domain/reminderText'
import { AppError } from '../../errors'
import { isActivePicklistValue } from '../../store/loop/leads'
import { firstStageOfKind } from '../../store/loop/pipelines'
import { updateRecord } from '../../store/records'
import { getGridRow } from '../../store/rows'
import { inTransaction, writeContext } from '../context'
import { applyOpportunityUpdate, insertOneOpportunity } from '../opportunities'
import { requireStage } from '../references'
import { contractDetail, insertContractFor } from './contracts'

function stageOfKind(core: Core, deal: Opportunity, kind: StageKind): Stage {
  const stage = firstStageOfKind(core.db, deal.pipelineId, kind)
  if (!stage) throw new AppError('VALIDATION', { issues: [{ path: ['id'], code: 'no_stage', message: `The pipeline has no ${kind} stage` }] })
  return stage
}

/**
 * Winning is the contract path: the deal takes the contract's amount and
 * signed date, moves to its pipeline's won stage (whose requirements apply as
 * on every path) and records the contract with its payment plan, together.
 */
export function winOpportunity(core: Core, input: ParsedInput<'opportunities.win'>, meta: CallMeta) {
  const deal = getGridRow<Opportunity>(core.db, 'opportunity', input.id)
  const won = stageOfKind(core, deal, 'won')
  const { contract } = input
  const contractId = inTransaction(core, () => {
    const ctx = writeContext(core, meta)
    const patch = { stageId: won.id, amount: contract.amount, signedDate: contract.signedDate, currency: contract.currency, custom: input.custom }
    applyOpportunityUpdate(core, ctx, { id: input.id, version: input.version, patch })
    return insertContractFor(core, ctx, getGridRow<Opportunity>(core.db, 'opportunity', input.id), contract)
  })
  core.events.emit('data-changed', { entities: ['opportunity', 'contract', 'task', 'account'], reason: 'stage' })
  return { opportunity: getGridRow<Opportunity>(core.db, 'opportunity', input.id), contract: contractDetail(core, contractId) }
}

/** Losing names a reason from the loss-reason list, and the competitor when lost to one (the stage rules ask for it). */
export function loseOpportunity(core: Core, input: ParsedInput<'opportunities.lose'>, meta: CallMeta): Opportunity {
  if (!isActivePicklistValue(core.db, 'loss_reason', input.lossReason)) {
    throw new AppError('VALIDATION', { issues: [{ path: ['lossReason'], code: 'not_in_list', message: 'Pick a reason from the list' }] })
  }
  const deal = getGridRow<Opportunity>(core.db, 'opportunity', input.id)
  const lost = stageOfKind(core, deal, 'lost')
  const patch = {
    stageId: lost.id,
    lossReason: input.lossReason,
    competitor: input.competitor ?? null,
    lossNote: input.lossNote ?? null,
    custom: input.custom,
  }
  inTransaction(core, () => applyOpportunityUpdate(core, writeContext(core, meta), { id: input.id, version: input.version, patch }))
  core.events.emit('data-changed', { entities: ['opportunity', 'account'], reason: 'stage' })
  return getGridRow<Opportunity>(core.db, 'opportunity', input.id)
}

/**
 * 复购: a new deal for the same account and contact, owned by the same rep,
 * linked to the won deal it grew from. It starts in the given stage (whose
 * requirements apply) or the first open stage of the same pipeline.
 */
export function repurchase(core: Core, input: ParsedInput<'opportunities.repurchase'>, meta: CallMeta): Opportunity {
  const won = getGridRow<Opportunity>(core.db, 'opportunity', input.id)
  if (won.stageKind !== 'won') {
    throw new AppError('VALIDATION', { issues: [{ path: ['id'], code: 'not_won', message: 'Only a won deal can be repurchased' }] })
  }
  const stage = input.stageId === undefined ? stageOfKind(core, won, 'open') : requireStage(core, input.stageId)
  const id = inTransaction(core, () =>
    insertOneOpportunity(core, writeContext(core, meta), meta, {
      name: input.name ?? reminderText('repurchaseDeal', meta.locale, { name: won.name }),
      accountId: won.accountId,
      contactId: won.contactId,
      stageId: stage.id,
      amount: input.amount,
      expectedCloseDate: input.expectedCloseDate,
      currency: won.currency,
      ownerId: won.ownerId,
      source: won.source,
      productLine: won.productLine,
      // Passed through to the row: the deal it grew from.
      previousOpportunityId: won.id,
    } as ParsedInput<'opportunities.create'>),
  )
  core.events.emit('data-changed', { entities: ['opportunity', 'account'], reason: 'create' })
  return getGridRow<Opportunity>(core.db, 'opportunity', id)
}

export function rateSatisfaction(core: Core, input: ParsedInput<'accounts.rateSatisfaction'>, meta: CallMeta): Account {
  inTransaction(core, () =>
    updateRecord(core.db, writeContext(core, meta), 'account', input.id, input.version, { satisfaction: input.satisfaction }),
  )
  core.events.emit('data-changed', { entities: ['account'], reason: 'update' })
  return getGridRow<Account>(core.db, 'account', input.id)
}
