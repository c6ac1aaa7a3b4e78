import { useCallback, useMemo } from 'react'
import { api } from '../../../api/client'
import { useLabels } from '../../reference/hooks/useLabels'
import { reloadCustomFields } from '../utils/customFieldLoader'
import { useCustomFields } from './useCustomFields'

const NONE: string[] = []

export interface StageCustomRequirements {
  /** Opportunity custom fields a stage may require, for a multi-select. */
  options: { value: string; label: string }[]
  /** Keys of the custom fields a stage requires (a stable array per stage). */
  keysFor(stageId: number): string[]
  labelsFor(stageId: number): string[]
  /** Makes exactly `keys` required for the stage, updating only the fields whose requirement changes. */
  save(stageId: number, keys: readonly string[]): Promise<void>
}

/** Per-stage requirements live on the custom fields (requiredStageIds); the stage editor shows them with the stage. */
export function useStageCustomRequirements(): StageCustomRequirements {
  const fields = useCustomFields('opportunity')
  const labels = useLabels()
  const options = useMemo(() => fields.map((f) => ({ value: f.key, label: labels.bilingual(f.labelZh, f.labelEn) })), [fields, labels])
  const byStage = useMemo(() => {
    const map = new Map<number, string[]>()
    for (const field of fields) for (const stageId of field.requiredStageIds) map.set(stageId, [...(map.get(stageId) ?? []), field.key])
    return map
  }, [fields])
  const keysFor = useCallback((stageId: number) => byStage.get(stageId) ?? NONE, [byStage])
  const labelsFor = useCallback(
    (stageId: number) => keysFor(stageId).map((key) => options.find((o) => o.value === key)?.label ?? key),
    [keysFor, options],
  )
  const save = useCallback(
    async (stageId: number, keys: readonly string[]) => {
      const wanted = new Set(keys)
      const changed = fields.filter((f) => f.requiredStageIds.includes(stageId) !== wanted.has(f.key))
      for (const field of changed) {
        const requiredStageIds = wanted.has(field.key)
          ? [...field.requiredStageIds, stageId]
          : field.requiredStageIds.filter((id) => id !== stageId)
        await api.call('customFields.update', { id: field.id, version: field.version, patch: { requiredStageIds } })
      }
      if (changed.length > 0) await reloadCustomFields()
    },
    [fields],
  )
  return { options, keysFor, labelsFor, save }
}
