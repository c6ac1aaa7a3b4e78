import type { ImportEntity } from '../../../../../shared/methods/imports'
import type { Route } from '../../app/utils/routes'

/** The screen whose grid lists an entity. */
export const gridRouteOf: Record<ImportEntity, Route> = {
  opportunity: 'pipeline',
  lead: 'leads',
  account: 'accounts',
  contact: 'contacts',
}
