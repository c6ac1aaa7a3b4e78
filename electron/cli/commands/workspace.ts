import type { WorkspaceStats } from '../../../shared'
import { print, type Command } from '../command'

function describeStats(stats: WorkspaceStats): string {
  const counts = Object.entries(stats.counts).map(([entity, count]) => `${entity.padEnd(14)} ${count}`)
  const stages = stats.byStage.map((stage) => `${`${stage.nameZh} / ${stage.nameEn}`.padEnd(28)} ${stage.count}`)
  return [...counts, '', ...stages].join('\n')
}

export const workspaceCommands: Record<string, Command> = {
  init: {
    usage: ['init  --db PATH                      create (or migrate) a workspace file'],
    run: async ({ core }) => console.log(`OK ${core.dbPath}`),
  },
  demo: {
    usage: ['demo  --db PATH [--scale N]          load the demo workspace (N opportunities, default 2500)'],
    options: { scale: { type: 'string' } },
    run: async (session) => {
      const scale = session.flags.scale === undefined ? undefined : Number(session.flags.scale)
      const stats = await session.call('workspace.loadDemo', { scale })
      print(session, stats, () => describeStats(stats))
    },
  },
  stats: {
    usage: ['stats --db PATH [--json]             counts per entity and per stage'],
    run: async (session) => {
      const stats = await session.call('workspace.stats', {})
      print(session, stats, () => describeStats(stats))
    },
  },
}
