import type { Locale, MethodInput, MethodName, User } from '../../../shared'
import {
  BreakdownField,
  type AnalyticsFilters,
  type Breakdown,
  type Changes,
  type Conversion,
  type Dwell,
  type Forecast,
  type Funnel,
  type MoneyBasis,
  type WinRate,
} from '../../../shared/methods/analytics'
import { print, type Command, type Session } from '../command'
import { CliFailure } from '../output'

/** `report KIND` → the API method that computes it for the dashboard too. */
const reports = {
  funnel: 'analytics.funnel',
  conversion: 'analytics.conversion',
  winrate: 'analytics.winRate',
  forecast: 'analytics.forecast',
  dwell: 'analytics.dwell',
  changes: 'analytics.changes',
  dealsize: 'analytics.dealSize',
  stale: 'analytics.stale',
  sources: 'analytics.sources',
  leaderboard: 'analytics.leaderboard',
  losses: 'analytics.losses',
  collections: 'analytics.collections',
  repurchase: 'analytics.repurchase',
  breakdown: 'analytics.breakdown',
  dashboard: 'analytics.dashboard',
} as const satisfies Record<string, MethodName>

type ReportKind = keyof typeof reports

const say = (locale: Locale, zh: string, en: string) => (locale === 'zh-CN' ? zh : en)

const text = (session: Session, key: string): string | undefined => {
  const value = session.flags[key]
  return typeof value === 'string' ? value : undefined
}

const list = (value: string | undefined) => (value === undefined ? undefined : value.split(',').map((v) => v.trim()))

/** A user by id, name, English name or email. */
function findUser(users: User[], who: string, locale: Locale): number {
  const wanted = who.trim().toLowerCase()
  const user = users.find((u) => [String(u.id), u.name, u.nameEn, u.email].some((v) => v?.toLowerCase() === wanted))
  if (!user) throw new CliFailure(say(locale, `找不到负责人：${who}`, `No such owner: ${who}`))
  return user.id
}

/** `--field tier=partner,reseller` (repeatable): an opportunity custom picklist filter, as the dashboard's filter bar sets it. */
function customFilters(session: Session): AnalyticsFilters['custom'] {
  const given = session.flags.field
  if (given === undefined) return undefined
  const pairs = (Array.isArray(given) ? given : [given]).map(String)
  return Object.fromEntries(
    pairs.map((pair) => {
      const [key, values] = pair.split(/=(.*)/s)
      if (!key || !values) {
        throw new CliFailure(say(session.locale, `--field 的格式是 字段键=值1,值2：${pair}`, `--field takes FIELD=VALUE1,VALUE2: ${pair}`), 2)
      }
      return [key.replace(/^custom\./, ''), list(values)!]
    }),
  )
}

/** `--by source|productLine|region|custom.KEY`: what a breakdown groups by. */
function breakdownField(session: Session): BreakdownField {
  const parsed = BreakdownField.safeParse(text(session, 'by'))
  if (!parsed.success) {
    throw new CliFailure(say(session.locale, '请用 --by 指定分组：source|productLine|region|custom.字段键', 'Name the grouping with --by: source|productLine|region|custom.KEY'), 2)
  }
  return parsed.data
}

async function filtersOf(session: Session): Promise<Omit<AnalyticsFilters, 'period'> & { period?: AnalyticsFilters['period'] }> {
  const [from, to, period] = [text(session, 'from'), text(session, 'to'), text(session, 'period')]
  const owners = list(text(session, 'owner'))
  const users = owners ? await session.call('users.list', {}) : []
  const pipelineKey = text(session, 'pipeline')
  const pipelines = pipelineKey ? await session.call('pipelines.list', {}) : []
  const pipeline = pipelineKey ? pipelines.find((p) => p.key === pipelineKey || String(p.id) === pipelineKey) : undefined
  if (pipelineKey && !pipeline) throw new CliFailure(say(session.locale, `找不到业务流程：${pipelineKey}`, `No such pipeline: ${pipelineKey}`))
  return {
    period: from !== undefined || to !== undefined ? { from: from ?? '', to: to ?? '' } : (period as AnalyticsFilters['period'] | undefined),
    ownerIds: owners?.map((o) => findUser(users, o, session.locale)),
    team: text(session, 'team'),
    sources: list(text(session, 'source')),
    productLines: list(text(session, 'product')),
    regions: list(text(session, 'region')),
    pipelineId: pipeline?.id,
    custom: customFilters(session),
  }
}

const money = (n: number | null) => (n === null ? '—' : Math.round(n).toLocaleString('en-US'))
const percent = (n: number | null) => (n === null ? '—' : `${(n * 100).toFixed(1)}%`)
const days = (n: number | null) => (n === null ? '—' : n.toFixed(1))

function table(rows: (string | number)[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)))
  return rows.map((r) => r.map((cell, i) => String(cell).padEnd(widths[i]!)).join('  ')).join('\n')
}

/** The line that says what the amounts are in. */
function basis(locale: Locale, m: MoneyBasis): string {
  const rates = m.rates.filter((r) => r.currency !== m.currency).map((r) => `${r.currency} ${r.rate}`).join(', ')
  return say(locale, `金额单位：${m.currency}（按设置中的汇率折算：${rates}）`, `Amounts in ${m.currency} (converted at the Settings rates: ${rates})`)
}

const human: Partial<Record<ReportKind, (locale: Locale, value: never) => string>> = {
  funnel: (l, f: Funnel) =>
    table([
      [say(l, '阶段', 'Stage'), say(l, '数量', 'Count'), say(l, '金额', 'Amount'), say(l, '加权金额', 'Weighted')],
      ...f.layers.map((x) => [x.label, x.count, money(x.amount), money(x.weightedAmount)]),
      [say(l, '合计', 'Total'), f.total.count, money(f.total.amount), money(f.total.weightedAmount)],
    ]),
  conversion: (l, c: Conversion) =>
    table([
      [say(l, '阶段', 'Stage'), say(l, '下一阶段', 'Next'), say(l, '到达', 'Reached'), say(l, '推进率', 'Advanced'), say(l, '赢单率', 'Won')],
      ...c.steps.map((s) => [s.label, s.nextLabel, s.reached, percent(s.advancedRate), percent(s.wonRate)]),
    ]),
  winrate: (l, w: WinRate) =>
    table([
      ['', say(l, '赢单', 'Won'), say(l, '输单', 'Lost'), say(l, '赢率（数量）', 'Rate (count)'), say(l, '赢率（金额）', 'Rate (amount)')],
      ...[w.overall, ...w.byOwner].map((r) => [r.label, r.won, r.lost, percent(r.rateByCount), percent(r.rateByAmount)]),
    ]),
  forecast: (l, f: Forecast) =>
    table([
      [say(l, '月份', 'Month'), say(l, '目标', 'Target'), say(l, '已赢单', 'Won'), say(l, '承诺', 'Commit'), say(l, '最佳', 'Best case'), say(l, '管道', 'Pipeline'), say(l, '加权', 'Weighted'), say(l, '覆盖率', 'Coverage')],
      ...f.months.map((m) => [m.month, money(m.target), money(m.won.amount), money(m.commit.amount), money(m.bestCase.amount), money(m.pipeline.amount), money(m.open.weightedAmount), percent(m.coverage)]),
    ]),
  dwell: (l, d: Dwell) =>
    table([
      [say(l, '阶段', 'Stage'), say(l, '次数', 'Stays'), say(l, '中位天数', 'Median days'), say(l, 'P80 天数', 'P80 days')],
      ...d.stages.map((s) => [s.label, s.stays, days(s.medianDays), days(s.p80Days)]),
    ]),
  breakdown: (l, b: Breakdown) =>
    table([
      [say(l, '取值', 'Value'), say(l, '在途数量', 'Open'), say(l, '在途金额', 'Open amount'), say(l, '加权金额', 'Weighted'), say(l, '赢单', 'Won'), say(l, '输单', 'Lost'), say(l, '赢率（数量）', 'Rate (count)')],
      ...b.rows.map((r) => [r.label, r.open.count, money(r.open.amount), money(r.open.weightedAmount), r.won, r.lost, percent(r.rateByCount)]),
    ]),
  changes: (l, c: Changes) =>
    table([
      [say(l, '期初', 'Start'), money(c.startAmount), c.startCount],
      ...c.buckets.map((b) => [b.label, money(b.amount), b.count]),
      [say(l, '期末', 'End'), money(c.endAmount), c.endCount],
    ]),
}

const reportOptions = {
  period: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  owner: { type: 'string' },
  team: { type: 'string' },
  source: { type: 'string' },
  product: { type: 'string' },
  region: { type: 'string' },
  pipeline: { type: 'string' },
  field: { type: 'string', multiple: true },
  by: { type: 'string' },
  'from-snapshot': { type: 'string' },
  'to-snapshot': { type: 'string' },
} as const

export const analyticsCommands: Record<string, Command> = {
  report: {
    usage: [
      `report ${Object.keys(reports).join('|')} --db PATH [--period thisQuarter|all|…] [--from DATE --to DATE]`,
      '      [--owner NAME,…] [--team T] [--source S] [--product P] [--region R] [--pipeline KEY] [--field KEY=V1,V2 …] [--json]',
      '      breakdown: --by source|productLine|region|custom.KEY  pipeline and win rate per value',
      '      changes: [--from-snapshot ID] [--to-snapshot ID]     the same figures the dashboard shows',
    ],
    options: reportOptions,
    run: async (session) => {
      const kind = session.args[0] as ReportKind | undefined
      if (!kind || !Object.hasOwn(reports, kind)) {
        throw new CliFailure(say(session.locale, `请指定报表：${Object.keys(reports).join('|')}`, `Name a report: ${Object.keys(reports).join('|')}`), 2)
      }
      const { period, ...filters } = await filtersOf(session)
      const snapshot = (key: string) => (text(session, key) === undefined ? undefined : Number(text(session, key)))
      const input =
        kind === 'changes'
          ? { ...filters, fromSnapshotId: snapshot('from-snapshot'), toSnapshotId: snapshot('to-snapshot') }
          : kind === 'breakdown'
            ? { filters: { ...filters, period }, field: breakdownField(session) }
            : { ...filters, period }
      const value = await session.call(reports[kind], input as MethodInput<(typeof reports)[ReportKind]>)
      const describe = human[kind] as ((locale: Locale, value: unknown) => string) | undefined
      print(session, value, () =>
        [basis(session.locale, (value as { money: MoneyBasis }).money), describe ? describe(session.locale, value) : JSON.stringify(value, null, 2)].join('\n'),
      )
    },
  },
  snapshot: {
    usage: ['snapshot --db PATH [--note TEXT] [--json]            copy the open pipeline now'],
    options: { note: { type: 'string' } },
    run: async (session) => {
      const snapshot = await session.call('snapshots.take', { note: text(session, 'note') })
      print(session, snapshot, () => `#${snapshot.id} ${snapshot.takenAt} ${snapshot.week} ${snapshot.dealCount} ${money(snapshot.amount)}`)
    },
  },
  'weekly-review': {
    usage: ['weekly-review --db PATH [--week 2026-W47] [--owner NAME] --out FILE.xlsx   the weekly review workbook'],
    options: { week: { type: 'string' }, owner: { type: 'string' }, out: { type: 'string' } },
    run: async (session) => {
      const out = text(session, 'out')
      if (!out) throw new CliFailure(say(session.locale, '请用 --out 指定输出文件', 'Give the output file with --out'), 2)
      const owner = text(session, 'owner')
      const ownerId = owner ? findUser(await session.call('users.list', {}), owner, session.locale) : undefined
      const result = await session.call('analytics.weeklyReview', { week: text(session, 'week'), ownerId, file: out })
      print(session, result, () => [`${result.week} → ${result.file}`, ...result.sheets.map((s) => `  ${s.name}: ${s.rows}`)].join('\n'))
    },
  },
}
