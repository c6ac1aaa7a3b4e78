import { Tag } from 'antd'
import type { StageKind } from '../../../../../shared/enums'
import { useLabels } from '../hooks/useLabels'
import { useReferenceData } from '../hooks/useReferenceData'

const kindColors: Record<StageKind, string> = { open: 'processing', won: 'success', lost: 'error' }

/** A stage name coloured by whether the stage is open, won or lost. */
export function StageTag({ stageId, fallback }: { stageId: number; fallback?: string }) {
  const { stages } = useReferenceData()
  const labels = useLabels()
  const stage = stages.find((s) => s.id === stageId)
  return (
    <Tag color={stage ? kindColors[stage.kind] : 'default'} variant="filled">
      {labels.stageName(stageId) ?? fallback}
    </Tag>
  )
}
