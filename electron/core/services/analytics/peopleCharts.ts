import type { Leaderboard, Sources } from '../../../../shared/methods/analytics'
import { dealsBySource, followUpsByOwner, leadsBySource, overdueTasksByAssignee } from '../../store/analytics/people'
import { listUsers } from '../../store/reference'
import { between, drill, header, isIn, ratio, type AnalyticsContext } from './context'
import { addDays } from './dates'
import { outcomes } from './outcomeCharts'
import { created, openDeals } from './pipelineCharts'

export function sources(ctx: AnalyticsContext): Sources {
  const deals = new Map(dealsBySource(created(ctx)).map((d) => [d.source, d]))
  const leads = new Map(leadsBySource(ctx.core.db, ctx.scope, ctx.span).map((l) => [l.source, l]))
  const createdIn = between('createdAt', ctx.period)
  const rows = [...new Set([...deals.keys(), ...leads.keys()])].map((source) => {
    const deal = deals.get(source) ?? { count: 0, won: 0, wonAmount: 0 }
    const lead = leads.get(source) ?? { count: 0, converted: 0 }
    const bySource = isIn('source', [source])
    return {
      key: source,
      label: ctx.labels.pick('source', source),
      leads: lead.count,
      convertedLeads: lead.converted,
      opportunities: deal.count,
      won: deal.won,
      wonAmount: deal.wonAmount,
      winRate: ratio(deal.won, deal.count),
      drill: {
        leads: drill(ctx, 'lead', createdIn, bySource),
        opportunities: drill(ctx, 'opportunity', createdIn, bySource),
        won: drill(ctx, 'opportunity', createdIn, bySource, isIn('stageKind', ['won'])),
      },
    }
  })
  return { ...header(ctx), rows: rows.sort((a, b) => b.wonAmount - a.wonAmount || b.opportunities - a.opportunities) }
}

export function leaderboard(ctx: AnalyticsContext): Leaderboard {
  const db = ctx.core.db
  const results = outcomes(ctx).filter((c) => c.dimension === 'owner')
  const open = new Map(openDeals(ctx).map((o) => [o.ownerId, o]))
  const followUps = new Map(followUpsByOwner(db, ctx.scope.ownerIds, ctx.span).map((f) => [f.userId, f.count]))
  const overdue = new Map(overdueTasksByAssignee(db, ctx.scope.ownerIds, ctx.today).map((t) => [t.userId, t.count]))
  const active = listUsers(db)
    .filter((u) => u.active)
    .map((u) => u.id)
  const owners = new Set<number | null>(ctx.scope.ownerIds ?? [...active, ...results.map((c) => c.key as number | null), ...open.keys()])
  const closed = between('closedAt', ctx.period)
  const rows = [...owners].map((ownerId) => {
    const outcome = (kind: 'won' | 'lost') => results.find((c) => c.key === ownerId && c.kind === kind) ?? { count: 0, amount: 0 }
    const wins = outcome('won')
    const lost = outcome('lost')
    const mine = isIn('ownerId', [ownerId])
    return {
      key: ownerId,
      label: ctx.labels.user(ownerId),
      won: wins.count,
      wonAmount: wins.amount,
      lost: lost.count,
      winRate: ratio(wins.count, wins.count + lost.count),
      openCount: open.get(ownerId)?.count ?? 0,
      openAmount: open.get(ownerId)?.amount ?? 0,
      followUps: ownerId === null ? 0 : (followUps.get(ownerId) ?? 0),
      overdueTasks: ownerId === null ? 0 : (overdue.get(ownerId) ?? 0),
      drill: {
        won: drill(ctx, 'opportunity', isIn('stageKind', ['won']), closed, mine),
        open: drill(ctx, 'opportunity', isIn('stageKind', ['open']), mine),
        followUps: ownerId === null ? null : drill(ctx, 'activity', between('occurredAt', ctx.period), mine),
        overdueTasks:
          ownerId === null
            ? null
            : drill(
                ctx,
                'task',
                isIn('assigneeId', [ownerId]),
                isIn('status', ['open']),
                between('dueDate', { from: null, to: addDays(ctx.today, -1) }),
              ),
      },
    }
  })
  return { ...header(ctx), rows: rows.sort((a, b) => b.wonAmount - a.wonAmount || b.openAmount - a.openAmount) }
}
