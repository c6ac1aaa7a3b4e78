import { useMemo } from 'react'
import type { Stage } from '../../../../../shared/entities'
import { useLabels } from '../../reference/hooks/useLabels'
import { useReferenceData } from '../../reference/hooks/useReferenceData'

export interface StageOptions {
  /** Active stages grouped under their pipeline, for a grouped Select. */
  groups: { label: string; options: { value: number; label: string }[] }[]
  /** Where a new opportunity starts: the first open stage of the first pipeline. */
  defaultStage: Stage | undefined
  stageById(id: number | undefined): Stage | undefined
}

export function useStageOptions(): StageOptions {
  const { pipelines, stages } = useReferenceData()
  const labels = useLabels()

  return useMemo(() => {
    const active = stages.filter((s) => s.active).sort((a, b) => a.sortOrder - b.sortOrder)
    const ordered = [...pipelines].sort((a, b) => a.sortOrder - b.sortOrder)
    const groups = ordered.map((pipeline) => ({
      label: labels.bilingual(pipeline.nameZh, pipeline.nameEn),
      options: active
        .filter((s) => s.pipelineId === pipeline.id)
        .map((s) => ({ value: s.id, label: labels.bilingual(s.nameZh, s.nameEn) })),
    }))
    const firstPipeline = ordered[0]
    return {
      groups: groups.filter((g) => g.options.length > 0),
      defaultStage: active.find((s) => s.pipelineId === firstPipeline?.id && s.kind === 'open'),
      stageById: (id) => stages.find((s) => s.id === id),
    }
  }, [pipelines, stages, labels])
}
