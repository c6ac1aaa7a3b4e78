import type { recordsMethods } from '../../../shared/methods/records'
import { accountDetail, contactDetail } from '../services/recordDetails'
import type { HandlerGroup } from './handlers'

/** The record drawers of accounts and contacts. */
export const recordsHandlers: HandlerGroup<typeof recordsMethods> = {
  'accounts.detail': (core, input) => accountDetail(core, input.id),
  'contacts.detail': (core, input) => contactDetail(core, input.id),
}
