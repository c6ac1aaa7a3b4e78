import type { GridEntity } from '../../../../../shared/enums'
import { customColumnsSignature } from '../utils/customColumns'
import { useCustomFields } from './useCustomFields'

/** Changes whenever the entity's custom columns do (added, removed, retyped, relabelled). */
export function useCustomColumnsSignature(entity: GridEntity): string {
  useCustomFields()
  return customColumnsSignature(entity)
}
