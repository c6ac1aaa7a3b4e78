import type { AutomationReport, MyDay, SearchGroup } from '../../../shared/methods/loop'
import { CliFailure } from '../output'
import { print, type Command } from '../command'

function describeReport(report: AutomationReport): string {
  return Object.entries(report)
    .map(([rule, count]) => `${rule.padEnd(22)} ${count}`)
    .join('\n')
}

function describeGroups(groups: SearchGroup[]): string {
  const lines = groups
    .filter((group) => group.items.length > 0)
    .flatMap((group) => [
      `[${group.entityType}]${group.more ? ' …' : ''}`,
      ...group.items.map((hit) => `  #${hit.id} ${hit.title}${hit.subtitle ? ` — ${hit.subtitle}` : ''}`),
    ])
  return lines.length > 0 ? lines.join('\n') : '(no matches)'
}

function describeDay(day: MyDay): string {
  const agenda = (title: string, s: MyDay['overdue']) => [
    `${title} (${s.total})`,
    ...s.items.slice(0, 20).map((item) => `  ${item.date ?? ''} ${item.kind === 'task' ? '☐' : '↻'} ${item.title}`),
  ]
  return [
    `${day.today}`,
    ...agenda('Overdue / 逾期', day.overdue),
    ...agenda('Today / 今天', day.dueToday),
    ...agenda('Upcoming / 即将', day.upcoming),
    `Stale deals / 停滞商机 (${day.staleDeals.total})`,
    `Overdue collections / 逾期回款 ${day.collections.overdueTotal} ${day.collections.baseCurrency}`,
  ].join('\n')
}

/** The closed loop's automation and look-ups, for schedulers and scripts. */
export const loopCommands: Record<string, Command> = {
  automations: {
    usage: ['automations --db PATH [--json]           run the automatic rules once (reminders, pool, renewals)'],
    run: async (session) => {
      const report = await session.call('automations.run', {})
      print(session, report, () => describeReport(report))
    },
  },
  search: {
    usage: ['search TEXT --db PATH [--json]           global search across accounts, contacts, leads, deals'],
    run: async (session) => {
      const query = session.args.join(' ').trim()
      if (query === '') throw new CliFailure('search needs some text to look for', 2)
      const result = await session.call('search.global', { query, limit: 10 })
      print(session, result, () => describeGroups(result.groups))
    },
  },
  myday: {
    usage: ['myday --db PATH --user ID [--json]       one user\'s My Day'],
    options: { user: { type: 'string' } },
    run: async (session) => {
      const user = session.flags.user === undefined ? undefined : Number(session.flags.user)
      const day = await session.call('myDay.get', { userId: user })
      print(session, day, () => describeDay(day))
    },
  },
}
