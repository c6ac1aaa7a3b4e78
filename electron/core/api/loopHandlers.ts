import type { loopMethods } from '../../../shared/methods/loop'
import { markNotificationsSeen, myDay, notifications, recordHistory } from '../services/loop/agenda'
import { runAutomations } from '../services/loop/automations'
import { loseOpportunity, rateSatisfaction, repurchase, winOpportunity } from '../services/loop/closing'
import {
  createStage,
  editStage,
  getLoopConfig,
  listRules,
  reorderPipelineStages,
  saveRules,
  updateLoopConfig,
} from '../services/loop/config'
import { contractDetail, createContract, editContract, listContracts, recordPayment, removePayment } from '../services/loop/contracts'
import { convertLead } from '../services/loop/conversion'
import {
  assignLeads,
  captureLead,
  claimLeads,
  findDuplicates,
  leadDetail,
  poolStatus,
  qualifyLead,
  releaseLead,
} from '../services/loop/leads'
import { applyMerge, mergesOf, previewMerge, undoMerge } from '../services/loop/merge'
import { globalSearch } from '../services/loop/search'
import type { HandlerGroup } from './handlers'

/** The closed loop: capture, pool, merge, close, collect, remind, search. */
export const loopHandlers: HandlerGroup<typeof loopMethods> = {
  'loopConfig.get': (core) => getLoopConfig(core),
  'loopConfig.update': (core, input) => updateLoopConfig(core, input),
  'assignmentRules.list': (core) => listRules(core),
  'assignmentRules.save': (core, input) => saveRules(core, input),
  'stages.create': (core, input) => createStage(core, input),
  'stages.update': (core, input) => editStage(core, input),
  'stages.reorder': (core, input) => reorderPipelineStages(core, input),

  'duplicates.find': (core, input) => findDuplicates(core, input),
  'leads.capture': captureLead,
  'leads.detail': (core, input) => leadDetail(core, input.id),
  'leads.qualify': qualifyLead,
  'leads.assign': assignLeads,
  'leads.convert': convertLead,
  'pool.status': poolStatus,
  'pool.claim': claimLeads,
  'pool.release': releaseLead,

  'merge.preview': (core, input) => previewMerge(core, input),
  'merge.apply': applyMerge,
  'merge.undo': undoMerge,
  'merge.list': (core, input) => mergesOf(core, input),

  'opportunities.win': winOpportunity,
  'opportunities.lose': loseOpportunity,
  'opportunities.repurchase': repurchase,
  'contracts.create': createContract,
  'contracts.update': editContract,
  'contracts.get': (core, input) => contractDetail(core, input.id),
  'contracts.list': (core, input) => listContracts(core, input),
  'payments.record': recordPayment,
  'payments.delete': removePayment,
  'accounts.rateSatisfaction': rateSatisfaction,

  'myDay.get': myDay,
  'notifications.list': notifications,
  'notifications.markSeen': markNotificationsSeen,
  'automations.run': (core) => runAutomations(core),
  'history.list': (core, input) => recordHistory(core, input),

  'search.global': (core, input) => globalSearch(core, input),
}
