import type { CallMeta } from '../../../../shared/api'
import type { Breakdown, BreakdownInput } from '../../../../shared/methods/analytics'
import type { Core } from '../../core'
import { AppError } from '../../errors'
import { breakdownCells, type BreakdownCell, type BreakdownKey } from '../../store/analytics/breakdown'
import { ensureStageFacts } from './charts'
import { analyticsContext, between, drill, header, isIn, picklistFields, type AnalyticsContext, type GridFilter } from './context'
import { outcomeFigures } from './outcomeCharts'

/** How each field is grouped, named and handed on to the opportunity grid. */
interface FieldPlan {
  by: BreakdownKey
  label: string
  valueLabel: (key: string | null) => string
  /** The grid filter for one value; null when the grid cannot express it. */
  gridFilter: (key: string | null) => GridFilter | null
}

const builtIn = {
  source: { list: 'source', column: 'source', zh: '来源', en: 'Source' },
  productLine: { list: 'product_line', column: 'productLine', zh: '产品线', en: 'Product line' },
  region: { list: 'region', column: null, zh: '区域', en: 'Region' },
} as const

function fieldPlan(ctx: AnalyticsContext, field: string): FieldPlan {
  const zh = ctx.locale === 'zh-CN'
  if (field === 'source' || field === 'productLine' || field === 'region') {
    const b = builtIn[field]
    return {
      by: { kind: field },
      label: zh ? b.zh : b.en,
      valueLabel: (key) => ctx.labels.pick(b.list, key),
      // The opportunity grid has no region column.
      gridFilter: (key) => (b.column === null ? null : isIn(b.column, [key])),
    }
  }
  const key = field.slice('custom.'.length)
  const def = picklistFields(ctx.core).find((f) => f.key === key)
  if (!def) throw new AppError('CUSTOM_FIELD_UNKNOWN', { key })
  const multi = def.type === 'multiPicklist'
  return {
    by: { kind: 'custom', key, multi },
    label: zh ? def.labelZh : def.labelEn,
    valueLabel: (value) => (def.picklistKey === null ? ctx.labels.text(value) : ctx.labels.pick(def.picklistKey, value)),
    // The grid's multi-select filter cannot ask for "no values".
    gridFilter: (value) => (multi && value === null ? null : isIn(field, [value])),
  }
}

/** Win rate and pipeline by the values of one picklist field, under the dashboard's filters. */
export function breakdown(core: Core, input: BreakdownInput, meta: CallMeta): Breakdown {
  ensureStageFacts(core)
  const ctx = analyticsContext(core, input.filters, meta)
  const plan = fieldPlan(ctx, input.field)
  const cells = breakdownCells(core.db, ctx.scope, ctx.span, plan.by)
  const keys = [...new Set(cells.map((c) => c.key))]
  const closed = between('closedAt', ctx.period)
  const rows = keys.map((key) => {
    const of = (kind: BreakdownCell['kind']) => cells.find((c) => c.key === key && c.kind === kind) ?? { count: 0, amount: 0, weightedAmount: 0 }
    const open = of('open')
    const won = of('won')
    const lost = of('lost')
    const filter = plan.gridFilter(key)
    const rowDrill = (...filters: (GridFilter | null)[]) => (filter === null ? null : drill(ctx, 'opportunity', ...filters, filter))
    return {
      key,
      label: plan.valueLabel(key),
      open: { count: open.count, amount: open.amount, weightedAmount: open.weightedAmount, drill: rowDrill(isIn('stageKind', ['open'])) },
      ...outcomeFigures(won, lost),
      drill: {
        won: rowDrill(isIn('stageKind', ['won']), closed),
        lost: rowDrill(isIn('stageKind', ['lost']), closed),
        closed: rowDrill(isIn('stageKind', ['won', 'lost']), closed),
      },
    }
  })
  rows.sort((a, b) => b.open.amount - a.open.amount || b.wonAmount - a.wonAmount)
  return { ...header(ctx), field: input.field, label: plan.label, rows }
}
