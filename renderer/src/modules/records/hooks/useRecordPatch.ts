import type { MethodInput } from '../../../../../shared/api'
import { api } from '../../../api/client'
import { useServerSave } from '../../forms/hooks/useServerSave'

export type EditableRecord = 'account' | 'contact'
type Update<E extends EditableRecord> = Extract<MethodInput<'grid.update'>, { entity: E }>
export type RecordPatch<E extends EditableRecord> = Update<E>['changes'][number]['patch']

/**
 * Saves one record's changed fields against the version on screen, the way a
 * grid edit does: a record changed meanwhile is refused (CONFLICT) and the
 * refusal is kept for the drawer to show.
 */
export function useRecordPatch<E extends EditableRecord>(entity: E) {
  const { saving, serverError, save } = useServerSave()
  const patch = (record: { id: number; version: number }, fields: RecordPatch<E>, onSaved: () => void) =>
    save(async () => {
      const input = { entity, changes: [{ id: record.id, version: record.version, patch: fields }] } as Update<E>
      await api.call('grid.update', input)
      onSaved()
    })
  return { saving, serverError, patch }
}
