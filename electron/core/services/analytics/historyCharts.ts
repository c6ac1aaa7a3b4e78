import type { Conversion, Dwell } from '../../../../shared/methods/analytics'
import { conversionByStage, dwellByStage } from '../../store/analytics/history'
import { header, ratio, type AnalyticsContext } from './context'
import { scopeStages } from './pipelineCharts'

/** Charts read from the stage history (through its facts: first arrivals and completed stays). */

export function conversion(ctx: AnalyticsContext): Conversion {
  const stages = scopeStages(ctx)
  const steps = stages
    .filter((s) => s.kind === 'open')
    .flatMap((stage) => {
      const later = stages.filter((s) => s.pipelineId === stage.pipelineId && s.kind === 'open' && s.sortOrder > stage.sortOrder)
      const next = later[0] ?? stages.find((s) => s.pipelineId === stage.pipelineId && s.kind === 'won')
      return next ? [{ stage, next }] : []
    })
  const pairs = steps.map(({ stage, next }) => ({ stageId: stage.id, nextStageId: next.id }))
  const cells = new Map(conversionByStage(ctx.core.db, ctx.scope, ctx.span, pairs).map((c) => [c.stageId, c]))
  return {
    ...header(ctx),
    steps: steps.map(({ stage, next }) => {
      const cell = cells.get(stage.id) ?? { reached: 0, advanced: 0, won: 0 }
      return {
        stageId: stage.id,
        pipelineId: stage.pipelineId,
        label: ctx.labels.stage(stage.id),
        nextStageId: next.id,
        nextLabel: ctx.labels.stage(next.id),
        reached: cell.reached,
        advanced: cell.advanced,
        won: cell.won,
        advancedRate: ratio(cell.advanced, cell.reached),
        wonRate: ratio(cell.won, cell.reached),
      }
    }),
  }
}

export function dwell(ctx: AnalyticsContext): Dwell {
  const cells = new Map(dwellByStage(ctx.core.db, ctx.scope, ctx.span).map((c) => [c.stageId, c]))
  return {
    ...header(ctx),
    stages: scopeStages(ctx, new Set(cells.keys()))
      .filter((s) => s.kind === 'open')
      .map((stage) => {
        const cell = cells.get(stage.id)
        return {
          stageId: stage.id,
          pipelineId: stage.pipelineId,
          label: ctx.labels.stage(stage.id),
          stays: cell?.stays ?? 0,
          medianDays: cell?.medianDays ?? null,
          p80Days: cell?.p80Days ?? null,
          averageDays: cell?.averageDays ?? null,
        }
      }),
  }
}
