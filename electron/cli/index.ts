import { parseArgs } from 'node:util'
import type { MethodInput, MethodName, MethodOutput, WorkspaceStats } from '../../shared'
import { dispatch, openCore, type Core } from '../core'
import { resolveWorkspacePath } from '../core/location'
import { CliFailure, cliLocale, describeFailure, valueOf } from './output'

const usage = `商机工作台 CLI / Opportunity Workbench CLI

Usage: npm run workbench -- <command> [options]

Commands:
  init  --db PATH                      create (or migrate) a workspace file
  demo  --db PATH [--scale N]          load the demo workspace (N opportunities, default 2500)
  stats --db PATH [--json]             counts per entity and per stage

Options:
  --db PATH      workspace file (default: WORKBENCH_DB, then the app's user-data folder)
  --lang zh-CN|en  language of messages (default: system locale)
`

const options = {
  db: { type: 'string' },
  scale: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const

type Flags = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values']

interface Session {
  core: Core
  flags: Flags
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>
}

const commands: Record<string, (session: Session) => Promise<void>> = {
  init: async ({ core }) => {
    console.log(`OK ${core.dbPath}`)
  },
  demo: async ({ call, flags }) => {
    const scale = flags.scale === undefined ? undefined : Number(flags.scale)
    const stats = await call('workspace.loadDemo', { scale })
    printStats(stats, flags.json)
  },
  stats: async ({ call, flags }) => {
    printStats(await call('workspace.stats', {}), flags.json)
  },
}

function printStats(stats: WorkspaceStats, json: boolean): void {
  if (json) {
    console.log(JSON.stringify(stats, null, 2))
    return
  }
  for (const [entity, count] of Object.entries(stats.counts)) console.log(`${entity.padEnd(14)} ${count}`)
  console.log('')
  for (const stage of stats.byStage) console.log(`${`${stage.nameZh} / ${stage.nameEn}`.padEnd(28)} ${stage.count}`)
}

async function main(argv: string[]): Promise<number> {
  const { values: flags, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true })
  const locale = cliLocale(flags.lang)
  const [name] = positionals
  if (flags.help || !name) {
    console.log(usage)
    return name || flags.help ? 0 : 2
  }
  const command = commands[name]
  if (!command) throw new CliFailure(`Unknown command: ${name}\n\n${usage}`, 2)

  const core = await openCore({ dbPath: resolveWorkspacePath(flags.db), surface: 'cli', trustAllPaths: true })
  try {
    const meta = { locale, userId: null }
    const call = async <M extends MethodName>(method: M, input: MethodInput<M>) =>
      valueOf(await dispatch(core, method, input, meta)) as MethodOutput<M>
    await command({ core, flags, call })
    return 0
  } finally {
    core.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(describeFailure(err, cliLocale(undefined)))
    process.exit(err instanceof CliFailure ? err.exitCode : 1)
  },
)
