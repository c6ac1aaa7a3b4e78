import { useMemo } from 'react'
import type { Opportunity } from '../../../../../shared/entities'
import { useCustomFields } from '../../customFields/hooks/useCustomFields'
import { customKeyOfNeed, missingCustomForStage } from '../../grid/utils/stageRules'
import { useReferenceData } from '../../reference/hooks/useReferenceData'

/**
 * The custom field keys a deal still lacks to enter its pipeline's won or
 * lost stage, so the win and lose dialogs ask for them with the rest instead
 * of failing on submit. The core checks again.
 */
export function useClosingNeeds(deal: Opportunity, kind: 'won' | 'lost'): string[] {
  const { stages } = useReferenceData()
  const fields = useCustomFields('opportunity')
  return useMemo(() => {
    const stage = stages.find((s) => s.pipelineId === deal.pipelineId && s.kind === kind)
    if (!stage) return []
    return missingCustomForStage(stage.id, deal, fields).flatMap((need) => customKeyOfNeed(need) ?? [])
  }, [stages, fields, deal, kind])
}
